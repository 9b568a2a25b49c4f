using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Dashboard;

/// <summary>
/// A database from before the dashboard summaries existed (issues, steps and resolutions already there) gets them on
/// its first start with this release: the migration creates the tables and start-up counts them once from the issues,
/// to exactly the rows the app would have kept save by save.
/// </summary>
public sealed class SummaryUpgradeTests
{
    [Fact]
    public async Task Starting_on_a_database_from_before_the_summaries_counts_them_from_the_issues_already_there()
    {
        await using var before = new AppFactory();
        await DashboardWorld.CreateAsync(before);
        var kept = await SummariesAsync(before);
        Assert.NotEmpty(kept);

        // Back to the previous release's schema: the migration's tables and index gone, and it not yet applied.
        await before.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            DROP TABLE "WardFigures"; DROP TABLE "WardFigureImports"; DROP TABLE "HighlightReports";
            DROP TABLE "IssueMonthCounts"; DROP TABLE "OpenIssueDates"; DROP INDEX "IX_Issues_AreaId_Status_LastActivityAt";
            DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_DashboardSummariesWardFiguresHighlightReports';
            """));

        await using var after = AppFactory.SharingDatabaseWith(before);
        Assert.Equal(kept, await SummariesAsync(after));
    }

    private static Task<List<string>> SummariesAsync(AppFactory app) =>
        app.WithDbAsync(async db =>
            (await db.IssueMonthCounts.AsNoTracking().Where(c => c.Total != 0).ToListAsync())
                .Select(c => $"{c.Measure} {c.Month} {c.AreaId} {c.Level} {c.Key} = {c.Total}")
                .Concat((await db.OpenIssueDates.AsNoTracking().Where(c => c.Total != 0).ToListAsync())
                    .Select(c => $"{c.Kind} {c.On:yyyy-MM-dd} {c.AreaId} {c.OwnerId} {c.Level} = {c.Total}"))
                .Order(StringComparer.Ordinal).ToList());
}
