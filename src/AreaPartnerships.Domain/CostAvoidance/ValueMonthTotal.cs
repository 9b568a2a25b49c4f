using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.CostAvoidance;

/// <summary>What <see cref="ValueMonthTotal"/> adds up.</summary>
public enum ValueMeasure
{
    /// <summary>Spent: quick-win ledger entries by the day spent (net of corrections and reversals), and issue costs not withdrawn by the day incurred.</summary>
    Spent = 1,

    /// <summary>Cost avoided: the lines still in medium- and high-confidence estimates, by the estimate's date.</summary>
    Avoided = 2,

    /// <summary>Cost avoided by low-confidence estimates: shown apart, never added to a headline.</summary>
    AvoidedLowConfidence = 3,
}

/// <summary>
/// Value for money by UK calendar month (yyyymm), area (and the whole borough), measure and the agency that bore (or
/// would have borne) it, in pence: the dashboard's money panel reads a few hundred of these rows instead of every spend, cost and estimate line
/// in the period. Kept by <see cref="AppDbContext"/> in the same transaction as each change (<see cref="ValueSummaries"/>),
/// never recomputed by a timer; a test proves it equals the straight sums after randomised changes.
/// </summary>
public class ValueMonthTotal
{
    /// <summary>
    /// The <see cref="AreaId"/> of the borough's own rows: every amount is also added once for the whole borough, so
    /// the borough-wide money panel reads a few dozen rows a month instead of one set per area.
    /// </summary>
    public const int Borough = 0;

    /// <summary>Who bears quick-win spending: the council (the budget is the council's).</summary>
    public const OrganisationKind QuickWinsBorneBy = OrganisationKind.CouncilService;

    public ValueMonthTotal(ValueMeasure measure, int month, int areaId, OrganisationKind borneBy, long total)
    {
        Measure = measure;
        Month = month;
        AreaId = areaId;
        BorneBy = borneBy;
        Total = total;
    }

    public ValueMeasure Measure { get; private set; }

    /// <summary>The UK calendar month as yyyymm (<see cref="IssueMonthCount.MonthOf(DateOnly)"/>).</summary>
    public int Month { get; private set; }

    public int AreaId { get; private set; }

    public OrganisationKind BorneBy { get; private set; }

    /// <summary>The sum in pence (whole numbers add exactly on both providers).</summary>
    public long Total { get; private set; }

    public decimal Pounds => Total / 100m;

    public static long Pence(decimal pounds) => (long)decimal.Round(pounds * 100m, 0, MidpointRounding.AwayFromZero);

    public readonly record struct Id(ValueMeasure Measure, int Month, int AreaId, OrganisationKind BorneBy);

    internal static readonly SummaryTable<Id> Table = new(
        "ValueMonthTotals", ["Measure", "Month", "AreaId", "BorneBy"], k => [(int)k.Measure, k.Month, k.AreaId, (int)k.BorneBy]);
}

/// <summary>
/// Keeps <see cref="ValueMonthTotal"/> in step with the ledger, the costs and the estimates, in the same transaction as
/// the save (called by <see cref="AppDbContext"/> beside the issue summaries). Worked out from the tracked changes:
/// a new ledger entry or cost adds its amount; an estimate whose date, confidence or lines change moves out everything
/// it counted before and puts back what it counts now (its lines are loaded if they are not). A cost withdrawn by a
/// conditional UPDATE outside the context calls <see cref="CostWithdrawnAsync"/> in its transaction.
/// </summary>
public static class ValueSummaries
{
    public static async Task<Dictionary<ValueMonthTotal.Id, long>> ChangesAsync(AppDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        if (!TouchesValue(tracker))
        {
            return [];
        }

        foreach (var lines in UnloadedLines(tracker))
        {
            await lines.LoadAsync(ct);
        }

        var (issues, budgets) = Wanted(tracker);
        var issueAreas = await db.Issues.Where(i => issues.Contains(i.Id)).Select(i => new { i.Id, i.AreaId }).ToDictionaryAsync(a => a.Id, a => a.AreaId, ct);
        var budgetAreas = await db.QuickWinBudgets.Where(b => budgets.Contains(b.Id)).Select(b => new { b.Id, b.AreaId }).ToDictionaryAsync(b => b.Id, b => b.AreaId, ct);
        return Changes(tracker, issueAreas, budgetAreas);
    }

