using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.WardProfiles;

/// <summary>
/// A ward's profile: its area and councillors, its key figures (the administrator's imports, each with its source,
/// date and earlier values), and — for those who see its casework — its issues beside them, per 1,000 residents, so
/// demand can be read against need: open issues by level (from the <see cref="IssueCount"/> summary), and issues raised
/// in the last 12 months by theme and level (a seek on the ward's issues by the time raised). The ward's open issues per
/// 1,000 residents are compared with its area's and the borough's where the person sees every issue in them. Population
/// is the ward's own (<see cref="Domain.Areas.Ward.Population"/>), which an import of a "Population" column sets and
/// the wards page can change, so the profile and the wards page always agree. A fixed handful of commands, whatever
/// the number of issues.
/// </summary>
public static class ViewWardProfile
{
    /// <summary>A current key figure, and how many earlier values it replaced.</summary>
    public sealed record Figure(string Measure, decimal Value, string Source, DateOnly AsAt, DateTime ImportedAt, int Earlier, string Anchor);

    /// <summary>A measure's earlier values, newest import first.</summary>
    public sealed record History(string Measure, string Anchor, IReadOnlyList<Figure> Earlier);

    /// <summary>A count and the case list behind it (null when there is no list to link to).</summary>
    public sealed record Count(int Value, RouteValueDictionary? Link);

    /// <summary>A row of open issues against population: the ward, its area, the borough.</summary>
    public sealed record Comparison(string Label, Count Open, int? Population, int WardsWithoutPopulation, string Key);

    /// <summary>Issues raised in the last 12 months for one theme (or the total row: Theme null), by level.</summary>
    public sealed record ThemeRow(IssueTheme? Theme, string Label, IReadOnlyDictionary<int, Count> ByLevel, Count Total);

    public sealed record IssueFigures(
        IReadOnlyDictionary<int, Count> OpenByLevel,
        Count OpenTotal,
        DateOnly RaisedSince,
        IReadOnlyList<ThemeRow> RaisedByTheme,
        ThemeRow RaisedTotal,
        IReadOnlyList<Comparison> Comparisons);

    public sealed record Page(
        ProfileWard Ward,
        IReadOnlyList<string> Councillors,
        IReadOnlyList<Figure> Figures,
        IReadOnlyList<History> Histories,
        IssueFigures? Issues,
        bool CanImport);

    /// <summary>The levels as the counts key them: not yet triaged (<see cref="IssueCount.Untriaged"/>), then 1 to 4.</summary>
    public static readonly IReadOnlyList<int> Levels = [IssueCount.Untriaged, 1, 2, 3, 4];

    public static string LevelLabel(int level) => level == IssueCount.Untriaged ? "Not yet triaged" : Issue.LevelName((IssueLevel)level);

    /// <summary>The count per 1,000 residents to one decimal place ("4.2"), or "Not known" without a population.</summary>
    public static string PerThousand(int count, int? population) => population is > 0
        ? (count * 1000m / population.Value).ToString("#,##0.0", CultureInfo.GetCultureInfo("en-GB"))
        : "Not known";

