using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StepsByKindIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssueEvents_Kind_OccurredAt",
                table: "IssueEvents");

            migrationBuilder.CreateIndex(
                name: "IX_IssueEvents_Kind_OccurredAt_IssueId",
                table: "IssueEvents",
                columns: new[] { "Kind", "OccurredAt", "IssueId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssueEvents_Kind_OccurredAt_IssueId",
                table: "IssueEvents");

            migrationBuilder.CreateIndex(
                name: "IX_IssueEvents_Kind_OccurredAt",
                table: "IssueEvents",
                columns: new[] { "Kind", "OccurredAt" });
        }
    }
}
