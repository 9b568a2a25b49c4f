using AreaPartnerships.Domain.Issues;
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

    [Fact]
    public async Task Starting_on_a_database_from_before_the_boroughs_own_rows_and_the_undated_open_rows_counts_them_from_the_issues()
    {
        await using var before = new AppFactory();
        await DashboardWorld.CreateAsync(before);
        var kept = await SummariesAsync(before);
        Assert.Contains(kept, row => row.StartsWith(nameof(IssueMeasure.Resolved), StringComparison.Ordinal) && row.Split(' ')[2] == "0");
        Assert.Contains(kept, row => row.StartsWith(nameof(OpenIssueDateKind.Raised), StringComparison.Ordinal) && row.Split(' ')[2] == "0");
        Assert.Contains(kept, row => row.StartsWith(nameof(OpenIssueDateKind.Open), StringComparison.Ordinal));

        await before.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            DELETE FROM "IssueMonthCounts" WHERE "AreaId" = 0;
            DELETE FROM "OpenIssueDates" WHERE "AreaId" = 0 OR "Kind" = 4;
            DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_BoroughMonthCounts' OR "MigrationId" LIKE '%_OpenIssueCountsUndatedAndBorough';
            """));

        await using var after = AppFactory.SharingDatabaseWith(before);
        Assert.Equal(kept, await SummariesAsync(after));
    }

    [Fact]
    public async Task Starting_on_a_database_from_before_the_value_summary_sums_it_from_the_ledger_costs_and_estimates_already_there()
    {
        await using var before = new AppFactory();
        await ValueForMoney.ValueWorld.CreateAsync(before);
        var kept = await ValueRowsAsync(before);
        Assert.NotEmpty(kept);

        await before.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            DROP TABLE "ValueMonthTotals";
            DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_ValueMonthTotals';
            """));

        await using var after = AppFactory.SharingDatabaseWith(before);
        Assert.Equal(kept, await ValueRowsAsync(after));
    }

    private static Task<List<string>> ValueRowsAsync(AppFactory app) =>
        app.WithDbAsync(async db => (await db.ValueMonthTotals.AsNoTracking().Where(t => t.Total != 0).ToListAsync())
            .Select(t => $"{t.Measure} {t.Month} {t.AreaId} {t.BorneBy} = {t.Total}").Order(StringComparer.Ordinal).ToList());

    private static Task<List<string>> SummariesAsync(AppFactory app) =>
        app.WithDbAsync(async db =>
            (await db.IssueMonthCounts.AsNoTracking().Where(c => c.Total != 0).ToListAsync())
                .Select(c => $"{c.Measure} {c.Month} {c.AreaId} {c.Level} {c.Key} = {c.Total}")
                .Concat((await db.OpenIssueDates.AsNoTracking().Where(c => c.Total != 0).ToListAsync())
                    .Select(c => $"{c.Kind} {c.On:yyyy-MM-dd} {c.AreaId} {c.OwnerId} {c.Level} = {c.Total}"))
                .Order(StringComparer.Ordinal).ToList());
}
