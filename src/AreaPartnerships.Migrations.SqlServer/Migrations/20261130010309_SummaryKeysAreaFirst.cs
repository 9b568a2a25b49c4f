using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SummaryKeysAreaFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_OpenIssueDates",
                table: "OpenIssueDates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_IssueMonthCounts",
                table: "IssueMonthCounts");

            migrationBuilder.AddPrimaryKey(
                name: "PK_OpenIssueDates",
                table: "OpenIssueDates",
                columns: new[] { "Kind", "AreaId", "On", "OwnerId", "Level" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_IssueMonthCounts",
                table: "IssueMonthCounts",
                columns: new[] { "Measure", "AreaId", "Month", "Level", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_OpenIssueDates",
                table: "OpenIssueDates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_IssueMonthCounts",
                table: "IssueMonthCounts");

            migrationBuilder.AddPrimaryKey(
                name: "PK_OpenIssueDates",
                table: "OpenIssueDates",
                columns: new[] { "Kind", "On", "AreaId", "OwnerId", "Level" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_IssueMonthCounts",
                table: "IssueMonthCounts",
                columns: new[] { "Measure", "Month", "AreaId", "Level", "Key" });
        }
    }
}
