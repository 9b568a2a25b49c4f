using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AreaPartnerships.Migrations.SqlServer.Migrations
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
                INSERT INTO [ReferenceCounters] ([Year], [LastNumber], [Version])
                SELECT DISTINCT TRY_CAST(SUBSTRING(i.[Reference], 4, 4) AS int), 0, NEWID() FROM [Issues] AS i
                WHERE i.[Reference] LIKE 'AP-[0-9][0-9][0-9][0-9]-[0-9]%'
                  AND NOT EXISTS (SELECT 1 FROM [ReferenceCounters] AS c WHERE c.[Year] = TRY_CAST(SUBSTRING(i.[Reference], 4, 4) AS int));
                """);
            migrationBuilder.Sql("""
                UPDATE c SET [LastNumber] = CASE WHEN m.[MaxNumber] > c.[LastNumber] THEN m.[MaxNumber] ELSE c.[LastNumber] END
                FROM [ReferenceCounters] AS c
                JOIN (
                    SELECT TRY_CAST(SUBSTRING([Reference], 4, 4) AS int) AS [Year], MAX(TRY_CAST(SUBSTRING([Reference], 9, 12) AS int)) AS [MaxNumber]
                    FROM [Issues]
                    WHERE [Reference] LIKE 'AP-[0-9][0-9][0-9][0-9]-[0-9]%'
                    GROUP BY TRY_CAST(SUBSTRING([Reference], 4, 4) AS int)
                ) AS m ON m.[Year] = c.[Year];
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
