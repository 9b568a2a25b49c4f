using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.WardProfiles;

/// <summary>
/// The wards whose profiles this person may see (<see cref="WardProfileAccess.VisibleWards"/>), with their population,
/// deprivation rank and — for those who see casework — open issues and open issues per 1,000 residents, read from the
/// <see cref="IssueCount"/> summary. Two commands; a borough has a few dozen wards, so one page.
/// </summary>
public static class ListWardProfiles
{
    public sealed record Row(int Id, string Name, string AreaName, int? Population, int? DeprivationRank, bool IsActive, int? Open);

    public sealed record Page(IReadOnlyList<Row> Rows, bool ShowsIssues);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(Viewer viewer, CancellationToken ct)
        {
            var wards = await viewer.VisibleWards(db)
                .OrderBy(w => w.Area.Name).ThenBy(w => w.Name)
                .Select(w => new { w.Id, w.Name, AreaName = w.Area.Name, w.Population, w.DeprivationRank, w.IsActive })
                .ToListAsync(ct);
            var showsIssues = viewer.SeesWardIssueCounts;
            var open = showsIssues
                ? await viewer.VisibleIssueCounts(db)!
                    .Where(c => c.Status == IssueStatus.New || c.Status == IssueStatus.Triaged || c.Status == IssueStatus.InProgress)
                    .GroupBy(c => c.WardId)
                    .Select(g => new { WardId = g.Key, Total = g.Sum(c => c.Total) })
                    .ToDictionaryAsync(x => x.WardId, x => x.Total, ct)
                : [];
            return new Page(
                [.. wards.Select(w => new Row(w.Id, w.Name, w.AreaName, w.Population, w.DeprivationRank, w.IsActive, showsIssues ? open.GetValueOrDefault(w.Id) : null))],
                showsIssues);
        }
    }
}
