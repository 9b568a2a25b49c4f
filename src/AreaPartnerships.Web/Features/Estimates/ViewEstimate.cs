using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Web.Features.Costs;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Govuk;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Estimates;

/// <summary>
/// An issue's cost-avoidance estimate as its page shows it: the lines still in it, what the early action actually cost
/// (<see cref="IssueValue"/>), the difference, the split by the agency that benefits, the method and confidence, and the
/// lines taken out. Officers and partner users who may see the issue read it; the area's officers change it.
/// </summary>
public static class ViewEstimate
{
    /// <summary>An estimate has at most this many lines on the page (in and out); more would be a typing accident.</summary>
    public const int LineLimit = 200;

    public sealed record Head(string? Method, EstimateConfidence Confidence, decimal Avoided, DateOnly EstimatedOn, string UpdatedBy, DateTime UpdatedAt, Guid Version);

    public sealed record Line(long Id, string Name, string Unit, decimal UnitCost, decimal Quantity, decimal Probability, OrganisationKind BorneBy, decimal Amount, string? Note,
        DateTime RecordedAt, string RecordedBy, DateTime? RemovedAt, string? RemovedBy)
    {
        public string Agency => OrganisationKinds.DisplayName(BorneBy);

        public string Text => $"{Name} × {UkFormat.Quantity(Quantity)} × {UkFormat.Chance(Probability)}";
    }

    public sealed record Page(ViewCosts.IssueHead Issue, Head? Estimate, IReadOnlyList<Line> Lines, IssueValueSummary Value, bool CanChange, ChangeEstimate.AddLine.Form LineForm,
        ChangeEstimate.SetMethod.Form DescribeForm)
    {
        public IEnumerable<Line> Current => Lines.Where(l => l.RemovedAt is null);

        public IEnumerable<Line> Removed => Lines.Where(l => l.RemovedAt is not null);

        /// <summary>The avoided that lands with the council (its services).</summary>
        public decimal CouncilShare => Value.ByAgency.Where(a => OrganisationKinds.IsCouncil(a.Agency)).Sum(a => a.Avoided);

        /// <summary>The avoided that lands with partners (every agency other than the council).</summary>
        public decimal PartnersShare => Value.Avoided - CouncilShare;
    }

    /// <summary>"30%" of the whole (one decimal place where needed); "0%" when there is nothing avoided.</summary>
    public static string Share(decimal part, decimal whole) =>
        whole == 0 ? "0%" : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>What each confidence means (the form's hints, and the page's text beside the tag).</summary>
    public static string ConfidenceMeaning(EstimateConfidence confidence) => confidence switch
    {
        EstimateConfidence.High => "Made from this case's own figures.",
        EstimateConfidence.Medium => "Based on a comparable case or a published unit cost.",
        _ => "A guess: shown apart from the headline totals in the value-for-money report, never added to them.",
    };

    /// <summary>A difference with its sign: "£1,000.00" or "-£250.00".</summary>
    public static string WithSign(decimal amount) => amount < 0 ? $"-{UkFormat.Money(-amount)}" : UkFormat.Money(amount);

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>
        /// The page, with the forms as posted (or new); null when the person may not see the issue's costs (logged):
        /// councillors, administrators and anyone the issue is not visible to.
        /// </summary>
        public async Task<Page?> LoadAsync(Viewer viewer, string reference, ChangeEstimate.AddLine.Form? lineForm, ChangeEstimate.SetMethod.Form? describeForm, CancellationToken ct)
        {
            var issue = await CostText.FindIssueAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            var estimate = await db.CostEstimates.AsNoTracking().Where(e => e.IssueId == issue.Id)
                .Select(e => new Head(e.Method, e.Confidence, e.Avoided, e.EstimatedOn,
                    db.Users.Where(u => u.Id == e.UpdatedById).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone", e.UpdatedAt, e.Version))
                .SingleOrDefaultAsync(ct);
            var lines = estimate is null
                ? []
                : await db.EstimateLines.AsNoTracking().Where(l => l.IssueId == issue.Id)
                    .OrderBy(l => l.Id)
                    .Take(LineLimit)
                    .Select(l => new Line(l.Id, l.Name, l.Unit, l.UnitCostAtTime, l.Quantity, l.Probability, l.BorneBy, l.Amount, l.Note,
                        l.RecordedAt, db.Users.Where(u => u.Id == l.RecordedById).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone",
                        l.RemovedAt, db.Users.Where(u => u.Id == l.RemovedById).Select(u => u.DisplayName).FirstOrDefault()))
                    .ToListAsync(ct);
            var value = await IssueValue.ForIssueAsync(db, issue.Id, ct);
            var canChange = viewer.CanRecordCosts(issue.AreaId);

            lineForm ??= new ChangeEstimate.AddLine.Form { Quantity = "1" };
            if (canChange)
            {
                var offered = await db.UnitCosts.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Name)
                    .Select(u => new { u.Id, u.Name, u.Unit, u.Cost, u.BorneBy })
                    .ToListAsync(ct);
                lineForm.UnitCosts =
                [
                    new SelectListItem("Choose a unit cost", string.Empty),
                    .. offered.Select(u => new SelectListItem(
                        $"{u.Name}: {UkFormat.Money(u.Cost)} {u.Unit} ({OrganisationKinds.DisplayName(u.BorneBy)})",
                        u.Id.ToString(CultureInfo.InvariantCulture))),
                ];
            }

            describeForm ??= new ChangeEstimate.SetMethod.Form
            {
                Method = estimate?.Method,
                Confidence = (estimate?.Confidence ?? EstimateConfidence.Low).ToString(),
                Version = estimate?.Version ?? Guid.Empty,
            };
            return new Page(issue, estimate, lines, value, canChange, lineForm, describeForm);
        }
    }
}
