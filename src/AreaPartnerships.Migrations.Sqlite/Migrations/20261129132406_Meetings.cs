using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot add a foreign key to a table, or drop a column, without rebuilding the table, and EF runs
            // that rebuild outside the migration's transaction (it must switch foreign keys off), so an interrupted
            // upgrade could leave the database half-migrated. The meeting tables have never held rows (no release wrote
            // them before this one), so they are dropped and created afresh with their new columns, keys and indexes,
            // all inside the migration's transaction. The SQL is what EF generates for the model; the snapshot is
            // unchanged, and the migration tests check the model against it.
            foreach (var table in new[] { "Decisions", "AgendaItems", "MeetingAttendees", "Meetings" })
            {
                migrationBuilder.DropTable(name: table);
            }

            migrationBuilder.Sql("""
                CREATE TABLE "Meetings" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY AUTOINCREMENT,
                    "AreaId" INTEGER NULL,
                    "CalendarSequence" INTEGER NOT NULL,
                    "CalendarUid" TEXT NOT NULL,
                    "CancellationReason" TEXT NULL,
                    "ChairUserId" INTEGER NULL,
                    "CreatedAt" TEXT NOT NULL,
                    "CreatedById" INTEGER NOT NULL,
                    "EndsAt" TEXT NOT NULL,
                    "IsConfidential" INTEGER NOT NULL,
                    "Minutes" TEXT NULL,
                    "MinutesApprovedAt" TEXT NULL,
                    "MinutesApprovedById" INTEGER NULL,
                    "OnlineLink" TEXT NULL,
                    "Purpose" TEXT NULL,
                    "StartsAt" TEXT NOT NULL,
                    "Status" INTEGER NOT NULL,
                    "TaskGroupId" INTEGER NULL,
                    "Title" TEXT NOT NULL,
                    "Type" INTEGER NOT NULL,
                    "Venue" TEXT NULL,
                    "Version" TEXT NOT NULL,
                    "WardId" INTEGER NULL,
                    CONSTRAINT "FK_Meetings_Areas_AreaId" FOREIGN KEY ("AreaId") REFERENCES "Areas" ("Id"),
                    CONSTRAINT "FK_Meetings_AspNetUsers_ChairUserId" FOREIGN KEY ("ChairUserId") REFERENCES "AspNetUsers" ("Id"),
                    CONSTRAINT "FK_Meetings_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Meetings_AspNetUsers_MinutesApprovedById" FOREIGN KEY ("MinutesApprovedById") REFERENCES "AspNetUsers" ("Id"),
                    CONSTRAINT "FK_Meetings_TaskGroups_TaskGroupId" FOREIGN KEY ("TaskGroupId") REFERENCES "TaskGroups" ("Id"),
                    CONSTRAINT "FK_Meetings_Wards_WardId" FOREIGN KEY ("WardId") REFERENCES "Wards" ("Id")
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Meetings_AreaId_StartsAt_Id" ON "Meetings" ("AreaId", "StartsAt", "Id");
                """);

            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_Meetings_CalendarUid" ON "Meetings" ("CalendarUid");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Meetings_ChairUserId" ON "Meetings" ("ChairUserId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Meetings_CreatedById" ON "Meetings" ("CreatedById");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Meetings_MinutesApprovedById" ON "Meetings" ("MinutesApprovedById");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Meetings_StartsAt_Id" ON "Meetings" ("StartsAt", "Id");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Meetings_TaskGroupId" ON "Meetings" ("TaskGroupId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Meetings_Type_StartsAt_Id" ON "Meetings" ("Type", "StartsAt", "Id");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Meetings_WardId_StartsAt" ON "Meetings" ("WardId", "StartsAt");
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "MeetingAttendees" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingAttendees" PRIMARY KEY AUTOINCREMENT,
                    "Attendance" INTEGER NOT NULL,
                    "ConfidentialityAgreementSigned" INTEGER NOT NULL,
                    "GuestEmail" TEXT NULL,
                    "GuestName" TEXT NULL,
                    "GuestOrganisation" TEXT NULL,
                    "InvitedAt" TEXT NOT NULL,
                    "InvitedById" INTEGER NULL,
                    "MeetingId" INTEGER NOT NULL,
                    "Response" INTEGER NOT NULL,
                    "UserId" INTEGER NULL,
                    CONSTRAINT "FK_MeetingAttendees_AspNetUsers_InvitedById" FOREIGN KEY ("InvitedById") REFERENCES "AspNetUsers" ("Id"),
                    CONSTRAINT "FK_MeetingAttendees_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id"),
                    CONSTRAINT "FK_MeetingAttendees_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_MeetingAttendees_InvitedById" ON "MeetingAttendees" ("InvitedById");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_MeetingAttendees_MeetingId_UserId" ON "MeetingAttendees" ("MeetingId", "UserId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_MeetingAttendees_UserId_MeetingId" ON "MeetingAttendees" ("UserId", "MeetingId");
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "AgendaItems" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaItems" PRIMARY KEY AUTOINCREMENT,
                    "IssueId" INTEGER NULL,
                    "MeetingId" INTEGER NOT NULL,
                    "Minute" TEXT NULL,
                    "Order" INTEGER NOT NULL,
                    "TaskGroupId" INTEGER NULL,
                    "Title" TEXT NOT NULL,
                    CONSTRAINT "FK_AgendaItems_Issues_IssueId" FOREIGN KEY ("IssueId") REFERENCES "Issues" ("Id"),
                    CONSTRAINT "FK_AgendaItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_AgendaItems_TaskGroups_TaskGroupId" FOREIGN KEY ("TaskGroupId") REFERENCES "TaskGroups" ("Id")
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_AgendaItems_IssueId" ON "AgendaItems" ("IssueId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_AgendaItems_MeetingId_Order" ON "AgendaItems" ("MeetingId", "Order");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_AgendaItems_TaskGroupId" ON "AgendaItems" ("TaskGroupId");
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "Decisions" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_Decisions" PRIMARY KEY AUTOINCREMENT,
                    "MeetingId" INTEGER NOT NULL,
                    "AgendaItemId" INTEGER NULL,
                    "Text" TEXT NOT NULL,
                    "RecordedAt" TEXT NOT NULL,
                    "RecordedById" INTEGER NOT NULL,
                    CONSTRAINT "FK_Decisions_AgendaItems_AgendaItemId" FOREIGN KEY ("AgendaItemId") REFERENCES "AgendaItems" ("Id"),
                    CONSTRAINT "FK_Decisions_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Decisions_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE RESTRICT
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Decisions_AgendaItemId" ON "Decisions" ("AgendaItemId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Decisions_MeetingId" ON "Decisions" ("MeetingId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Decisions_RecordedById" ON "Decisions" ("RecordedById");
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "MeetingEvents" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingEvents" PRIMARY KEY AUTOINCREMENT,
                    "MeetingId" INTEGER NOT NULL,
                    "ActorId" INTEGER NOT NULL,
                    "OccurredAt" TEXT NOT NULL,
                    "Summary" TEXT NOT NULL,
                    "Body" TEXT NULL,
                    CONSTRAINT "FK_MeetingEvents_AspNetUsers_ActorId" FOREIGN KEY ("ActorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_MeetingEvents_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE RESTRICT
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_MeetingEvents_ActorId" ON "MeetingEvents" ("ActorId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_MeetingEvents_MeetingId_Id" ON "MeetingEvents" ("MeetingId", "Id");
                """);
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
                type: "TEXT",
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
