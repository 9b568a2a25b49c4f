using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SummaryKeysAreaFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The summaries are derived from the issues and counted afresh on start-up (DatabaseSetup.IssueSummaryRecounts):
            // dropping and creating them stays inside the migration's transaction, where changing a SQLite table's
            // primary key in place would rebuild it outside one.
            migrationBuilder.DropTable(name: "IssueMonthCounts");
            migrationBuilder.DropTable(name: "OpenIssueDates");

            migrationBuilder.CreateTable(
                name: "IssueMonthCounts",
                columns: table => new
                {
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueMonthCounts", x => new { x.Measure, x.AreaId, x.Month, x.Level, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "OpenIssueDates",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIssueDates", x => new { x.Kind, x.AreaId, x.On, x.OwnerId, x.Level });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The summaries are derived from the issues and counted afresh on start-up (DatabaseSetup.IssueSummaryRecounts):
            // dropping and creating them stays inside the migration's transaction, where changing a SQLite table's
            // primary key in place would rebuild it outside one.
            migrationBuilder.DropTable(name: "IssueMonthCounts");
            migrationBuilder.DropTable(name: "OpenIssueDates");

            migrationBuilder.CreateTable(
                name: "IssueMonthCounts",
                columns: table => new
                {
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueMonthCounts", x => new { x.Measure, x.Month, x.AreaId, x.Level, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "OpenIssueDates",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIssueDates", x => new { x.Kind, x.On, x.AreaId, x.OwnerId, x.Level });
                });
        }
    }
}
