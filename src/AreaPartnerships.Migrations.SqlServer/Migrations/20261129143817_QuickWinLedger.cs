using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class QuickWinLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_QuickWinSpends_QuickWinSpends_ReversesSpendId",
                table: "QuickWinSpends");

            migrationBuilder.DropIndex(
                name: "IX_QuickWinSpends_BudgetId_SpentOn",
                table: "QuickWinSpends");

            migrationBuilder.RenameColumn(
                name: "ReversesSpendId",
                table: "QuickWinSpends",
                newName: "AdjustsSpendId");

            migrationBuilder.RenameIndex(
                name: "IX_QuickWinSpends_ReversesSpendId",
                table: "QuickWinSpends",
                newName: "IX_QuickWinSpends_AdjustsSpendId");

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "QuickWinSpends",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "PayeeIsSensitive",
                table: "QuickWinSpends",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "QuickWinSpends",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "QuickWinSpends",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AllocationChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetId = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    To = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ById = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AllocationChanges_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AllocationChanges_QuickWinBudgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "QuickWinBudgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuickWinSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    SpendCeiling = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuickWinSettings", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "QuickWinSettings",
                columns: new[] { "Id", "SpendCeiling", "Version" },
                values: new object[] { 1, null, new Guid("6d1f2b7e-3c52-4f0e-9a3b-1f6a2b0c9d11") });

            migrationBuilder.CreateIndex(
                name: "IX_QuickWinSpends_BudgetId_SpentOn_Id",
                table: "QuickWinSpends",
                columns: new[] { "BudgetId", "SpentOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_QuickWinBudgets_FinancialYearStart_AreaId",
                table: "QuickWinBudgets",
                columns: new[] { "FinancialYearStart", "AreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationChanges_BudgetId_Id",
                table: "AllocationChanges",
                columns: new[] { "BudgetId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationChanges_ById",
                table: "AllocationChanges",
                column: "ById");

            migrationBuilder.AddForeignKey(
                name: "FK_QuickWinSpends_QuickWinSpends_AdjustsSpendId",
                table: "QuickWinSpends",
                column: "AdjustsSpendId",
                principalTable: "QuickWinSpends",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_QuickWinSpends_QuickWinSpends_AdjustsSpendId",
                table: "QuickWinSpends");

            migrationBuilder.DropTable(
                name: "AllocationChanges");

            migrationBuilder.DropTable(
                name: "QuickWinSettings");

            migrationBuilder.DropIndex(
                name: "IX_QuickWinSpends_BudgetId_SpentOn_Id",
                table: "QuickWinSpends");

            migrationBuilder.DropIndex(
                name: "IX_QuickWinBudgets_FinancialYearStart_AreaId",
                table: "QuickWinBudgets");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "QuickWinSpends");

            migrationBuilder.DropColumn(
                name: "PayeeIsSensitive",
                table: "QuickWinSpends");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "QuickWinSpends");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "QuickWinSpends");

            migrationBuilder.RenameColumn(
                name: "AdjustsSpendId",
                table: "QuickWinSpends",
                newName: "ReversesSpendId");

            migrationBuilder.RenameIndex(
                name: "IX_QuickWinSpends_AdjustsSpendId",
                table: "QuickWinSpends",
                newName: "IX_QuickWinSpends_ReversesSpendId");

            migrationBuilder.CreateIndex(
                name: "IX_QuickWinSpends_BudgetId_SpentOn",
                table: "QuickWinSpends",
                columns: new[] { "BudgetId", "SpentOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_QuickWinSpends_QuickWinSpends_ReversesSpendId",
                table: "QuickWinSpends",
                column: "ReversesSpendId",
                principalTable: "QuickWinSpends",
                principalColumn: "Id");
        }
    }
}
