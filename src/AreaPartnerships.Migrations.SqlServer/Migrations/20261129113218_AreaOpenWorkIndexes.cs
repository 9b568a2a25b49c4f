using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AreaOpenWorkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Issues_AreaId_Status_FollowUpOn_ReferralConfirmedAt",
                table: "Issues",
                columns: new[] { "AreaId", "Status", "FollowUpOn", "ReferralConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_AreaId_Status_TargetDate",
                table: "Issues",
                columns: new[] { "AreaId", "Status", "TargetDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Issues_AreaId_Status_FollowUpOn_ReferralConfirmedAt",
                table: "Issues");

            migrationBuilder.DropIndex(
                name: "IX_Issues_AreaId_Status_TargetDate",
                table: "Issues");
        }
    }
}
