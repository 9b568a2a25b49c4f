using AreaPartnerships.Domain;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Costs;

/// <summary>What one agency spent on an issue and what the estimate says it was saved.</summary>
public sealed record AgencyValue(OrganisationKind Agency, decimal Spent, decimal Avoided)
{
    public string Name => OrganisationKinds.DisplayName(Agency);

    /// <summary>Avoided less spent: positive when early action paid for itself for this agency.</summary>
    public decimal Difference => Avoided - Spent;
}

/// <summary>An issue's money in one place: what was spent (quick wins and other costs), what the estimate says was avoided, by agency.</summary>
public sealed record IssueValueSummary(decimal QuickWins, decimal OtherCosts, decimal Avoided, EstimateConfidence? Confidence, IReadOnlyList<AgencyValue> ByAgency)
{
    public decimal Spent => QuickWins + OtherCosts;

    public decimal Difference => Avoided - Spent;

    public bool HasEstimate => Confidence is not null;

    public bool IsEmpty => QuickWins == 0 && OtherCosts == 0 && !HasEstimate;
}

/// <summary>
/// Reads an issue's spent and avoided (the issue page, the costs page, the estimate page). Quick-win spends count as
/// the council's (the quick-win fund is the council's money); other costs as the kind of the organisation that bore
/// them; avoided as the agency each estimate line's unit cost names. Withdrawn costs and removed lines do not count.
/// One command, every part read by the issue's id on an index, so it costs the same at any size.
/// </summary>
public static class IssueValue
{
    /// <summary>Whose money a quick-win spend is.</summary>
    public const OrganisationKind QuickWinsBorneBy = ValueMonthTotal.QuickWinsBorneBy;

    public static async Task<IssueValueSummary> ForIssueAsync(AppDbContext db, int issueId, CancellationToken ct)
    {
        // One command: the issue's quick-win entries, its costs still counting, its estimate's confidence and the lines still
        // in it, each read by the issue's id on an index (an issue holds a handful of each), added up here.
        var rows = await db.QuickWinSpends.AsNoTracking().Where(s => s.IssueId == issueId)
                .Select(s => new Row { Part = Part.QuickWin, Agency = QuickWinsBorneBy, Amount = s.Amount, Confidence = null })
            .Concat(db.IssueCosts.AsNoTracking().Where(c => c.IssueId == issueId && c.WithdrawnAt == null)
                .Select(c => new Row { Part = Part.Cost, Agency = c.BorneBy, Amount = c.Amount, Confidence = null }))
            .Concat(db.CostEstimates.AsNoTracking().Where(e => e.IssueId == issueId)
                .Select(e => new Row { Part = Part.Estimate, Agency = QuickWinsBorneBy, Amount = 0m, Confidence = e.Confidence }))
            .Concat(db.EstimateLines.AsNoTracking().Where(l => l.IssueId == issueId && l.RemovedAt == null)
                .Select(l => new Row { Part = Part.Line, Agency = l.BorneBy, Amount = l.Amount, Confidence = null }))
            .ToListAsync(ct);

        var confidence = rows.FirstOrDefault(r => r.Part == Part.Estimate)?.Confidence;
        var spent = rows.Where(r => r.Part is Part.QuickWin or Part.Cost).ToList();
        var avoided = confidence is null ? [] : rows.Where(r => r.Part == Part.Line).ToList();
        var spentBy = spent.GroupBy(r => r.Agency).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var avoidedBy = avoided.GroupBy(r => r.Agency).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var byAgency = spentBy.Keys.Union(avoidedBy.Keys)
            .Select(k => new AgencyValue(k, spentBy.GetValueOrDefault(k), avoidedBy.GetValueOrDefault(k)))
            .Where(a => a.Spent != 0 || a.Avoided != 0)
            .OrderByDescending(a => OrganisationKinds.IsCouncil(a.Agency))
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        return new IssueValueSummary(
            spent.Where(r => r.Part == Part.QuickWin).Sum(r => r.Amount),
            spent.Where(r => r.Part == Part.Cost).Sum(r => r.Amount),
            avoided.Sum(r => r.Amount),
            confidence,
            byAgency);
    }

    private enum Part
    {
        QuickWin = 1,
        Cost = 2,
        Estimate = 3,
        Line = 4,
    }

    private sealed class Row
    {
        public Part Part { get; init; }

        public OrganisationKind Agency { get; init; }

        public decimal Amount { get; init; }

        public EstimateConfidence? Confidence { get; init; }
    }
}
