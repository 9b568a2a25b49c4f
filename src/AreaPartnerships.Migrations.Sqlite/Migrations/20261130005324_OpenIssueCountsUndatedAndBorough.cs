using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OpenIssueCountsUndatedAndBorough : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No schema change: the open-issue dates gain undated rows (OpenIssueDateKind.Open) and the borough's own
            // "raised" rows (OpenIssueDate.Borough), counted from the issues on start-up by DatabaseSetup.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
