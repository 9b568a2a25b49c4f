using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Reporting;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.Web.Features.HighlightReports.Comparison;

namespace AreaPartnerships.Web.Features.HighlightReports;

/// <summary>
/// Every area's highlight report for a quarter, side by side (the partnership manager sees every area; area managers and
/// support officers their own): its status, who submitted it and when, and the headline figures — issues raised and
/// resolved, step-ups and step-downs — beside the previous quarter's. A submitted report's headline figures are its
/// frozen ones; the others are read live from the month summary, every area in one read per quarter.
/// </summary>
public static class ListHighlightReports
{
    public sealed record Row(ReportArea Area, HighlightReportStatus? Status, string? SubmittedBy, DateTime? SubmittedAt, IReadOnlyList<Line> Headline, string Url);

    public sealed record Page(FinancialQuarter Quarter, bool AllAreas, IReadOnlyList<Row> Rows);

    public sealed class Handler(AppDbContext db, HighlightFigures.Handler figures)
    {
        public async Task<Page> HandleAsync(Viewer viewer, FinancialQuarter quarter, CancellationToken ct)
        {
            var starts = quarter.Starts;
            // Retired areas drop out, unless they reported that quarter (history stays readable).
            var areas = await viewer.HighlightAreas(db)
                .Where(a => a.IsActive || db.HighlightReports.Any(r => r.AreaId == a.Id && r.QuarterStarts == starts))
                .OrderBy(a => a.Name)
                .Select(a => new ReportArea(a.Id, a.Name))
                .ToListAsync(ct);
            var areaIds = areas.Select(a => a.Id).ToList();
            var reports = await db.HighlightReports.AsNoTracking()
                .Where(r => r.QuarterStarts == starts && areaIds.Contains(r.AreaId))
                .Select(r => new
                {
                    r.AreaId,
                    r.Status,
                    r.SubmittedAt,
                    r.FrozenFigures,
                    SubmittedBy = db.Users.Where(u => u.Id == r.SubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToListAsync(ct);
            var now = await figures.IssuesAsync(areaIds, quarter.Starts, quarter.Ends, ct);
            var before = await figures.IssuesAsync(areaIds, quarter.Previous.Starts, quarter.Previous.Ends, ct);

            var rows = areas.Select(area =>
            {
                var report = reports.SingleOrDefault(r => r.AreaId == area.Id);
                var frozen = report?.FrozenFigures is { } json ? HighlightFigures.Frozen.FromJson(json) : null;
                var (thisQuarter, previous) = frozen is null ? (now[area.Id], before[area.Id]) : (frozen.This.Issues, frozen.Previous.Issues);
                return new Row(area, report?.Status, report?.SubmittedBy, report?.SubmittedAt, Headline(thisQuarter, previous),
                    ViewHighlightReport.ReportUrl(area.Id, quarter));
            }).ToList();

            return new Page(quarter, viewer.Role == Roles.PartnershipManager, rows);
        }

        private static IReadOnlyList<Line> Headline(HighlightFigures.IssueFigures now, HighlightFigures.IssueFigures before) =>
        [
            new("raised", "Raised", now.RaisedTotal, before.RaisedTotal, Kind.Count),
            new("resolved", "Resolved", now.ResolvedTotal, before.ResolvedTotal, Kind.Count),
            new("step-ups", "Step-ups", now.StepUps, before.StepUps, Kind.Count),
            new("step-downs", "Step-downs", now.StepDowns, before.StepDowns, Kind.Count),
        ];
    }
}
