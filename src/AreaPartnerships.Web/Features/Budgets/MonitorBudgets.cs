using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// The quick-win monitor: per area the person may see, for one financial year, the allocation, what has been spent
/// and what remains, the number of spends, the largest single spend entry (as recorded, before any correction) and
/// the spends with no linked issue. The partnership manager and administrator see every active area side by side,
/// with a total; area managers and support officers their own. Three queries whatever the size of the ledgers: the
/// areas, their budgets for the year, and one aggregate over the year's ledger entries grouped by budget (indexed on
/// BudgetId, SpentOn, Id).
/// </summary>
public static class MonitorBudgets
{
    /// <summary>How many years back and forward the year choice offers (and allocations may be made for).</summary>
    public const int YearsBack = 5;

    public const int YearsForward = 1;

    public sealed record Row(int AreaId, string Area, int? BudgetId, decimal? Allocation, decimal Spent, int Spends, decimal? Largest, int WithoutIssue)
    {
        public decimal? Remaining => Allocation - Spent;
    }

    public sealed record Page(FinancialYear Year, FinancialYear ThisYear, IReadOnlyList<FinancialYear> Years, IReadOnlyList<Row> Rows, bool ShowTotals, bool CanAllocate, bool CanSetCeiling)
    {
        public decimal TotalAllocation => Rows.Sum(r => r.Allocation ?? 0);

        public decimal TotalSpent => Rows.Sum(r => r.Spent);

        public int TotalSpends => Rows.Sum(r => r.Spends);

        public decimal? TotalLargest => Rows.Max(r => r.Largest);

        public int TotalWithoutIssue => Rows.Sum(r => r.WithoutIssue);
    }

    /// <summary>The years offered: <see cref="YearsBack"/> before this one to <see cref="YearsForward"/> after.</summary>
    public static IReadOnlyList<FinancialYear> YearsAround(FinancialYear thisYear) =>
        [.. Enumerable.Range(thisYear.StartYear - YearsBack, YearsBack + YearsForward + 1).Reverse().Select(y => new FinancialYear(y))];

    public static bool IsOffered(FinancialYear thisYear, int startYear) =>
        startYear >= thisYear.StartYear - YearsBack && startYear <= thisYear.StartYear + YearsForward;

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public FinancialYear ThisYear => FinancialYear.Containing(UkFormat.UkToday(clock));

        public async Task<Page> HandleAsync(Viewer viewer, int? year, CancellationToken ct)
        {
            var thisYear = ThisYear;
            var chosen = year is { } y && IsOffered(thisYear, y) ? new FinancialYear(y) : thisYear;
            var everyArea = viewer.Role is Roles.PartnershipManager or Roles.Administrator;
            var areaIds = viewer.AreaIds;
            var areas = db.Areas.AsNoTracking().Where(a => a.IsActive);
            if (!everyArea)
            {
                areas = db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id));
            }

            var areaList = await areas.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
            var start = chosen.StartYear;
            var budgets = await viewer.VisibleBudgets(db).AsNoTracking().Where(b => b.FinancialYearStart == start)
                .Select(b => new { b.Id, b.AreaId, b.Allocation, b.Spent, AreaName = b.Area.Name }).ToListAsync(ct);
            var budgetIds = budgets.Select(b => b.Id).ToList();
            var spendKind = LedgerEntryKind.Spend;
            var figures = budgetIds.Count == 0
                ? []
                : await db.QuickWinSpends.AsNoTracking()
                    .Where(s => budgetIds.Contains(s.BudgetId) && s.Kind == spendKind)
                    .GroupBy(s => s.BudgetId)
                    .Select(g => new { BudgetId = g.Key, Count = g.Count(), Largest = g.Max(s => s.Amount), WithoutIssue = g.Count(s => s.IssueId == null) })
                    .ToListAsync(ct);
            var byBudget = figures.ToDictionary(f => f.BudgetId);

            var rows = new List<Row>();
            foreach (var area in areaList)
            {
                var budget = budgets.SingleOrDefault(b => b.AreaId == area.Id);
                if (budget is null)
                {
                    rows.Add(new Row(area.Id, area.Name, null, null, 0, 0, null, 0));
                    continue;
                }

                var f = byBudget.GetValueOrDefault(budget.Id);
                rows.Add(new Row(area.Id, area.Name, budget.Id, budget.Allocation, budget.Spent, f?.Count ?? 0, f?.Largest, f?.WithoutIssue ?? 0));
            }

            // A budget for an area no longer active still shows to those who see every area.
            foreach (var budget in budgets.Where(b => areaList.All(a => a.Id != b.AreaId)).OrderBy(b => b.AreaName))
            {
                var f = byBudget.GetValueOrDefault(budget.Id);
                rows.Add(new Row(budget.AreaId, budget.AreaName, budget.Id, budget.Allocation, budget.Spent, f?.Count ?? 0, f?.Largest, f?.WithoutIssue ?? 0));
            }

            return new Page(chosen, thisYear, YearsAround(thisYear), rows, everyArea, viewer.CanAllocate, viewer.CanSetSpendCeiling);
        }
    }
}