    /// <summary>A figure as imported: thousands separated, up to 4 decimal places, no trailing zeros ("12,345", "3.25").</summary>
    public static string Value(decimal value) => value.ToString("#,##0.####", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The case list's filter for a ward's issues (and a level, theme or open issues only).</summary>
    public static RouteValueDictionary CaseList(int? wardId = null, int? areaId = null, int? level = null, IssueTheme? theme = null, bool openOnly = false,
        DateOnly? raisedFrom = null)
    {
        var values = new RouteValueDictionary();
        if (raisedFrom is { } from)
        {
            values[nameof(ListIssues.Query.RaisedFrom)] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (areaId is { } area)
        {
            values[nameof(ListIssues.Query.AreaId)] = area;
        }

        if (wardId is { } ward)
        {
            values[nameof(ListIssues.Query.WardId)] = ward;
        }

        if (level is { } l)
        {
            values[nameof(ListIssues.Query.Level)] = l == IssueCount.Untriaged ? ListIssues.Untriaged : l.ToString(CultureInfo.InvariantCulture);
        }

        if (theme is { } t)
        {
            values[nameof(ListIssues.Query.Theme)] = t.ToString();
        }

        if (openOnly)
        {
            values[nameof(ListIssues.Query.OpenOnly)] = true;
        }

        return values;
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Page?> HandleAsync(Viewer viewer, int wardId, CancellationToken ct)
        {
            if (await viewer.FindWardAsync(db, wardId, logger, ct) is not { } ward)
            {
                return null;
            }

            var councillors = await db.UserWards.AsNoTracking().Where(uw => uw.WardId == wardId)
                .Join(db.Users, uw => uw.UserId, u => u.Id, (uw, u) => u.DisplayName)
                .OrderBy(n => n)
                .ToListAsync(ct);
            var (figures, histories) = await FiguresAsync(wardId, ct);
            var issues = viewer.SeesWardIssueCounts ? await IssuesAsync(viewer, ward, ct) : null;
            return new Page(ward, councillors, figures, histories, issues, viewer.Role == Domain.Identity.Roles.Administrator);
        }

        /// <summary>The ward's figures, current and earlier, in one read (a ward has a few measures times a few imports).</summary>
        private async Task<(IReadOnlyList<Figure>, IReadOnlyList<History>)> FiguresAsync(int wardId, CancellationToken ct)
        {
            var all = await db.WardFigures.AsNoTracking().Where(f => f.WardId == wardId)
                .Select(f => new { f.Measure, f.Value, f.Source, f.AsAt, f.Import.ImportedAt, f.ImportId, f.ReplacedByImportId })
                .ToListAsync(ct);
            var current = all.Where(f => f.ReplacedByImportId == null)
                .OrderBy(f => f.Measure, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var earlier = all.Where(f => f.ReplacedByImportId != null)
                .ToLookup(f => f.Measure.Trim(), StringComparer.OrdinalIgnoreCase);

            var figures = new List<Figure>();
            var histories = new List<History>();
            foreach (var (f, index) in current.Select((f, i) => (f, i)))
            {
                var anchor = $"history-{index + 1}";
                var before = earlier[f.Measure.Trim()]
                    .OrderByDescending(e => e.ImportedAt).ThenByDescending(e => e.ImportId)
                    .Select(e => new Figure(e.Measure, e.Value, e.Source, e.AsAt, e.ImportedAt, 0, anchor))
                    .ToList();
                figures.Add(new Figure(f.Measure, f.Value, f.Source, f.AsAt, f.ImportedAt, before.Count, anchor));
                if (before.Count > 0)
                {
                    histories.Add(new History(f.Measure, anchor, before));
                }
            }

            return (figures, histories);
        }

        private async Task<IssueFigures> IssuesAsync(Viewer viewer, ProfileWard ward, CancellationToken ct)
        {
            // Open issues from the summary: the ward's, and its area's and the borough's where this person sees them all.
            var counts = viewer.VisibleIssueCounts(db)!.Where(c => c.Status == IssueStatus.New || c.Status == IssueStatus.Triaged || c.Status == IssueStatus.InProgress);
            var areaId = ward.AreaId;
            var wardId = ward.Id;
            counts = viewer.SeesAllIssues ? counts
                : viewer.SeesAllIssuesIn(areaId) ? counts.Where(c => c.AreaId == areaId)
                : counts.Where(c => c.WardId == wardId);
            var open = await counts
                .GroupBy(c => new { c.AreaId, c.WardId, c.Level })
                .Select(g => new { g.Key.AreaId, g.Key.WardId, g.Key.Level, Total = g.Sum(c => c.Total) })
                .ToListAsync(ct);

            // Issues raised in the last 12 months (UK dates, today included), by theme and level: the ward's rows only.
            var today = UkFormat.UkToday(clock);
            var since = today.AddMonths(-12).AddDays(1);
            var sinceUtc = UkTime.ToUtc(since, TimeOnly.MinValue) ?? since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var raised = await viewer.VisibleIssues(db)
                .Where(i => i.WardId == wardId && i.RaisedAt >= sinceUtc)
                .GroupBy(i => new { i.Category.Theme, i.Level })
                .Select(g => new { g.Key.Theme, g.Key.Level, Total = g.Count() })
                .ToListAsync(ct);

            var openByLevel = Levels.ToDictionary(l => l, l =>
            {
                var n = open.Where(o => o.WardId == wardId && o.Level == l).Sum(o => o.Total);
                return new Count(n, n == 0 ? null : CaseList(wardId, level: l, openOnly: true));
            });
            var wardOpen = openByLevel.Values.Sum(c => c.Value);

            Count Raised(IssueTheme? theme, int? level)
            {
                var n = raised.Where(r => (theme is null || r.Theme == theme) && (level is null || (r.Level is { } l ? (int)l : IssueCount.Untriaged) == level)).Sum(r => r.Total);
                return new Count(n, n == 0 ? null : CaseList(wardId, level: level, theme: theme, raisedFrom: since));
            }

            ThemeRow Row(IssueTheme? theme) => new(theme, theme is { } t ? Category.ThemeName(t) : "All themes",
                Levels.ToDictionary(l => l, l => Raised(theme, l)), Raised(theme, null));

            var comparisons = new List<Comparison>
            {
                new("This ward", new Count(wardOpen, wardOpen == 0 ? null : CaseList(wardId, openOnly: true)), ward.Population, ward.Population is null ? 1 : 0, "ward"),
            };
            var borough = viewer.SeesAllIssues;
            if (borough || viewer.SeesAllIssuesIn(areaId))
            {
                var wards = await db.Wards.AsNoTracking()
                    .Where(w => borough || w.AreaId == areaId)
                    .Select(w => new { w.AreaId, w.Population, w.IsActive })
                    .ToListAsync(ct);
                Comparison Compare(string label, string key, Func<int, bool> inScope, RouteValueDictionary link)
                {
                    var n = open.Where(o => inScope(o.AreaId)).Sum(o => o.Total);
                    var scoped = wards.Where(w => inScope(w.AreaId)).ToList();
                    return new Comparison(label, new Count(n, n == 0 ? null : link), scoped.Sum(w => w.Population ?? 0),
                        scoped.Count(w => w.IsActive && w.Population is null), key);
                }

                comparisons.Add(Compare($"{ward.AreaName} area", "area", a => a == areaId, CaseList(areaId: areaId, openOnly: true)));
                if (borough)
                {
                    comparisons.Add(Compare("The borough", "borough", _ => true, CaseList(openOnly: true)));
                }
            }

            return new IssueFigures(openByLevel, new Count(wardOpen, wardOpen == 0 ? null : CaseList(wardId, openOnly: true)), since,
                [.. Enum.GetValues<IssueTheme>().Select(t => Row(t))], Row(null), comparisons);
        }
    }
}
