using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IssueLinksAndTimelineOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskGroupEvents_TaskGroupId_Id",
                table: "TaskGroupEvents");

            migrationBuilder.DropIndex(
                name: "IX_PlanActionUpdates_PlanActionId_Id",
                table: "PlanActionUpdates");

            migrationBuilder.DropIndex(
                name: "IX_IssueEvents_IssueId_Id",
                table: "IssueEvents");

            migrationBuilder.AddColumn<int>(
                name: "RelatedIssueId",
                table: "IssueEvents",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IssueLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IssueId = table.Column<int>(type: "int", nullable: false),
                    OtherIssueId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    LinkedById = table.Column<int>(type: "int", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueLinks_AspNetUsers_LinkedById",
                        column: x => x.LinkedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssueLinks_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssueLinks_Issues_OtherIssueId",
                        column: x => x.OtherIssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroupEvents_TaskGroupId_OccurredAt_Id",
                table: "TaskGroupEvents",
                columns: new[] { "TaskGroupId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActionUpdates_PlanActionId_RecordedAt_Id",
                table: "PlanActionUpdates",
                columns: new[] { "PlanActionId", "RecordedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IssueEvents_IssueId_OccurredAt_Id",
                table: "IssueEvents",
                columns: new[] { "IssueId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Theme",
                table: "Categories",
                column: "Theme");

            migrationBuilder.CreateIndex(
                name: "IX_IssueLinks_IssueId_OtherIssueId",
                table: "IssueLinks",
                columns: new[] { "IssueId", "OtherIssueId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssueLinks_LinkedById",
                table: "IssueLinks",
                column: "LinkedById");

            migrationBuilder.CreateIndex(
                name: "IX_IssueLinks_OtherIssueId",
                table: "IssueLinks",
                column: "OtherIssueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IssueLinks");

            migrationBuilder.DropIndex(
                name: "IX_TaskGroupEvents_TaskGroupId_OccurredAt_Id",
                table: "TaskGroupEvents");

            migrationBuilder.DropIndex(
                name: "IX_PlanActionUpdates_PlanActionId_RecordedAt_Id",
                table: "PlanActionUpdates");

            migrationBuilder.DropIndex(
                name: "IX_IssueEvents_IssueId_OccurredAt_Id",
                table: "IssueEvents");

            migrationBuilder.DropIndex(
                name: "IX_Categories_Theme",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "RelatedIssueId",
                table: "IssueEvents");

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroupEvents_TaskGroupId_Id",
                table: "TaskGroupEvents",
                columns: new[] { "TaskGroupId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActionUpdates_PlanActionId_Id",
                table: "PlanActionUpdates",
                columns: new[] { "PlanActionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IssueEvents_IssueId_Id",
                table: "IssueEvents",
                columns: new[] { "IssueId", "Id" });
        }
    }
}
