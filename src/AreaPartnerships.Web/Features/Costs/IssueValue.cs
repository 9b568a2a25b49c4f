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
/// Every read is by the issue's id on an index, so it costs the same at any size.
/// </summary>
public static class IssueValue
{
    /// <summary>Whose money a quick-win spend is.</summary>
    public const OrganisationKind QuickWinsBorneBy = OrganisationKind.CouncilService;

    public static async Task<IssueValueSummary> ForIssueAsync(AppDbContext db, int issueId, CancellationToken ct)
    {
        var quickWins = await db.QuickWinSpends.AsNoTracking().Where(s => s.IssueId == issueId).SumAsync(s => (decimal?)s.Amount, ct) ?? 0m;
        var costs = await db.IssueCosts.AsNoTracking()
            .Where(c => c.IssueId == issueId && c.WithdrawnAt == null)
            .GroupBy(c => c.BorneBy)
            .Select(g => new { Agency = g.Key, Amount = g.Sum(c => c.Amount) })
            .ToListAsync(ct);
        var confidence = await db.CostEstimates.AsNoTracking().Where(e => e.IssueId == issueId).Select(e => (EstimateConfidence?)e.Confidence).SingleOrDefaultAsync(ct);
        var avoided = confidence is null
            ? []
            : await db.EstimateLines.AsNoTracking()
                .Where(l => l.IssueId == issueId && l.RemovedAt == null)
                .GroupBy(l => l.BorneBy)
                .Select(g => new { Agency = g.Key, Amount = g.Sum(l => l.Amount) })
                .ToListAsync(ct);

        var spentBy = costs.ToDictionary(c => c.Agency, c => c.Amount);
        if (quickWins != 0)
        {
            spentBy[QuickWinsBorneBy] = spentBy.GetValueOrDefault(QuickWinsBorneBy) + quickWins;
        }

        var avoidedBy = avoided.ToDictionary(a => a.Agency, a => a.Amount);
        var byAgency = spentBy.Keys.Union(avoidedBy.Keys)
            .Select(k => new AgencyValue(k, spentBy.GetValueOrDefault(k), avoidedBy.GetValueOrDefault(k)))
            .OrderByDescending(a => OrganisationKinds.IsCouncil(a.Agency))
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        return new IssueValueSummary(quickWins, costs.Sum(c => c.Amount), avoided.Sum(a => a.Amount), confidence, byAgency);
    }
}
