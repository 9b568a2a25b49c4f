using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartnerOpenIssueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Issues_RaisedById",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_TaskGroupId",
                table: "Issues");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_RaisedById_Status",
                table: "Issues",
                columns: new[] { "RaisedById", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_TaskGroupId_Status",
                table: "Issues",
                columns: new[] { "TaskGroupId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Issues_RaisedById_Status",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_TaskGroupId_Status",
                table: "Issues");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_RaisedById",
                table: "Issues",
                column: "RaisedById");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_TaskGroupId",
                table: "Issues",
                column: "TaskGroupId");
        }
    }
}
