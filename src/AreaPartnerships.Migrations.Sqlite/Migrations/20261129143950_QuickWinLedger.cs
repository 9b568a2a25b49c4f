using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuickWinLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot change a table's foreign keys without rebuilding it, and EF runs that rebuild outside the
            // migration's transaction. The ledger table has never held rows (no release wrote it before this one), so it
            // is dropped and created afresh with its new columns, keys and indexes, inside the transaction. The SQL is
            // what EF generates for the model; the snapshot is unchanged.
            migrationBuilder.DropTable(name: "QuickWinSpends");

            migrationBuilder.Sql("""
                CREATE TABLE "QuickWinSpends" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_QuickWinSpends" PRIMARY KEY AUTOINCREMENT,
                    "AdjustsSpendId" INTEGER NULL,
                    "Amount" TEXT NOT NULL,
                    "BudgetId" INTEGER NOT NULL,
                    "IssueId" INTEGER NULL,
                    "Kind" INTEGER NOT NULL,
                    "Payee" TEXT NOT NULL,
                    "PayeeIsSensitive" INTEGER NOT NULL,
                    "Purpose" TEXT NOT NULL,
                    "Reason" TEXT NULL,
                    "RecordedAt" TEXT NOT NULL,
                    "RecordedById" INTEGER NOT NULL,
                    "Reference" TEXT NULL,
                    "SpentOn" TEXT NOT NULL,
                    CONSTRAINT "FK_QuickWinSpends_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_QuickWinSpends_Issues_IssueId" FOREIGN KEY ("IssueId") REFERENCES "Issues" ("Id"),
                    CONSTRAINT "FK_QuickWinSpends_QuickWinBudgets_BudgetId" FOREIGN KEY ("BudgetId") REFERENCES "QuickWinBudgets" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_QuickWinSpends_QuickWinSpends_AdjustsSpendId" FOREIGN KEY ("AdjustsSpendId") REFERENCES "QuickWinSpends" ("Id")
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_QuickWinSpends_AdjustsSpendId" ON "QuickWinSpends" ("AdjustsSpendId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_QuickWinSpends_BudgetId_SpentOn_Id" ON "QuickWinSpends" ("BudgetId", "SpentOn", "Id");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_QuickWinSpends_IssueId" ON "QuickWinSpends" ("IssueId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_QuickWinSpends_RecordedById" ON "QuickWinSpends" ("RecordedById");
                """);

            migrationBuilder.CreateTable(
                name: "AllocationChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BudgetId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    To = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ById = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    SpendCeiling = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
