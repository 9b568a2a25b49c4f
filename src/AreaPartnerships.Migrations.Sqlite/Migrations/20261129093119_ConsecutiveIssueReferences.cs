using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConsecutiveIssueReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The counter's version is no longer a concurrency token (no schema change). Each year's counter starts
            // from the highest reference already issued that year, so the next raise continues the sequence (and a
            // year with issues but no counter row gets one).
            migrationBuilder.Sql("""
                INSERT INTO "ReferenceCounters" ("Year", "LastNumber", "Version")
                SELECT DISTINCT CAST(substr(i."Reference", 4, 4) AS INTEGER), 0, '00000000-0000-0000-0000-000000000000' FROM "Issues" AS i
                WHERE i."Reference" GLOB 'AP-[0-9][0-9][0-9][0-9]-[0-9]*'
                  AND NOT EXISTS (SELECT 1 FROM "ReferenceCounters" AS c WHERE c."Year" = CAST(substr(i."Reference", 4, 4) AS INTEGER));
                """);
            migrationBuilder.Sql("""
                UPDATE "ReferenceCounters"
                SET "LastNumber" = max("LastNumber", COALESCE((
                    SELECT max(CAST(substr(i."Reference", 9) AS INTEGER)) FROM "Issues" AS i
                    WHERE i."Reference" GLOB 'AP-[0-9][0-9][0-9][0-9]-[0-9]*'
                      AND CAST(substr(i."Reference", 4, 4) AS INTEGER) = "ReferenceCounters"."Year"), 0));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
