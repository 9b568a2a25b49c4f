using System.Globalization;
using System.Text;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Costs;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static AreaPartnerships.Web.Features.ValueForMoney.ValueForMoneyReport;

namespace AreaPartnerships.Web.Features.ValueForMoney;

/// <summary>
/// The value-for-money report (<see cref="ValueForMoneyReport"/>): the figures for a period and areas, the issues behind
/// each figure, and both as CSV. Only those <see cref="CostAccess"/> lets see it (the partnership manager for every area,
/// area managers and support officers for theirs); anyone else is "not found" (and logged). An area outside the person's
/// own is ignored, never shown.
/// </summary>
[Authorize]
public sealed class ValueForMoneyController(AppDbContext db, Handler handler, FigureMemo memo, ILogger<ValueForMoneyController> logger) : Controller
{
    [HttpGet("/value-for-money")]
    public async Task<IActionResult> Index(Query query, CancellationToken ct)
    {
        ModelState.Clear();
        if (await ViewerAsync(ct) is not { } viewer)
        {
            return NotFound();
        }

        // First, before the areas and the figures (docs/decisions/0029).
        var version = await DataVersion.ReadAsync(db, ct);
        var thisYear = handler.ThisYear;
        var period = ReadPeriod(query, thisYear);
        foreach (var (field, message) in period.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        var (areas, filter) = await handler.AreasAsync(viewer, query, period, ct);

        // The report as kept for the data as it is now: the same for everyone asking for the same period and areas (the
        // filter holds both; an area outside the person's own is never in it). Every figure is a sum over the period,
        // so it holds until the data changes. The CSV works it out each time.
        var report = filter is null ? null : await memo.GetAsync(version, $"value for money|{Iso(filter.From)}|{Iso(filter.To)}|{(filter.AreaIds is { } ids ? string.Join(',', ids) : "every area")}",
            async () => (await handler.ReportAsync(filter, ct), (DateTimeOffset?)null, KeptReportSize));
        var (from, to) = (query.Typed(start: true, period.From), query.Typed(start: false, period.To));
        var page = new Page(query, from.Day, from.Month, from.Year, to.Day, to.Month, to.Year, areas, thisYear, report);
        if (report is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(page);
    }

    /// <summary>About what a kept report holds, in characters' worth: some thirty figures and their labels.</summary>
    private const long KeptReportSize = 6_000;

    [HttpGet("/value-for-money.csv")]
    public async Task<IActionResult> Csv(Query query, CancellationToken ct)
    {
        var (viewer, filter) = await FilterAsync(query, ct);
        if (viewer is null)
        {
            return NotFound();
        }

        if (filter is null)
        {
            return BadRequest();
        }

        var report = await handler.ReportAsync(filter, ct);
        await WriteCsvAsync($"value-for-money-{Iso(filter.From)}-to-{Iso(filter.To)}.csv",
            "From,To,Section,Label,Spent,Avoided,Avoided per £1 spent,Issues,Share of avoided (%)",
            Rows(report), ct);
        return new EmptyResult();

        IEnumerable<string> Rows(Report r)
        {
            string Row(string section, string label, decimal? spent, decimal? avoided, decimal? ratio, int? issues, decimal? share = null) =>
                string.Join(',', Iso(filter.From), Iso(filter.To), Infrastructure.Csv.Cell(section), Infrastructure.Csv.Cell(label),
                    spent is { } s ? Plain(s) : string.Empty, avoided is { } a ? Plain(a) : string.Empty, ratio is { } q ? Plain(q) : string.Empty,
                    issues?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, share?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty);

            yield return Row("Total", r.Total.Label, r.Total.Spent, r.Total.Avoided, r.Total.Ratio, r.Total.Issues);
            yield return Row("Not in the totals", r.LowConfidence.Label, null, r.LowConfidence.Avoided, null, r.LowConfidence.Issues);
            foreach (var f in r.ByLevel)
            {
                yield return Row("Level", f.Label, f.Spent, f.Avoided, f.Ratio, f.Issues);
            }

            foreach (var f in r.ByTheme)
            {
                yield return Row("Theme", f.Label, f.Spent, f.Avoided, f.Ratio, f.Issues);
            }

            foreach (var f in r.ByAgency)
            {
                yield return Row("Agency", f.Label, f.Spent, f.Avoided, f.Ratio, f.Issues);
            }

            foreach (var s in r.Shares)
            {
                yield return Row("Share of avoided", s.Label, null, s.Avoided, null, null, s.Percent);
            }
        }
    }

    [HttpGet("/value-for-money/issues")]
    public async Task<IActionResult> Issues(Query query, string? level, string? theme, string? agency, string? confidence, string? order,
        string? after, string? before, bool last, CancellationToken ct)
    {
        ModelState.Clear();
        var (viewer, filter) = await FilterAsync(query, ct);
        if (viewer is null)
        {
            return NotFound();
        }

        if (filter is null || Slice.Parse(level, theme, agency, confidence) is not { } slice)
        {
            return BadRequest();
        }

        return View(await handler.IssuesAsync(viewer, filter, slice, order, after, before, last, ct));
    }

    [HttpGet("/value-for-money/issues.csv")]
    public async Task<IActionResult> IssuesCsv(Query query, string? level, string? theme, string? agency, string? confidence, CancellationToken ct)
    {
        var (viewer, filter) = await FilterAsync(query, ct);
        if (viewer is null)
        {
            return NotFound();
        }

        if (filter is null || Slice.Parse(level, theme, agency, confidence) is not { } slice)
        {
            return BadRequest();
        }

        await WriteCsvAsync($"value-for-money-issues-{Iso(filter.From)}-to-{Iso(filter.To)}.csv",
            "Reference,Title,Area,Level,Theme,Spent,Avoided,Confidence",
            Rows(), ct);
        return new EmptyResult();

        async IAsyncEnumerable<string> Rows()
        {
            await foreach (var r in handler.StreamAsync(viewer, filter, slice, ct))
            {
                yield return string.Join(',', Infrastructure.Csv.Cell(r.Reference), Infrastructure.Csv.Cell(r.Title), Infrastructure.Csv.Cell(r.Area),
                    r.Level is { } l ? Issue.LevelName(l) : "Not yet triaged", Infrastructure.Csv.Cell(Category.ThemeName(r.Theme)),
                    Plain(r.Spent), Plain(r.Avoided), r.Confidence?.ToString() ?? "None");
            }
        }
    }

    private async Task WriteCsvAsync(string fileName, string header, IEnumerable<string> rows, CancellationToken ct)
    {
        await using var writer = CsvWriter(fileName);
        await writer.WriteLineAsync(header);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(row.AsMemory(), ct);
        }
    }

    private async Task WriteCsvAsync(string fileName, string header, IAsyncEnumerable<string> rows, CancellationToken ct)
    {
        await using var writer = CsvWriter(fileName);
        await writer.WriteLineAsync(header);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(row.AsMemory(), ct);
        }
    }

    private StreamWriter CsvWriter(string fileName)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    /// <summary>The person (null when they may not see the report) and the period and areas (null when the period is bad).</summary>
    private async Task<(Viewer? Viewer, Filter? Filter)> FilterAsync(Query query, CancellationToken ct)
    {
        if (await ViewerAsync(ct) is not { } viewer)
        {
            return (null, null);
        }

        var period = ReadPeriod(query, handler.ThisYear);
        var (_, filter) = await handler.AreasAsync(viewer, query, period, ct);
        return (viewer, period.Errors.Count == 0 ? filter : null);
    }

    /// <summary>The person asking, or null (logged) when they may not see the report.</summary>
    private async Task<Viewer?> ViewerAsync(CancellationToken ct)
    {
        var viewer = await Viewer.ForAsync(User, db, ct);
        if (viewer.SeesValueForMoney)
        {
            return viewer;
        }

        logger.LogWarning("User {UserId} ({Role}) asked for the value-for-money report, which they may not see", viewer.UserId, viewer.Role);
        return null;
    }
}
