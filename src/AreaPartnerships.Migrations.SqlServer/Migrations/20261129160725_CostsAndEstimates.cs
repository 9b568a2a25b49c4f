using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CostsAndEstimates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CostEstimateLines");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SourceDate",
                table: "UnitCosts",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CostEstimates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IssueId = table.Column<int>(type: "int", nullable: false),
                    Method = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Confidence = table.Column<int>(type: "int", nullable: false),
                    EstimatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Avoided = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    RecordedById = table.Column<int>(type: "int", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostEstimates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CostEstimates_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CostEstimates_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CostEstimates_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssueCosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IssueId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false),
                    BorneBy = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    UnitCostId = table.Column<int>(type: "int", nullable: true),
                    UnitCostAtTime = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Unit = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Quantity = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    IncurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedById = table.Column<int>(type: "int", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawnById = table.Column<int>(type: "int", nullable: true),
                    WithdrawnReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueCosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueCosts_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssueCosts_AspNetUsers_WithdrawnById",
                        column: x => x.WithdrawnById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssueCosts_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssueCosts_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssueCosts_UnitCosts_UnitCostId",
                        column: x => x.UnitCostId,
                        principalTable: "UnitCosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EstimateLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CostEstimateId = table.Column<int>(type: "int", nullable: false),
                    IssueId = table.Column<int>(type: "int", nullable: false),
                    UnitCostId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    UnitCostAtTime = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    BorneBy = table.Column<int>(type: "int", nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Probability = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RecordedById = table.Column<int>(type: "int", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RemovedById = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EstimateLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EstimateLines_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EstimateLines_AspNetUsers_RemovedById",
                        column: x => x.RemovedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EstimateLines_CostEstimates_CostEstimateId",
                        column: x => x.CostEstimateId,
                        principalTable: "CostEstimates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EstimateLines_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_EstimateLines_UnitCosts_UnitCostId",
                        column: x => x.UnitCostId,
                        principalTable: "UnitCosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CostEstimates_EstimatedOn_IssueId",
                table: "CostEstimates",
                columns: new[] { "EstimatedOn", "IssueId" });

            migrationBuilder.CreateIndex(
                name: "IX_CostEstimates_IssueId",
                table: "CostEstimates",
                column: "IssueId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CostEstimates_RecordedById",
                table: "CostEstimates",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_CostEstimates_UpdatedById",
                table: "CostEstimates",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_EstimateLines_CostEstimateId",
                table: "EstimateLines",
                column: "CostEstimateId");

            migrationBuilder.CreateIndex(
                name: "IX_EstimateLines_IssueId",
                table: "EstimateLines",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_EstimateLines_RecordedById",
                table: "EstimateLines",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_EstimateLines_RemovedById",
                table: "EstimateLines",
                column: "RemovedById");

            migrationBuilder.CreateIndex(
                name: "IX_EstimateLines_UnitCostId",
                table: "EstimateLines",
                column: "UnitCostId");

            migrationBuilder.CreateIndex(
                name: "IX_IssueCosts_IncurredOn_IssueId",
                table: "IssueCosts",
                columns: new[] { "IncurredOn", "IssueId" });

            migrationBuilder.CreateIndex(
                name: "IX_IssueCosts_IssueId_IncurredOn",
                table: "IssueCosts",
                columns: new[] { "IssueId", "IncurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_IssueCosts_OrganisationId",
                table: "IssueCosts",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_IssueCosts_RecordedById",
                table: "IssueCosts",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_IssueCosts_UnitCostId",
                table: "IssueCosts",
                column: "UnitCostId");

            migrationBuilder.CreateIndex(
                name: "IX_IssueCosts_WithdrawnById",
                table: "IssueCosts",
                column: "WithdrawnById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EstimateLines");

            migrationBuilder.DropTable(
                name: "IssueCosts");

            migrationBuilder.DropTable(
                name: "CostEstimates");

            migrationBuilder.DropColumn(
                name: "SourceDate",
                table: "UnitCosts");

            migrationBuilder.CreateTable(
                name: "CostEstimateLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BorneBy = table.Column<int>(type: "int", nullable: false),
                    IssueId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Quantity = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedById = table.Column<int>(type: "int", nullable: false),
                    UnitCostAtTime = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    UnitCostId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostEstimateLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CostEstimateLines_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CostEstimateLines_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CostEstimateLines_UnitCosts_UnitCostId",
                        column: x => x.UnitCostId,
                        principalTable: "UnitCosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CostEstimateLines_IssueId_Kind",
                table: "CostEstimateLines",
                columns: new[] { "IssueId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CostEstimateLines_RecordedById",
                table: "CostEstimateLines",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_CostEstimateLines_UnitCostId",
                table: "CostEstimateLines",
                column: "UnitCostId");
        }
    }
}
