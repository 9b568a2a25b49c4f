using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IssueCountsAndSeekIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Issues_FollowUpOn_Status_ReferralConfirmedAt",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_Status_TargetDate",
                table: "Issues");

            migrationBuilder.CreateTable(
                name: "IssueCounts",
                columns: table => new
                {
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    IsConfidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueCounts", x => new { x.AreaId, x.WardId, x.Status, x.Level, x.IsConfidential });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_AreaId_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "AreaId", "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Level_Id",
                table: "Issues",
                columns: new[] { "Level", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_OwnerId_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "OwnerId", "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Status_FollowUpOn_ReferralConfirmedAt_AreaId_WardId",
                table: "Issues",
                columns: new[] { "Status", "FollowUpOn", "ReferralConfirmedAt", "AreaId", "WardId" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Status_Id",
                table: "Issues",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Status_TargetDate_AreaId_WardId",
                table: "Issues",
                columns: new[] { "Status", "TargetDate", "AreaId", "WardId" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_WardId_RaisedAt_Id",
                table: "Issues",
                columns: new[] { "WardId", "RaisedAt", "Id" });

            // The summary starts equal to the straight count of the issues already held; from here on every save keeps it.
            migrationBuilder.Sql(
                """
                INSERT INTO "IssueCounts" ("AreaId", "WardId", "Status", "Level", "IsConfidential", "Total")
                SELECT "AreaId", "WardId", "Status", COALESCE("Level", 0), "IsConfidential", COUNT(*)
                FROM "Issues"
                GROUP BY "AreaId", "WardId", "Status", COALESCE("Level", 0), "IsConfidential";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IssueCounts");

            migrationBuilder.DropIndex(
                name: "IX_Issues_AreaId_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_Level_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_OwnerId_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_Status_FollowUpOn_ReferralConfirmedAt_AreaId_WardId",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_Status_Id",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_Status_TargetDate_AreaId_WardId",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_WardId_RaisedAt_Id",
                table: "Issues");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_FollowUpOn_Status_ReferralConfirmedAt",
                table: "Issues",
                columns: new[] { "FollowUpOn", "Status", "ReferralConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Status_TargetDate",
                table: "Issues",
                columns: new[] { "Status", "TargetDate" });
        }
    }
}
