using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Issues_FollowUpOn_Status_ReferralConfirmedAt",
                table: "Issues",
                columns: new[] { "FollowUpOn", "Status", "ReferralConfirmedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Issues_FollowUpOn_Status_ReferralConfirmedAt",
                table: "Issues");
        }
    }
}
