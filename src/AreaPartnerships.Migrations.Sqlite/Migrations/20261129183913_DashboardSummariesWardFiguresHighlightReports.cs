using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardSummariesWardFiguresHighlightReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HighlightReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuarterStarts = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Achievements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RisksAndIssues = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AsksOfBoard = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedById = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FrozenFigures = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighlightReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HighlightReports_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HighlightReports_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                });

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

            migrationBuilder.CreateTable(
                name: "WardFigureImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedById = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FigureCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WardFigureImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WardFigureImports_AspNetUsers_ImportedById",
                        column: x => x.ImportedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WardFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AsAt = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReplacedByImportId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WardFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WardFigures_WardFigureImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "WardFigureImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WardFigures_WardFigureImports_ReplacedByImportId",
                        column: x => x.ReplacedByImportId,
                        principalTable: "WardFigureImports",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_WardFigures_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_AreaId_Status_LastActivityAt",
                table: "Issues",
                columns: new[] { "AreaId", "Status", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HighlightReports_AreaId_QuarterStarts",
                table: "HighlightReports",
                columns: new[] { "AreaId", "QuarterStarts" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HighlightReports_QuarterStarts_Status",
                table: "HighlightReports",
                columns: new[] { "QuarterStarts", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HighlightReports_SubmittedById",
                table: "HighlightReports",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_WardFigureImports_ImportedAt",
                table: "WardFigureImports",
                column: "ImportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WardFigureImports_ImportedById",
                table: "WardFigureImports",
                column: "ImportedById");

            migrationBuilder.CreateIndex(
                name: "IX_WardFigures_ImportId",
                table: "WardFigures",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_WardFigures_ReplacedByImportId",
                table: "WardFigures",
                column: "ReplacedByImportId");

            migrationBuilder.CreateIndex(
                name: "IX_WardFigures_WardId_ReplacedByImportId_Measure",
                table: "WardFigures",
                columns: new[] { "WardId", "ReplacedByImportId", "Measure" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HighlightReports");

            migrationBuilder.DropTable(
                name: "IssueMonthCounts");

            migrationBuilder.DropTable(
                name: "OpenIssueDates");

            migrationBuilder.DropTable(
                name: "WardFigures");

            migrationBuilder.DropTable(
                name: "WardFigureImports");

            migrationBuilder.DropIndex(
                name: "IX_Issues_AreaId_Status_LastActivityAt",
                table: "Issues");
        }
    }
}