    public static Dictionary<ValueMonthTotal.Id, long> Changes(AppDbContext db)
    {
        var tracker = db.ChangeTracker;
        if (!TouchesValue(tracker))
        {
            return [];
        }

        foreach (var lines in UnloadedLines(tracker))
        {
            lines.Load();
        }

        var (issues, budgets) = Wanted(tracker);
        var issueAreas = db.Issues.Where(i => issues.Contains(i.Id)).Select(i => new { i.Id, i.AreaId }).ToDictionary(a => a.Id, a => a.AreaId);
        var budgetAreas = db.QuickWinBudgets.Where(b => budgets.Contains(b.Id)).Select(b => new { b.Id, b.AreaId }).ToDictionary(b => b.Id, b => b.AreaId);
        return Changes(tracker, issueAreas, budgetAreas);
    }

    /// <summary>A cost just withdrawn by a conditional UPDATE (which the context does not see): takes it out, in the caller's transaction.</summary>
    public static Task CostWithdrawnAsync(AppDbContext db, IssueCost cost, int areaId, CancellationToken ct)
    {
        var changes = new Dictionary<ValueMonthTotal.Id, long>();
        Add(changes, SpentOf(cost, areaId), -ValueMonthTotal.Pence(cost.Amount));
        return SummaryTable.ApplyAsync(db, [Rows(changes)], ct);
    }

    internal static SummaryChanges Rows(Dictionary<ValueMonthTotal.Id, long> changes) => ValueMonthTotal.Table.Changes(changes);

    /// <summary>The straight sums, worked out afresh from the ledger, the costs and the estimates.</summary>
    public static async Task<Dictionary<ValueMonthTotal.Id, long>> CountAsync(AppDbContext db, CancellationToken ct)
    {
        var changes = new Dictionary<ValueMonthTotal.Id, long>();
        var spends = db.QuickWinSpends.AsNoTracking().Join(db.QuickWinBudgets, s => s.BudgetId, b => b.Id, (s, b) => new { s.SpentOn, b.AreaId, s.Amount });
        await foreach (var s in spends.AsAsyncEnumerable().WithCancellation(ct))
        {
            Add(changes, new(ValueMeasure.Spent, IssueMonthCount.MonthOf(s.SpentOn), s.AreaId, ValueMonthTotal.QuickWinsBorneBy), ValueMonthTotal.Pence(s.Amount));
        }

        var costs = db.IssueCosts.AsNoTracking().Where(c => c.WithdrawnAt == null)
            .Join(db.Issues, c => c.IssueId, i => i.Id, (c, i) => new { c.IncurredOn, i.AreaId, c.BorneBy, c.Amount });
        await foreach (var c in costs.AsAsyncEnumerable().WithCancellation(ct))
        {
            Add(changes, new(ValueMeasure.Spent, IssueMonthCount.MonthOf(c.IncurredOn), c.AreaId, c.BorneBy), ValueMonthTotal.Pence(c.Amount));
        }

        var lines = from l in db.EstimateLines.AsNoTracking()
                    where l.RemovedAt == null
                    join e in db.CostEstimates on l.CostEstimateId equals e.Id
                    join i in db.Issues on e.IssueId equals i.Id
                    select new { e.EstimatedOn, e.Confidence, i.AreaId, l.BorneBy, l.Amount };
        await foreach (var l in lines.AsAsyncEnumerable().WithCancellation(ct))
        {
            Add(changes, AvoidedOf(l.EstimatedOn, l.Confidence, l.AreaId, l.BorneBy), ValueMonthTotal.Pence(l.Amount));
        }

        SummaryTable.DropZeros(changes);
        return changes;
    }

    /// <summary>Replaces the summary with the straight sums, in one transaction: for bulk loads that bypass the context and the migration that creates it.</summary>
    public static async Task RebuildAsync(AppDbContext db, CancellationToken ct = default)
    {
        var sums = await CountAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ValueMonthTotals\"", ct);
        await SummaryTable.ApplyAsync(db, [Rows(sums)], ct);
        await DataVersion.MoveOnAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    private static bool TouchesValue(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified && e.Entity is QuickWinSpend or IssueCost or CostEstimate or EstimateLine);

    /// <summary>The lines of changed estimates the save did not load: what such an estimate counted before must be known to move it.</summary>
    private static List<CollectionEntry<CostEstimate, EstimateLine>> UnloadedLines(ChangeTracker tracker) =>
        [.. tracker.Entries<CostEstimate>().Where(e => e.State == EntityState.Modified).Select(e => e.Collection(x => x.Lines)).Where(l => !l.IsLoaded)];

