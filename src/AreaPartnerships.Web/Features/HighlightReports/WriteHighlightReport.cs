using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Reporting;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.HighlightReports;

/// <summary>
/// The area manager writes the report's three texts ("Save draft") and submits it to the Borough Management Team
/// ("Submit"). The report is started by its first save. Saving under a stale version is refused with what the report
/// says now (the person's text kept in the form). Submitting saves the texts and freezes the figures — this quarter's and
/// the previous quarter's, as computed at that moment — as JSON on the report; a submitted report is never written again.
/// </summary>
public static class WriteHighlightReport
{
    public const string Save = "save";
    public const string Submit = "submit";

    public sealed class Form : IVersionedForm
    {
        public string? Achievements { get; set; }

        public string? RisksAndIssues { get; set; }

        public string? AsksOfBoard { get; set; }

        /// <summary>The report's version; empty when the report had not been started when the page was read.</summary>
        public Guid Version { get; set; }

        /// <summary><see cref="Save"/> (the default) or <see cref="Submit"/>: which button was pressed.</summary>
        public string? Intent { get; set; }

        public bool Submits => string.Equals(Intent, Submit, StringComparison.OrdinalIgnoreCase);
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Achievements).Must(Fits).WithMessage($"Achievements must be {HighlightReport.TextMaxLength:N0} characters or fewer");
            RuleFor(f => f.RisksAndIssues).Must(Fits).WithMessage($"Risks and issues must be {HighlightReport.TextMaxLength:N0} characters or fewer");
            RuleFor(f => f.AsksOfBoard).Must(Fits).WithMessage($"Asks of the Borough Management Team must be {HighlightReport.TextMaxLength:N0} characters or fewer");
        }

        private static bool Fits(string? text) => text is null || text.Trim().Length <= HighlightReport.TextMaxLength;
    }

    public sealed class Handler(AppDbContext db, HighlightFigures.Handler figures, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Saves the texts (and, when asked, submits); throws a domain error (a form error) for a submitted report or an empty submission.</summary>
        public async Task<SaveResult> HandleAsync(Viewer viewer, ReportArea area, FinancialQuarter quarter, Form form, CancellationToken ct)
        {
            if (!viewer.WritesHighlightReport(area.Id))
            {
                logger.LogWarning("User {UserId} ({Role}) tried to write the highlight report of area {AreaId}, which they may only read", viewer.UserId, viewer.Role, area.Id);
                throw new UnauthorizedAccessException();
            }

            var starts = quarter.Starts;
            var report = await db.HighlightReports.SingleOrDefaultAsync(r => r.AreaId == area.Id && r.QuarterStarts == starts, ct);
            if (report is not null && form.Version == Guid.Empty && !report.IsSubmitted)
            {
                // The page was read before the report was started: someone else has started it since.
                return new SaveResult(report.Id, EditConflict.For(Text.RecordName, Describe(report.Achievements, report.RisksAndIssues, report.AsksOfBoard), report.Version));
            }

            var isNew = report is null;
            if (report is null)
            {
                report = new HighlightReport(area.Id, starts);
                db.HighlightReports.Add(report);
            }

            report.Write(form.Achievements, form.RisksAndIssues, form.AsksOfBoard);
            if (form.Submits)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var thisQuarter = await figures.ForAsync(area.Id, quarter.Starts, quarter.Ends, ct);
                var previous = await figures.ForAsync(area.Id, quarter.Previous.Starts, quarter.Previous.Ends, ct);
                report.Submit(new HighlightFigures.Frozen(now, thisQuarter, previous).ToJson(), viewer.UserId, now);
            }

            try
            {
                var result = await VersionedSave.SaveAsync(db, report, isNew ? null : form.Version, Text, ct);
                if (result.Conflict is not null || result.NotFound)
                {
                    return result;
                }
            }
            catch (DbUpdateException ex) when (isNew && ex is not DbUpdateConcurrencyException)
            {
                // Someone else started the quarter's report at the same moment (one report per area and quarter).
                db.ChangeTracker.Clear();
                var theirs = await db.HighlightReports.AsNoTracking().SingleAsync(r => r.AreaId == area.Id && r.QuarterStarts == starts, ct);
                return new SaveResult(theirs.Id, EditConflict.For(Text.RecordName, Describe(theirs.Achievements, theirs.RisksAndIssues, theirs.AsksOfBoard), theirs.Version));
            }

            logger.LogInformation("User {UserId} {Action} the {Quarter} highlight report of area {AreaId}", viewer.UserId, form.Submits ? "submitted" : "saved", quarter, area.Id);
            return SaveResult.Saved(report.Id);
        }

        private static readonly ConflictText Text = new("highlight report", v => Describe(
            v.GetValue<string?>(nameof(HighlightReport.Achievements)),
            v.GetValue<string?>(nameof(HighlightReport.RisksAndIssues)),
            v.GetValue<string?>(nameof(HighlightReport.AsksOfBoard))));

        private static IEnumerable<string> Describe(string? achievements, string? risks, string? asks) =>
        [
            $"achievements {Excerpt(achievements)}",
            $"risks and issues {Excerpt(risks)}",
            $"asks of the Borough Management Team {Excerpt(asks)}",
        ];

        private static string Excerpt(string? text) => text is null ? "empty" : text.Length <= 80 ? $"‘{text}’" : $"‘{text[..80]}…’";
    }
}
