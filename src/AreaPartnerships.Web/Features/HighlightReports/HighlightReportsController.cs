using System.Globalization;
using System.Text;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.HighlightReports;

/// <summary>
/// Area highlight reports to the Borough Management Team, one per area and financial quarter ("2026-Q3"): the quarter's
/// reports side by side, one report (printable, and as CSV), and the area manager's draft and submission. Who may see and
/// write which is <see cref="HighlightReportAccess"/>: other roles are forbidden; another area, or a quarter that cannot
/// be read, is "not found".
/// </summary>
[Authorize(Roles = $"{Roles.PartnershipManager},{Roles.AreaManager},{Roles.SupportOfficer}")]
[Route("highlight-reports")]
public sealed class HighlightReportsController(AppDbContext db, TimeProvider clock, ILogger<HighlightReportsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? quarter, [FromServices] ListHighlightReports.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        if (QuarterOrToday(quarter) is not { } q)
        {
            return NotFound();
        }

        return View(await handler.HandleAsync(await ViewerAsync(ct), q, ct));
    }

    [HttpGet("{areaId:int}/{quarter}")]
    public async Task<IActionResult> Show(int areaId, string quarter, [FromServices] ViewHighlightReport.Handler handler, CancellationToken ct)
    {
        var (viewer, area, q) = await FindAsync(areaId, quarter, ct);
        if (area is null)
        {
            return NotFound();
        }

        return View(await handler.HandleAsync(viewer, area, q, null, ct));
    }

    [HttpPost("{areaId:int}/{quarter}")]
    public async Task<IActionResult> Write(int areaId, string quarter, WriteHighlightReport.Form form, [FromServices] WriteHighlightReport.Validator validator,
        [FromServices] WriteHighlightReport.Handler handler, [FromServices] ViewHighlightReport.Handler page, CancellationToken ct)
    {
        var (viewer, area, q) = await FindAsync(areaId, quarter, ct);
        if (area is null)
        {
            return NotFound();
        }

        if (!viewer.WritesHighlightReport(area.Id))
        {
            // Read, not written, by them: refused before anything posted is looked at.
            logger.LogWarning("User {UserId} ({Role}) tried to write the highlight report of area {AreaId}, which they may only read", viewer.UserId, viewer.Role, area.Id);
            return Forbid();
        }

        return await this.SaveFormAsync(form, validator, async () => await handler.HandleAsync(viewer, area, q, form, ct),
            _ =>
            {
                TempData["Success"] = form.Submits ? "Highlight report submitted to the Borough Management Team" : "Draft saved";
                return Redirect(ViewHighlightReport.ReportUrl(area.Id, q));
            },
            async () => View("Show", await page.HandleAsync(viewer, area, q, form, ct)));
    }

    [HttpGet("{areaId:int}/{quarter}.csv")]
    public async Task<IActionResult> Csv(int areaId, string quarter, [FromServices] ViewHighlightReport.Handler handler, CancellationToken ct)
    {
        var (viewer, area, q) = await FindAsync(areaId, quarter, ct);
        if (area is null)
        {
            return NotFound();
        }

        var report = await handler.HandleAsync(viewer, area, q, null, ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"highlight-report-{Slug(area.Name)}-{q}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("Section,Figure,This quarter,Previous quarter,Change");
        foreach (var section in report.Sections)
        {
            foreach (var line in section.Lines)
            {
                await writer.WriteLineAsync(Row(section.Title, line.Label, Plain(line.This, line.Kind), Plain(line.Previous, line.Kind), line.Change).AsMemory(), ct);
            }
        }

        foreach (var priority in report.Priorities)
        {
            var line = priority.ActiveTaskGroups;
            await writer.WriteLineAsync(Row("Area plan priorities", $"{priority.Title}: active task groups ({priority.Status})",
                Plain(line.This, line.Kind), Plain(line.Previous, line.Kind), line.Change).AsMemory(), ct);
        }

        await writer.WriteLineAsync(Row("Report", "Status", ViewHighlightReport.StatusName(report.Status), string.Empty, string.Empty).AsMemory(), ct);
        if (report.FiguresAsAt is { } asAt)
        {
            await writer.WriteLineAsync(Row("Report", "Figures as at", ViewHighlightReport.AsAt(asAt), string.Empty, string.Empty).AsMemory(), ct);
        }

        await writer.WriteLineAsync(Row("Area manager's report", "Achievements", report.Form.Achievements, string.Empty, string.Empty).AsMemory(), ct);
        await writer.WriteLineAsync(Row("Area manager's report", "Risks and issues", report.Form.RisksAndIssues, string.Empty, string.Empty).AsMemory(), ct);
        await writer.WriteLineAsync(Row("Area manager's report", "Asks of the Borough Management Team", report.Form.AsksOfBoard, string.Empty, string.Empty).AsMemory(), ct);
        return new EmptyResult();

        static string Row(params string?[] cells) => string.Join(',', cells.Select(Infrastructure.Csv.Cell));
    }

    /// <summary>A figure as a spreadsheet reads it: whole numbers, pounds to two places, empty for none.</summary>
    private static string Plain(decimal? value, Comparison.Kind kind) => value switch
    {
        null => string.Empty,
        { } v when kind == Comparison.Kind.Count => ((int)v).ToString(CultureInfo.InvariantCulture),
        { } v => v.ToString("0.00", CultureInfo.InvariantCulture),
    };

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');

    /// <summary>The person, the area (null, logged, when they may not see it or it does not exist) and the quarter (null area when it cannot be read).</summary>
    private async Task<(Viewer Viewer, ReportArea? Area, FinancialQuarter Quarter)> FindAsync(int areaId, string quarter, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (FinancialQuarter.Parse(quarter) is not { } q)
        {
            return (viewer, null, default);
        }

        return (viewer, await viewer.FindHighlightAreaAsync(db, areaId, logger, ct), q);
    }

    private FinancialQuarter? QuarterOrToday(string? quarter) =>
        string.IsNullOrEmpty(quarter) ? FinancialQuarter.Containing(UkFormat.UkToday(clock)) : FinancialQuarter.Parse(quarter);

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
