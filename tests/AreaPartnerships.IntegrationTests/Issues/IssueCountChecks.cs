using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>Reads the <see cref="IssueCount"/> summary and checks it against the straight count of the issues.</summary>
public static class IssueCountChecks
{
    public static Task<List<(int AreaId, int WardId, IssueStatus Status, int Level, bool IsConfidential, int Total)>> SummaryAsync(AppFactory app) =>
        app.WithDbAsync(async db => (await db.IssueCounts.AsNoTracking().Where(c => c.Total != 0).ToListAsync())
            .Select(c => (c.AreaId, c.WardId, c.Status, c.Level, c.IsConfidential, c.Total))
            .OrderBy(c => c.AreaId).ThenBy(c => c.WardId).ThenBy(c => c.Status).ThenBy(c => c.Level).ThenBy(c => c.IsConfidential)
            .ToList());

    /// <summary>The summary's non-zero rows are exactly the issues table grouped and counted.</summary>
    public static async Task AssertSummaryEqualsStraightCountAsync(AppFactory app)
    {
        var straight = await app.WithDbAsync(async db => (await db.Issues.AsNoTracking()
                .GroupBy(i => new { i.AreaId, i.WardId, i.Status, i.Level, i.IsConfidential })
                .Select(g => new { g.Key, Total = g.Count() })
                .ToListAsync())
            .Select(g => (g.Key.AreaId, g.Key.WardId, g.Key.Status, Level: g.Key.Level is { } l ? (int)l : IssueCount.Untriaged, g.Key.IsConfidential, g.Total))
            .OrderBy(c => c.AreaId).ThenBy(c => c.WardId).ThenBy(c => c.Status).ThenBy(c => c.Level).ThenBy(c => c.IsConfidential)
            .ToList());

        Assert.NotEmpty(straight);
        Assert.Equal(straight, await SummaryAsync(app));
    }
}