    /// <summary>The issues and budgets whose areas the tracked changes need (those not tracked themselves).</summary>
    private static (List<int> Issues, List<int> Budgets) Wanted(ChangeTracker tracker)
    {
        var issues = tracker.Entries<IssueCost>().Select(e => e.Entity.IssueId)
            .Concat(tracker.Entries<CostEstimate>().Select(e => e.Entity.IssueId))
            .Distinct().ToList();
        var budgets = tracker.Entries<QuickWinSpend>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.BudgetId).Distinct().ToList();
        return (issues, budgets);
    }

    private static Dictionary<ValueMonthTotal.Id, long> Changes(ChangeTracker tracker, Dictionary<int, int> issueAreas, Dictionary<int, int> budgetAreas)
    {
        var changes = new Dictionary<ValueMonthTotal.Id, long>();
        foreach (var entry in tracker.Entries<QuickWinSpend>().Where(e => e.State == EntityState.Added))
        {
            var spend = entry.Entity;
            Add(changes, new(ValueMeasure.Spent, IssueMonthCount.MonthOf(spend.SpentOn), budgetAreas[spend.BudgetId], ValueMonthTotal.QuickWinsBorneBy),
                ValueMonthTotal.Pence(spend.Amount));
        }

        foreach (var entry in tracker.Entries<IssueCost>())
        {
            var area = issueAreas[entry.Entity.IssueId];
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.OriginalValues.GetValue<DateTime?>(nameof(IssueCost.WithdrawnAt)) is null)
            {
                Add(changes, SpentOf(entry.OriginalValues, area), -ValueMonthTotal.Pence(entry.OriginalValues.GetValue<decimal>(nameof(IssueCost.Amount))));
            }

            if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity.WithdrawnAt is null)
            {
                Add(changes, SpentOf(entry.CurrentValues, area), ValueMonthTotal.Pence(entry.Entity.Amount));
            }
        }

        foreach (var entry in tracker.Entries<CostEstimate>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var estimate = entry.Entity;
            var area = issueAreas[estimate.IssueId];
            var lines = estimate.Lines.Select(l => tracker.Context.Entry(l)).ToList();

            // What it counted before (under its old date and confidence), out; what it counts now, in.
            if (entry.State == EntityState.Modified)
            {
                var on = entry.OriginalValues.GetValue<DateOnly>(nameof(CostEstimate.EstimatedOn));
                var confidence = entry.OriginalValues.GetValue<EstimateConfidence>(nameof(CostEstimate.Confidence));
                foreach (var line in lines.Where(l => l.State is EntityState.Unchanged or EntityState.Modified
                    && l.OriginalValues.GetValue<DateTime?>(nameof(EstimateLine.RemovedAt)) is null))
                {
                    Add(changes, AvoidedOf(on, confidence, area, line.Entity.BorneBy), -ValueMonthTotal.Pence(line.Entity.Amount));
                }
            }

            foreach (var line in lines.Where(l => l.State is EntityState.Added or EntityState.Unchanged or EntityState.Modified && l.Entity.RemovedAt is null))
            {
                Add(changes, AvoidedOf(estimate.EstimatedOn, estimate.Confidence, area, line.Entity.BorneBy), ValueMonthTotal.Pence(line.Entity.Amount));
            }
        }

        SummaryTable.DropZeros(changes);
        return changes;
    }

    /// <summary>Adds to the area's row and to the borough's own (<see cref="ValueMonthTotal.Borough"/>).</summary>
    private static void Add(Dictionary<ValueMonthTotal.Id, long> changes, ValueMonthTotal.Id key, long pence)
    {
        SummaryTable.Add(changes, key, pence);
        SummaryTable.Add(changes, key with { AreaId = ValueMonthTotal.Borough }, pence);
    }

    private static ValueMonthTotal.Id SpentOf(IssueCost cost, int areaId) =>
        new(ValueMeasure.Spent, IssueMonthCount.MonthOf(cost.IncurredOn), areaId, cost.BorneBy);

    private static ValueMonthTotal.Id SpentOf(PropertyValues cost, int areaId) =>
        new(ValueMeasure.Spent, IssueMonthCount.MonthOf(cost.GetValue<DateOnly>(nameof(IssueCost.IncurredOn))), areaId, cost.GetValue<OrganisationKind>(nameof(IssueCost.BorneBy)));

    private static ValueMonthTotal.Id AvoidedOf(DateOnly estimatedOn, EstimateConfidence confidence, int areaId, OrganisationKind borneBy) =>
        new(confidence == EstimateConfidence.Low ? ValueMeasure.AvoidedLowConfidence : ValueMeasure.Avoided, IssueMonthCount.MonthOf(estimatedOn), areaId, borneBy);
}

internal sealed class ValueMonthTotalConfiguration : IEntityTypeConfiguration<ValueMonthTotal>
{
    public void Configure(EntityTypeBuilder<ValueMonthTotal> builder)
    {
        // Readers ask for a run of months, for some areas.
        builder.HasKey(c => new { c.Month, c.AreaId, c.Measure, c.BorneBy });
        builder.Ignore(c => c.Pounds);
    }
}
