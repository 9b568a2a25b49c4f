using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActionReminderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_DueOn_Status",
                table: "PlanActions",
                columns: new[] { "DueOn", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanActions_DueOn_Status",
                table: "PlanActions");
        }
    }
}
