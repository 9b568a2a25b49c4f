using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Web.Features.Budgets;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Govuk;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Costs;

/// <summary>
/// The costs on one issue: its totals (<see cref="IssueValue"/>), the quick-win spends that name it (from the ledger,
/// with a payee marked sensitive withheld from anyone but officers), and the other costs recorded on it, withdrawn
/// ones apart. Officers and partner users who may see the issue (<see cref="CostAccess"/>).
/// </summary>
public static class ViewCosts
{
    /// <summary>How many rows of each table one page shows; the totals count them all.</summary>
    public const int MaxRows = 200;

    public static readonly TagStyle Withdrawn = new("Withdrawn", "grey");

    /// <summary>The issue the costs are on, as every costs page heads it.</summary>
    public sealed record IssueHead(int Id, string Reference, string Title, int AreaId, string Area);

    /// <summary>A ledger entry naming the issue. <see cref="Payee"/> is null when it is withheld from this person.</summary>
    public sealed record QuickWinRow(long Id, int BudgetId, LedgerEntryKind Kind, DateOnly SpentOn, string Purpose, string? Payee, decimal Amount, string? Reason, bool LinksToLedger)
    {
        public string KindName => ViewLedger.KindName(Kind);
    }

    public sealed record CostRow(
        long Id, DateOnly IncurredOn, string Description, string Organisation, decimal Amount, string? Unit, decimal? Quantity, decimal? UnitCostAtTime,
        string RecordedBy, DateTime RecordedAt, DateTime? WithdrawnAt, string? WithdrawnBy, string? WithdrawnReason)
    {
        public bool IsWithdrawn => WithdrawnAt is not null;

        /// <summary>"2 × £250.00 per call-out" for a cost from the unit-cost table; null for an amount entered.</summary>
        public string? Calculation => Quantity is { } quantity && UnitCostAtTime is { } value
            ? $"{UkFormat.Quantity(quantity)} × {UkFormat.Money(value)} {Unit}"
            : null;
    }

    public sealed record Page(
        IssueHead Issue, IssueValueSummary Value, IReadOnlyList<QuickWinRow> QuickWins, IReadOnlyList<CostRow> Costs, IReadOnlyList<CostRow> WithdrawnCosts,
        bool CanRecord, bool MoreRows);

    /// <summary>Costs as the pages show them: with the organisation's name and who recorded and withdrew them.</summary>
    public static IQueryable<CostRow> Rows(AppDbContext db, IQueryable<IssueCost> costs) =>
        costs.Select(c => new CostRow(
            c.Id, c.IncurredOn, c.Description,
            db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).First(),
            c.Amount, c.Unit, c.Quantity, c.UnitCostAtTime,
            db.Users.Where(u => u.Id == c.RecordedById).Select(u => u.DisplayName).First(), c.RecordedAt,
            c.WithdrawnAt, db.Users.Where(u => u.Id == c.WithdrawnById).Select(u => u.DisplayName).FirstOrDefault(), c.WithdrawnReason));

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>The page; null when the person may not see the issue (logged).</summary>
        public async Task<Page?> HandleAsync(Viewer viewer, string reference, CancellationToken ct)
        {
            var issue = await CostText.FindIssueAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            var value = await IssueValue.ForIssueAsync(db, issue.Id, ct);
            var seesPayees = viewer.SeesSensitivePayees;
            var spends = await db.QuickWinSpends.AsNoTracking()
                .Where(s => s.IssueId == issue.Id)
                .OrderByDescending(s => s.SpentOn).ThenByDescending(s => s.Id)
                .Take(MaxRows + 1)
                .Select(s => new { s.Id, s.BudgetId, s.Kind, s.SpentOn, s.Purpose, s.Payee, s.PayeeIsSensitive, s.Amount, s.Reason })
                .ToListAsync(ct);
            var budgetIds = spends.Select(s => s.BudgetId).Distinct().ToList();
            var ledgers = budgetIds.Count == 0
                ? []
                : (await viewer.VisibleBudgets(db).Where(b => budgetIds.Contains(b.Id)).Select(b => b.Id).ToListAsync(ct)).ToHashSet();
            var quickWins = spends.Take(MaxRows)
                .Select(s => new QuickWinRow(s.Id, s.BudgetId, s.Kind, s.SpentOn, s.Purpose, s.PayeeIsSensitive && !seesPayees ? null : s.Payee, s.Amount, s.Reason,
                    ledgers.Contains(s.BudgetId)))
                .ToList();

            var costs = await Rows(db, db.IssueCosts.AsNoTracking()
                    .Where(c => c.IssueId == issue.Id)
                    .OrderByDescending(c => c.IncurredOn).ThenByDescending(c => c.Id)
                    .Take(MaxRows + 1))
                .ToListAsync(ct);

            return new Page(issue, value, quickWins,
                [.. costs.Take(MaxRows).Where(c => !c.IsWithdrawn)], [.. costs.Take(MaxRows).Where(c => c.IsWithdrawn)],
                viewer.CanRecordCosts(issue.AreaId), spends.Count > MaxRows || costs.Count > MaxRows);
        }
    }
}

/// <summary>What the costs pages share: finding the issue as the person may see it.</summary>
public static class CostText
{
    /// <summary>
    /// The issue's head if the person may see its costs and estimate (<see cref="CostAccess"/>: officers and partner users,
    /// on an issue they may see); otherwise null, and the attempt is logged. The costs and estimate pages all start here.
    /// </summary>
    public static async Task<ViewCosts.IssueHead?> FindIssueAsync(AppDbContext db, Viewer viewer, string reference, ILogger logger, CancellationToken ct)
    {
        var issue = viewer.SeesCosts
            ? await viewer.VisibleIssues(db)
                .Where(i => i.Reference == reference)
                .Select(i => new ViewCosts.IssueHead(i.Id, i.Reference, i.Title, i.AreaId, db.Areas.Where(a => a.Id == i.AreaId).Select(a => a.Name).First()))
                .SingleOrDefaultAsync(ct)
            : null;
        if (issue is null)
        {
            IssueStore.LogNotVisible(logger, viewer, reference);
        }

        return issue;
    }

}
