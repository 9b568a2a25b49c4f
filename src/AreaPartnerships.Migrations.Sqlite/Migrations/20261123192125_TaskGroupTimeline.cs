using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TaskGroupTimeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanActions_TaskGroupId_Status",
                table: "PlanActions");

            migrationBuilder.CreateTable(
                name: "TaskGroupEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanActionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskGroupEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskGroupEvents_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskGroupEvents_PlanActions_PlanActionId",
                        column: x => x.PlanActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_TaskGroupEvents_TaskGroups_TaskGroupId",
                        column: x => x.TaskGroupId,
                        principalTable: "TaskGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroups_Status_ReviewOn",
                table: "TaskGroups",
                columns: new[] { "Status", "ReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_TaskGroupId_Status_DueOn",
                table: "PlanActions",
                columns: new[] { "TaskGroupId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroupEvents_ActorId",
                table: "TaskGroupEvents",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroupEvents_PlanActionId",
                table: "TaskGroupEvents",
                column: "PlanActionId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroupEvents_TaskGroupId_Id",
                table: "TaskGroupEvents",
                columns: new[] { "TaskGroupId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaskGroupEvents");

            migrationBuilder.DropIndex(
                name: "IX_TaskGroups_Status_ReviewOn",
                table: "TaskGroups");

            migrationBuilder.DropIndex(
                name: "IX_PlanActions_TaskGroupId_Status_DueOn",
                table: "PlanActions");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_TaskGroupId_Status",
                table: "PlanActions",
                columns: new[] { "TaskGroupId", "Status" });
        }
    }
}
