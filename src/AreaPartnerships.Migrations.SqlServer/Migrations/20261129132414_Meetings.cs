using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Meetings_AreaId_StartsAt",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_WardId",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_MeetingAttendees_UserId",
                table: "MeetingAttendees");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AgendaItems");

            migrationBuilder.AddColumn<int>(
                name: "CalendarSequence",
                table: "Meetings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "CalendarUid",
                table: "Meetings",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Meetings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChairUserId",
                table: "Meetings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "Meetings",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "CreatedById",
                table: "Meetings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndsAt",
                table: "Meetings",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "MinutesApprovedAt",
                table: "Meetings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinutesApprovedById",
                table: "Meetings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnlineLink",
                table: "Meetings",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "Meetings",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Meetings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "GuestEmail",
                table: "MeetingAttendees",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InvitedAt",
                table: "MeetingAttendees",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "InvitedById",
                table: "MeetingAttendees",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Response",
                table: "MeetingAttendees",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MeetingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    ActorId = table.Column<int>(type: "int", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingEvents_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingEvents_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_AreaId_StartsAt_Id",
                table: "Meetings",
                columns: new[] { "AreaId", "StartsAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_CalendarUid",
                table: "Meetings",
                column: "CalendarUid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_ChairUserId",
                table: "Meetings",
                column: "ChairUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_CreatedById",
                table: "Meetings",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_MinutesApprovedById",
                table: "Meetings",
                column: "MinutesApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_StartsAt_Id",
                table: "Meetings",
                columns: new[] { "StartsAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Type_StartsAt_Id",
                table: "Meetings",
                columns: new[] { "Type", "StartsAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_WardId_StartsAt",
                table: "Meetings",
                columns: new[] { "WardId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendees_InvitedById",
                table: "MeetingAttendees",
                column: "InvitedById");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendees_UserId_MeetingId",
                table: "MeetingAttendees",
                columns: new[] { "UserId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingEvents_ActorId",
                table: "MeetingEvents",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingEvents_MeetingId_Id",
                table: "MeetingEvents",
                columns: new[] { "MeetingId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingAttendees_AspNetUsers_InvitedById",
                table: "MeetingAttendees",
                column: "InvitedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_AspNetUsers_ChairUserId",
                table: "Meetings",
                column: "ChairUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_AspNetUsers_CreatedById",
                table: "Meetings",
                column: "CreatedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_AspNetUsers_MinutesApprovedById",
                table: "Meetings",
                column: "MinutesApprovedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MeetingAttendees_AspNetUsers_InvitedById",
                table: "MeetingAttendees");

            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_AspNetUsers_ChairUserId",
                table: "Meetings");

            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_AspNetUsers_CreatedById",
                table: "Meetings");

            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_AspNetUsers_MinutesApprovedById",
                table: "Meetings");

            migrationBuilder.DropTable(
                name: "MeetingEvents");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_AreaId_StartsAt_Id",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_CalendarUid",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_ChairUserId",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_CreatedById",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_MinutesApprovedById",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_StartsAt_Id",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_Type_StartsAt_Id",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_WardId_StartsAt",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_MeetingAttendees_InvitedById",
                table: "MeetingAttendees");

            migrationBuilder.DropIndex(
                name: "IX_MeetingAttendees_UserId_MeetingId",
                table: "MeetingAttendees");

            migrationBuilder.DropColumn(
                name: "CalendarSequence",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CalendarUid",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ChairUserId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "EndsAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinutesApprovedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinutesApprovedById",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "OnlineLink",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "GuestEmail",
                table: "MeetingAttendees");

            migrationBuilder.DropColumn(
                name: "InvitedAt",
                table: "MeetingAttendees");

            migrationBuilder.DropColumn(
                name: "InvitedById",
                table: "MeetingAttendees");

            migrationBuilder.DropColumn(
                name: "Response",
                table: "MeetingAttendees");

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "AgendaItems",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_AreaId_StartsAt",
                table: "Meetings",
                columns: new[] { "AreaId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_WardId",
                table: "Meetings",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendees_UserId",
                table: "MeetingAttendees",
                column: "UserId");
        }
    }
}
