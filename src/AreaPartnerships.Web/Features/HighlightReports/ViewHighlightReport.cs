using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Reporting;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.Web.Features.HighlightReports.Comparison;

namespace AreaPartnerships.Web.Features.HighlightReports;

/// <summary>
/// One area's highlight report for a quarter: the figures beside the previous quarter's (live while a draft, frozen once
/// submitted), the area plan's priorities, and the area manager's three texts — as a form for the area's area manager
/// while a draft, as text for everyone else and once submitted. Also the CSV of the same.
/// </summary>
public static class ViewHighlightReport
{
    public sealed class Page
    {
        public required ReportArea Area { get; init; }

        public required FinancialQuarter Quarter { get; init; }

        /// <summary>Null: not started (no text saved yet).</summary>
        public HighlightReportStatus? Status { get; init; }

        public string? SubmittedBy { get; init; }

        public DateTime? SubmittedAt { get; init; }

        /// <summary>When the figures were frozen (submitted reports); null while they are read live.</summary>
        public DateTime? FiguresAsAt { get; init; }

        public required IReadOnlyList<Section> Sections { get; init; }

        public required IReadOnlyList<PriorityLine> Priorities { get; init; }

        public bool CanWrite { get; init; }

        /// <summary>The texts: as saved, or as posted when the form is shown again.</summary>
        public required WriteHighlightReport.Form Form { get; init; }

        public bool IsSubmitted => Status == HighlightReportStatus.Submitted;

        public bool ShowsForm => CanWrite && !IsSubmitted;

        public FinancialYear Year => Quarter.FinancialYear;

        public string Url => ReportUrl(Area.Id, Quarter);
    }

    public static string ReportUrl(int areaId, FinancialQuarter quarter) => $"/highlight-reports/{Id(areaId)}/{quarter}";

    public static string StatusName(HighlightReportStatus? status) => status switch
    {
        HighlightReportStatus.Submitted => "Submitted",
        HighlightReportStatus.Draft => "Draft",
        _ => "Not started",
    };

    /// <summary>The status as a tag: its word is the meaning, the colour only repeats it.</summary>
    public static Infrastructure.Govuk.TagStyle Tag(HighlightReportStatus? status) => status switch
    {
        HighlightReportStatus.Submitted => new("Submitted", "green"),
        HighlightReportStatus.Draft => new("Draft", "yellow"),
        _ => new("Not started", "grey"),
    };

    /// <summary>"3 December 2026, 14:05" (UK time).</summary>
    public static string AsAt(DateTime utc)
    {
        var local = UkFormat.ToUkTime(utc);
        return $"{UkFormat.Date(utc)}, {local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    public sealed class Handler(AppDbContext db, HighlightFigures.Handler figures, TimeProvider clock)
    {
        public async Task<Page> HandleAsync(Viewer viewer, ReportArea area, FinancialQuarter quarter, WriteHighlightReport.Form? posted, CancellationToken ct)
        {
            var starts = quarter.Starts;
            var report = await db.HighlightReports.AsNoTracking()
                .Where(r => r.AreaId == area.Id && r.QuarterStarts == starts)
                .Select(r => new
                {
                    r.Status,
                    r.Achievements,
                    r.RisksAndIssues,
                    r.AsksOfBoard,
                    r.Version,
                    r.SubmittedAt,
                    r.FrozenFigures,
                    SubmittedBy = db.Users.Where(u => u.Id == r.SubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(ct);

            HighlightFigures.Frozen frozen;
            if (report?.FrozenFigures is { } json)
            {
                frozen = HighlightFigures.Frozen.FromJson(json);
            }
            else
            {
                var now = await figures.ForAsync(area.Id, quarter.Starts, quarter.Ends, ct);
                var before = await figures.ForAsync(area.Id, quarter.Previous.Starts, quarter.Previous.Ends, ct);
                frozen = new(clock.GetUtcNow().UtcDateTime, now, before);
            }

            var today = UkFormat.UkToday(clock);
            var links = new Links(area.Id, quarter.Starts, quarter.Ends, quarter.Starts <= today && today <= quarter.Ends, frozen.This.BudgetId);
            var form = posted ?? new WriteHighlightReport.Form
            {
                Achievements = report?.Achievements,
                RisksAndIssues = report?.RisksAndIssues,
                AsksOfBoard = report?.AsksOfBoard,
                Version = report?.Version ?? Guid.Empty,
            };

            return new Page
            {
                Area = area,
                Quarter = quarter,
                Status = report?.Status,
                SubmittedBy = report?.SubmittedBy,
                SubmittedAt = report?.SubmittedAt,
                FiguresAsAt = report?.FrozenFigures is null ? null : frozen.AsAt,
                Sections = Sections(frozen.This, frozen.Previous, links),
                Priorities = Comparison.Priorities(frozen.This, frozen.Previous),
                CanWrite = viewer.WritesHighlightReport(area.Id),
                Form = form,
            };
        }
    }
}
