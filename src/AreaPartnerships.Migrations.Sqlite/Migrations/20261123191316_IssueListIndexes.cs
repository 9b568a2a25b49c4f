using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IssueListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Issues_CategoryId",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_LeadOrganisationId_Status",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_OwnerId_Status",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_ReferredOrganisationId_Status",
                table: "Issues");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_CategoryId_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "CategoryId", "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_LastActivityAt_Id",
                table: "Issues",
                columns: new[] { "LastActivityAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_LeadOrganisationId_Status_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "LeadOrganisationId", "Status", "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Level_Status_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "Level", "Status", "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_OwnerId_Status_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "OwnerId", "Status", "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_ReferredOrganisationId_Status_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "ReferredOrganisationId", "Status", "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Source_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "Source", "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Status_TargetDate",
                table: "Issues",
                columns: new[] { "Status", "TargetDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_TargetDate_Id",
                table: "Issues",
                columns: new[] { "TargetDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Title_Id",
                table: "Issues",
                columns: new[] { "Title", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Issues_CategoryId_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_LastActivityAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_LeadOrganisationId_Status_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_Level_Status_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_OwnerId_Status_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_ReferredOrganisationId_Status_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_Source_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_Status_TargetDate",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_TargetDate_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_Title_Id",
                table: "Issues");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_CategoryId",
                table: "Issues",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_LeadOrganisationId_Status",
                table: "Issues",
                columns: new[] { "LeadOrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_OwnerId_Status",
                table: "Issues",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_ReferredOrganisationId_Status",
                table: "Issues",
                columns: new[] { "ReferredOrganisationId", "Status" });
        }
    }
}
