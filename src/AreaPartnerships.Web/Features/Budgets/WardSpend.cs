using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// A councillor's view of quick-win money spent on issues in their wards that they may see: per ward, the net total
/// for a financial year and each entry's date, amount and purpose. Payees are not shown at all (a payee marked
/// sensitive is a private individual; the ledger itself is officers' material).
/// </summary>
public static class WardSpend
{
    /// <summary>The most entries the page lists (the totals count them all).</summary>
    public const int Limit = 200;

    public sealed record Query(int? Year);

    public sealed record Entry(long Id, int WardId, DateOnly SpentOn, decimal Amount, string Purpose, string IssueReference, string IssueTitle, bool Sensitive);

    public sealed record Ward(string Name, decimal Total, IReadOnlyList<Entry> Entries);

    public sealed record Page(FinancialYear Year, IReadOnlyList<int> Years, IReadOnlyList<Ward> Wards, bool Truncated);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Page> HandleAsync(Viewer viewer, Query query, CancellationToken ct)
        {
            var current = FinancialYear.Containing(UkFormat.UkToday(clock));
            var year = query.Year is { } y && y >= 2000 && y <= current.StartYear + 1 ? new FinancialYear(y) : current;
            var wardIds = viewer.WardIds;
            var issues = viewer.VisibleIssues(db).Where(i => wardIds.Contains(i.WardId));
            var start = year.StartYear;

            // Through the budget (area, year: indexed) and the spend's issue (indexed); newest first, bounded.
            var entries = await (
                    from s in db.QuickWinSpends.AsNoTracking()
                    join b in db.QuickWinBudgets on s.BudgetId equals b.Id
                    join i in issues on s.IssueId equals i.Id
                    where b.FinancialYearStart == start
                    orderby s.SpentOn descending, s.Id descending
                    select new Entry(s.Id, i.WardId, s.SpentOn, s.Amount, s.Purpose, i.Reference, i.Title, s.PayeeIsSensitive))
                .Take(Limit + 1)
                .ToListAsync(ct);
            var truncated = entries.Count > Limit;
            var shown = entries.Take(Limit).ToList();

            var names = await db.Wards.AsNoTracking().Where(w => wardIds.Contains(w.Id)).OrderBy(w => w.Name).Select(w => new { w.Id, w.Name }).ToListAsync(ct);
            var wards = names.Select(w =>
            {
                var mine = shown.Where(e => e.WardId == w.Id).ToList();
                return new Ward(w.Name, mine.Sum(e => e.Amount), mine);
            }).ToList();
            var years = Enumerable.Range(0, 4).Select(n => current.StartYear - n).ToList();
            return new Page(year, years, wards, truncated);
        }
    }
}
