using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.Meetings;
using AreaPartnerships.Web.Features.ValueForMoney;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Charts;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Dashboard;

/// <summary>
/// The borough dashboard: for a period and an area (or every area the person has), eight panels — demand, pressure
/// and capacity, flows between levels, ageing, task groups, meetings, money, themes over time — each a set of
/// <see cref="FigureTable"/>s (drawn as charts, downloadable as CSV) whose every count links to the list behind it.
/// <para>
/// Issue figures come from the summaries kept with every save (docs/decisions/0023, 0027): <see cref="IssueCount"/>
/// (open issues by area, status and level), <see cref="IssueMonthCount"/> (raised by source and category, resolved
/// with days taken, flows — by month) and <see cref="OpenIssueDate"/> (open issues by raised, target and follow-up
/// date, owner and level: overdue, follow-ups due and ageing are sums over a date range). Task groups, meetings and
/// budgets are small tables read by their indexes; the money panel's value for money is <see cref="ValueForMoneyReport"/>.
/// A fixed number of commands whatever the number of issues.
/// </para>
/// </summary>
public static class BoroughDashboard
{
    public sealed class Query : PeriodQuery
    {
        public string? Period { get; set; }

        public int? AreaId { get; set; }
    }

    public sealed record AreaChoice(int Id, string Name);

    public sealed record Panel(string Id, string Heading, string Lead, IReadOnlyList<FigureTable> Tables);

    /// <summary>
    /// What was counted: the period as asked, the whole months the monthly figures cover, the areas (every area when
    /// <paramref name="EveryArea"/>: the borough's own summary rows).
    /// </summary>
    public sealed record Scope(DateOnly From, DateOnly To, DateOnly MonthsFrom, DateOnly MonthsTo, DateOnly Today, int? AreaId, string AreaName, bool EveryArea);

    /// <summary>
    /// The page: the filters as asked and read, the person's areas, and the scope counted. <see cref="Panels"/> are
    /// read by <see cref="Handler.PanelsAsync"/>; <see cref="Figures"/> is their rendered HTML as the page keeps it
    /// (<see cref="FigureMemo"/>).
    /// </summary>
    public sealed record Model(
        Query Asked,
        string Period,
        PeriodQuery.Dates Read,
        IReadOnlyList<AreaChoice> Areas,
        Scope? Scope)
    {
        public IReadOnlyList<Panel> Panels { get; init; } = [];

        public string? Figures { get; init; }
    }

    /// <summary>The panels, and when they stop being true without any change to the data: the next meeting in the period to start (it is then held), if any.</summary>
    public sealed record PanelsRead(IReadOnlyList<Panel> List, DateTimeOffset? Until);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly IssueSource[] Sources = [IssueSource.Councillor, IssueSource.Resident, IssueSource.Partner, IssueSource.CommunityMeeting, IssueSource.Officer];

    private static readonly IssueStatus[] OpenStatuses = [IssueStatus.New, IssueStatus.Triaged, IssueStatus.InProgress];

    private static readonly int[] LevelsAndUntriaged = [1, 2, 3, 4, IssueCount.Untriaged];

    public static string SourceName(IssueSource source) => source switch
    {
        IssueSource.CommunityMeeting => "Community meeting",
        _ => source.ToString(),
    };

    public static string LevelName(int level) => level == IssueCount.Untriaged ? "Not triaged" : $"Level {level}";

    private static string LevelParam(int level) => level == IssueCount.Untriaged ? ListIssues.Untriaged : level.ToString(CultureInfo.InvariantCulture);

    private static string MonthName(int month) => IssueMonthCount.FirstDayOf(month).ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A row of the month summary (raised, resolved, flows), read with the others in one command (a class with setters: EF Core unions only member-initialised rows).</summary>
    private sealed class MonthRow
    {
        public IssueMeasure Measure { get; init; }

        public int A { get; init; }

        public int B { get; init; }

        public int C { get; init; }

        public int Total { get; init; }
    }

    /// <summary>A row of the open-issue dates, read with the others in one command.</summary>
    private sealed class OpenRow
    {
        public int What { get; init; }

        public int A { get; init; }

        public int B { get; init; }

        public int C { get; init; }

        public int Total { get; init; }
    }

    /// <summary>
    /// The median of the days taken, from the counts by band (<see cref="IssueMonthCount.DaysBand"/>): the middle
    /// value (the mean of the two middle values for an even count) when it is counted to the day, otherwise the
    /// band it falls in ("39 to 45 days"). Null when nothing was resolved.
    /// </summary>
    public static FigureCell? MedianDays(IReadOnlyList<(int Band, int Total)> histogram)
    {
        var count = histogram.Sum(h => h.Total);
        if (count == 0)
        {
            return null;
        }

        int At(int index)
        {
            foreach (var (band, total) in histogram)
            {
                if (index < total)
                {
                    return band;
                }

                index -= total;
            }

            return histogram[^1].Band;
        }

        var (low, high) = (At((count - 1) / 2), At(count / 2));
        if (IssueMonthCount.DaysBandEnd(high) == high)
        {
            var median = (low + high) / 2m;
            return new FigureCell(median, median == 1 ? "1 day" : $"{median:0.#} days");
        }

        var end = IssueMonthCount.DaysBandEnd(high);
        return new FigureCell(low, end == int.MaxValue ? $"over {UkFormat.Number(IssueMonthCount.MostDays)} days" : $"{low} to {end} days");
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, LinkGenerator links, ValueForMoneyReport.Handler valueForMoney, FigureMemo memo)
    {
        /// <summary>The page with its panels read; null when the area asked for is not one of the person's.</summary>
        public async Task<Model?> HandleAsync(Viewer viewer, Query q, CancellationToken ct)
        {
            var model = await ScopeAsync(viewer, q, await DataVersion.ReadAsync(db, ct), ct);
            return model?.Scope is null ? model : model with { Panels = (await PanelsAsync(model, ct)).List };
        }

        /// <summary>
        /// The page without its panels: the person's areas, the period read, and the scope to count (null when the dates
        /// are wrong). The areas are kept by the data <paramref name="version"/>, read before this (docs/decisions/0029).
        /// </summary>
        public async Task<Model?> ScopeAsync(Viewer viewer, Query q, long version, CancellationToken ct)
        {
            var today = UkFormat.UkToday(clock);
            var allowed = viewer.DashboardAreas;
            var areas = await memo.GetAsync(version, $"dashboard areas|{(allowed is null ? "every area" : string.Join(',', allowed.Order()))}", async () =>
            {
                var areaQuery = db.Areas.AsNoTracking().Where(a => a.IsActive);
                if (allowed is not null)
                {
                    areaQuery = areaQuery.Where(a => allowed.Contains(a.Id));
                }

                var read = await areaQuery.OrderBy(a => a.Name).Select(a => new AreaChoice(a.Id, a.Name)).ToListAsync(ct);
                return (read, (DateTimeOffset?)null, read.Sum(a => a.Name.Length + 8L));
            });
            if (q.AreaId is { } asked && areas.All(a => a.Id != asked))
            {
                return null;
            }

            var period = DashboardPeriod.Choices.Any(c => c.Value == q.Period) ? q.Period! : DashboardPeriod.ThisYear;
            var preset = DashboardPeriod.Preset(period, today);
            var read = preset is { } p ? new PeriodQuery.Dates(p.From, p.To, new Dictionary<string, string>()) : q.Read(FinancialYear.Containing(today).Starts, today);
            if (read.Errors.Count > 0 || read.From is not { } from || read.To is not { } to)
            {
                return new Model(q, period, read, areas, null);
            }

            var (monthsFrom, monthsTo) = DashboardPeriod.WholeMonths(from, to);
            var scope = new Scope(from, to, monthsFrom, monthsTo, today, q.AreaId,
                q.AreaId is { } id ? areas.Single(a => a.Id == id).Name : allowed is null ? "Every area" : "Your areas",
                EveryArea: allowed is null && q.AreaId is null);
            return new Model(q, period, read, areas, scope);
        }

        /// <summary>Reads the panels for the model's scope.</summary>
        public async Task<PanelsRead> PanelsAsync(Model model, CancellationToken ct)
        {
            var scope = model.Scope ?? throw new InvalidOperationException("There is no scope to count: the dates were refused.");
            var areaIds = scope.AreaId is { } one ? [one] : model.Areas.Select(a => a.Id).ToList();
            var reader = new Reader(db, clock, links, valueForMoney, scope, areaIds, [.. model.Areas]);
            return await reader.PanelsAsync(ct);
        }
    }

    /// <summary>Reads and lays out the panels for one scope.</summary>
    private sealed class Reader(AppDbContext db, TimeProvider clock, LinkGenerator links, ValueForMoneyReport.Handler valueForMoney, Scope scope,
        List<int> areaIds, List<AreaChoice> areas)
    {
        private readonly bool everyArea = scope.EveryArea;

        /// <summary>The next meeting in the period to start after now, when the meetings held move on by themselves.</summary>
        private DateTimeOffset? _until;

        private readonly int _firstMonth = IssueMonthCount.MonthOf(scope.MonthsFrom);
        private readonly int _lastMonth = IssueMonthCount.MonthOf(scope.MonthsTo);
        private readonly Dictionary<int, string> _areaNames = areas.ToDictionary(a => a.Id, a => a.Name);

        public async Task<PanelsRead> PanelsAsync(CancellationToken ct)
        {
            var months = await MonthRowsAsync(ct);
            var open = await OpenRowsAsync(ct);
            var counts = await db.IssueCounts.AsNoTracking()
                .Where(c => areaIds.Contains(c.AreaId) && OpenStatuses.Contains(c.Status))
                .GroupBy(c => new { c.AreaId, c.Status, c.Level })
                .Select(g => new { g.Key.AreaId, g.Key.Status, g.Key.Level, Total = g.Sum(c => c.Total) })
                .ToListAsync(ct);
            var openCounts = counts.Select(c => (c.AreaId, c.Status, c.Level, c.Total)).ToList();

            List<Panel> panels =
            [
                Demand(months, openCounts),
                await PressureAsync(open, openCounts, ct),
                Flows(months),
                Ageing(open, months),
                await TaskGroupsAsync(ct),
                await MeetingsAsync(ct),
                await MoneyAsync(ct),
                await ThemesAsync(months, ct),
            ];
            return new PanelsRead(panels, _until);
        }

        // Each list is routed once; its figures' links add their query strings (about 900 links on a borough-wide page).
        private readonly string _issuesPath = links.GetPathByAction("Index", "Issues")!;
        private readonly string _taskGroupsPath = links.GetPathByAction("Index", "TaskGroups")!;
        private readonly string _meetingsPath = links.GetPathByAction("Index", "Meetings")!;

        private string Issues(params (string Key, object? Value)[] filter) =>
            QueryUrl.Append(_issuesPath, scope.AreaId is { } area ? [(nameof(ListIssues.Query.AreaId), area), .. filter] : filter);

        private async Task<List<MonthRow>> MonthRowsAsync(CancellationToken ct)
        {
            var inMonths = db.IssueMonthCounts.AsNoTracking().Where(c => c.Month >= _firstMonth && c.Month <= _lastMonth);
            var byArea = inMonths.Where(c => areaIds.Contains(c.AreaId));

            // Every area: the borough's own rows (a few thousand a year instead of one set per area; they count areas
            // since closed too, as the case list's borough-wide links do). Flows are by area either way.
            var rows = everyArea ? inMonths.Where(c => c.AreaId == IssueMonthCount.Borough) : byArea;

            // One command: raised by month and source; by month and category; resolved by level and days taken; flows by area.
            var bySource = rows.Where(c => c.Measure == IssueMeasure.RaisedBySource).GroupBy(c => new { c.Month, c.Key })
                .Select(g => new MonthRow { Measure = IssueMeasure.RaisedBySource, A = g.Key.Month, B = g.Key.Key, C = 0, Total = g.Sum(c => c.Total) });
            var byCategory = rows.Where(c => c.Measure == IssueMeasure.RaisedByCategory).GroupBy(c => new { c.Month, c.Key })
                .Select(g => new MonthRow { Measure = IssueMeasure.RaisedByCategory, A = g.Key.Month, B = g.Key.Key, C = 0, Total = g.Sum(c => c.Total) });
            var resolved = rows.Where(c => c.Measure == IssueMeasure.Resolved).GroupBy(c => new { c.Level, c.Key })
                .Select(g => new MonthRow { Measure = IssueMeasure.Resolved, A = g.Key.Level, B = g.Key.Key, C = 0, Total = g.Sum(c => c.Total) });
            var flows = byArea.Where(c => c.Measure == IssueMeasure.Flow).GroupBy(c => new { c.AreaId, c.Level, c.Key })
                .Select(g => new MonthRow { Measure = IssueMeasure.Flow, A = g.Key.AreaId, B = g.Key.Level, C = g.Key.Key, Total = g.Sum(c => c.Total) });
            return await bySource.Concat(byCategory).Concat(resolved).Concat(flows).ToListAsync(ct);
        }

        private const int OverdueByOwner = 1;
        private const int FollowUpsByArea = 2;
        private const int OpenByOwner = 3;
        private const int OpenByLevelBand = 4;

        private async Task<List<OpenRow>> OpenRowsAsync(CancellationToken ct)
        {
            var today = scope.Today;
            var all = db.OpenIssueDates.AsNoTracking();
            var rows = all.Where(c => areaIds.Contains(c.AreaId));
            var bands = DashboardPeriod.AgeBands(today);
            DateOnly b0 = bands[0].RaisedFrom!.Value, b1 = bands[1].RaisedFrom!.Value, b2 = bands[2].RaisedFrom!.Value, b3 = bands[3].RaisedFrom!.Value;

            // Every area: the borough's own "raised" rows (one per day and level, areas since closed included, as the
            // case list's borough-wide links count them).
            var raisedRows = everyArea ? all.Where(c => c.AreaId == OpenIssueDate.Borough) : rows;

            // One command: overdue by area and owner; follow-ups due by area; open by owner (the undated rows); open by
            // level and age band.
            var overdue = rows.Where(c => c.Kind == OpenIssueDateKind.Target && c.On < today).GroupBy(c => new { c.AreaId, c.OwnerId })
                .Select(g => new OpenRow { What = OverdueByOwner, A = g.Key.AreaId, B = g.Key.OwnerId, C = 0, Total = g.Sum(c => c.Total) });
            var followUps = rows.Where(c => c.Kind == OpenIssueDateKind.FollowUp && c.On <= today).GroupBy(c => c.AreaId)
                .Select(g => new OpenRow { What = FollowUpsByArea, A = g.Key, B = 0, C = 0, Total = g.Sum(c => c.Total) });
            var owners = rows.Where(c => c.Kind == OpenIssueDateKind.Open && c.OwnerId != OpenIssueDate.NoOwner).GroupBy(c => c.OwnerId)
                .Select(g => new OpenRow { What = OpenByOwner, A = g.Key, B = 0, C = 0, Total = g.Sum(c => c.Total) });
            var ages = raisedRows.Where(c => c.Kind == OpenIssueDateKind.Raised)
                .GroupBy(c => new { c.Level, Band = c.On >= b0 ? 0 : c.On >= b1 ? 1 : c.On >= b2 ? 2 : c.On >= b3 ? 3 : 4 })
                .Select(g => new OpenRow { What = OpenByLevelBand, A = g.Key.Level, B = g.Key.Band, C = 0, Total = g.Sum(c => c.Total) });
            return await overdue.Concat(followUps).Concat(owners).Concat(ages).ToListAsync(ct);
        }

        private Panel Demand(List<MonthRow> months, List<(int AreaId, IssueStatus Status, int Level, int Total)> open)
        {
            var monthList = DashboardPeriod.Months(scope.MonthsFrom, scope.MonthsTo);
            var raised = months.Where(m => m.Measure == IssueMeasure.RaisedBySource).ToDictionary(m => (m.A, (IssueSource)m.B), m => m.Total);
            var raisedRows = monthList.Select(month =>
            {
                var first = IssueMonthCount.FirstDayOf(month);
                var last = first.AddMonths(1).AddDays(-1);
                var cells = Sources.Select(s => FigureCell.Count(raised.GetValueOrDefault((month, s)),
                        Issues(("Source", s), ("RaisedFrom", Iso(first)), ("RaisedTo", Iso(last)))))
                    .Append(FigureCell.Count(Sources.Sum(s => raised.GetValueOrDefault((month, s))), Issues(("RaisedFrom", Iso(first)), ("RaisedTo", Iso(last)))))
                    .ToList();
                return new FigureRow(MonthName(month), cells);
            }).ToList();

            var byArea = areaIds.Select(area =>
            {
                var cells = LevelsAndUntriaged.Select(level => FigureCell.Count(open.Where(o => o.AreaId == area && o.Level == level).Sum(o => o.Total),
                    Issues(("AreaId", area), ("Level", LevelParam(level)), ("OpenOnly", true)))).ToList();
                cells.Add(FigureCell.Count(open.Where(o => o.AreaId == area).Sum(o => o.Total), Issues(("AreaId", area), ("OpenOnly", true))));
                return new FigureRow(_areaNames[area], cells);
            }).ToList();
            var statusRows = OpenStatuses.Select(s => new FigureRow(Issue.StatusName(s),
                [FigureCell.Count(open.Where(o => o.Status == s).Sum(o => o.Total), Issues(("Status", s)))])).ToList();

            return new Panel("demand", "Demand", "Issues raised each month by where they came from, and the open issues by area, level and status.",
            [
                new FigureTable("raised-by-source", "Issues raised each month by source", "Month", [.. Sources.Select(SourceName), "Total"], raisedRows,
                    ChartKind.StackedBars, Sources.Length, MonthsNote()),
                new FigureTable("open-by-area-level", "Open issues by area and level", "Area", [.. LevelsAndUntriaged.Select(LevelName), "Total"], byArea,
                    ChartKind.StackedBars, LevelsAndUntriaged.Length),
                new FigureTable("open-by-status", "Open issues by status", "Status", ["Issues"], statusRows, ChartKind.StackedBars),
            ]);
        }

        private string? MonthsNote() => scope.MonthsFrom == scope.From && scope.MonthsTo == scope.To
            ? null
            : $"Counted by whole months: {UkFormat.Date(scope.MonthsFrom)} to {UkFormat.Date(scope.MonthsTo)}.";

        private async Task<Panel> PressureAsync(List<OpenRow> open, List<(int AreaId, IssueStatus Status, int Level, int Total)> counts, CancellationToken ct)
        {
            var overdue = open.Where(o => o.What == OverdueByOwner).ToList();
            var followUps = open.Where(o => o.What == FollowUpsByArea).ToDictionary(o => o.A, o => o.Total);
            var areaRows = areaIds.Select(area => new FigureRow(_areaNames[area],
            [
                FigureCell.Count(counts.Where(c => c.AreaId == area).Sum(c => c.Total), Issues(("AreaId", area), ("OpenOnly", true))),
                FigureCell.Count(overdue.Where(o => o.A == area).Sum(o => o.Total), Issues(("AreaId", area), ("Overdue", true))),
                FigureCell.Count(followUps.GetValueOrDefault(area), Issues(("AreaId", area), ("FollowUpDue", true))),
            ])).ToList();

            // Area managers with an area in scope (a handful per area), and the areas each manages. A Level 1 issue has no
            // owner (it is referred to a front-line service), but the area's manager still chases its follow-ups: that
            // is the Level 1 work the review says still lands on area managers.
            var managers = await (from u in db.Users.AsNoTracking()
                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  join ua in db.UserAreas on u.Id equals ua.UserId
                                  where r.Name == Roles.AreaManager && areaIds.Contains(ua.AreaId)
                                  select new { u.Id, u.DisplayName, ua.AreaId }).ToListAsync(ct);
            var owned = open.Where(o => o.What == OpenByOwner).ToList();
            var managerRows = managers.GroupBy(m => (m.Id, m.DisplayName)).OrderBy(g => g.Key.DisplayName).Select(g =>
            {
                var theirs = g.Select(m => m.AreaId).Distinct().ToList();
                var onlyArea = theirs.Count == 1 ? theirs[0] : (int?)null;
                var level1 = counts.Where(c => theirs.Contains(c.AreaId) && c.Level == (int)IssueLevel.FrontLine).Sum(c => c.Total);
                var followUpsDue = theirs.Sum(followUps.GetValueOrDefault);
                var ownedOpen = owned.Where(o => o.A == g.Key.Id).Sum(o => o.Total);
                var ownedOverdue = overdue.Where(o => o.B == g.Key.Id).Sum(o => o.Total);
                return new FigureRow(g.Key.DisplayName,
                [
                    FigureCell.Count(level1, onlyArea is { } a1 ? Issues(("AreaId", a1), ("Level", "1"), ("OpenOnly", true)) : null),
                    FigureCell.Count(followUpsDue, onlyArea is { } a2 ? Issues(("AreaId", a2), ("FollowUpDue", true)) : null),
                    FigureCell.Count(ownedOpen, Issues(("OwnerId", g.Key.Id), ("OpenOnly", true))),
                    FigureCell.Count(ownedOverdue, Issues(("OwnerId", g.Key.Id), ("Overdue", true))),
                ]);
            }).ToList();

            return new Panel("pressure", "Pressure and capacity",
                "Open, overdue and follow-up work by area, and by area manager — with the Level 1 work that still lands on area managers, the capacity drain the review names.",
            [
                new FigureTable("pressure-by-area", "Open and overdue issues by area", "Area", ["Open", "Overdue", "Follow-ups due"], areaRows, ChartKind.StackedBars, 1),
                new FigureTable("pressure-by-manager", "Work on each area manager", "Area manager",
                    ["Level 1 open in their areas", "Level 1 follow-ups due", "Issues they own", "Issues they own overdue"], managerRows,
                    ChartKind.StackedBars, 1, managerRows.Count == 0 ? "No area manager looks after these areas." :
                    "Level 1 issues are referred to a front-line service, but the area manager follows each up until it is confirmed done. The Level 1 figures for a manager of more than one area are not links: open each area's figures above."),
            ]);
        }

        private Panel Flows(List<MonthRow> months)
        {
            var flows = months.Where(m => m.Measure == IssueMeasure.Flow).ToList();
            var areaRows = areaIds.Select(area =>
            {
                var here = flows.Where(f => f.A == area).ToList();
                var up = here.Where(f => f.C > f.B).Sum(f => f.Total);
                var down = here.Where(f => f.C < f.B).Sum(f => f.Total);
                return new FigureRow(_areaNames[area],
                [
                    FigureCell.Count(up, Moves(ListIssues.LevelMove.Up, ("AreaId", area))),
                    FigureCell.Count(down, Moves(ListIssues.LevelMove.Down, ("AreaId", area))),
                    FigureCell.Count(down - up),
                ]);
            }).ToList();

            int[] levels = [1, 2, 3, 4];
            var matrix = levels.Select(from => new FigureRow($"From Level {from}",
                [.. levels.Select(to => from == to ? FigureCell.Words("—") : FigureCell.Count(flows.Where(f => f.B == from && f.C == to).Sum(f => f.Total),
                    Moves(to > from ? ListIssues.LevelMove.Up : ListIssues.LevelMove.Down, ("FromLevel", from), ("ToLevel", to))))])).ToList();

            // A figure counts moves; its list shows issues, each once however often it moved.
            const string onceEach = "Each figure counts moves: an issue stepped up twice in the period counts twice here, and is listed once behind the figure.";
            var note = MonthsNote() is { } whole ? $"{whole} {onceEach}" : onceEach;
            return new Panel("flows", "Flows between levels",
                "Step-ups and step-downs made in the period. “Reducing step up, increasing step down” is a headline measure: more step-downs than step-ups shows work moving back to where it belongs.",
            [
                new FigureTable("flows-by-area", "Step-ups and step-downs by area", "Area", ["Step-ups", "Step-downs", "Step-downs less step-ups"], areaRows, ChartKind.StackedBars, 2,
                    note),
                new FigureTable("flows-between-levels", "Moves between levels", "From", [.. levels.Select(l => $"To Level {l}")], matrix, Note: note),
            ]);
        }

        /// <summary>
        /// The case list of the issues behind a flow: those stepped up (or down) in the whole months counted, as the
        /// month summary counts them (by the UK day of the step and the issue's area).
        /// </summary>
        private string Moves(ListIssues.LevelMove move, params (string Key, object? Value)[] filter) =>
            Issues([("Moved", move), ("MovedFrom", Iso(scope.MonthsFrom)), ("MovedTo", Iso(scope.MonthsTo)), .. filter]);

        private Panel Ageing(List<OpenRow> open, List<MonthRow> months)
        {
            var bands = DashboardPeriod.AgeBands(scope.Today);
            var ages = open.Where(o => o.What == OpenByLevelBand).ToList();
            var ageRows = LevelsAndUntriaged.Select(level => new FigureRow(LevelName(level),
                [.. bands.Select((band, i) => FigureCell.Count(ages.Where(a => a.A == level && a.B == i).Sum(a => a.Total),
                    Issues(("Level", LevelParam(level)), ("OpenOnly", true), ("RaisedFrom", band.RaisedFrom is { } f ? Iso(f) : null), ("RaisedTo", band.RaisedTo is { } t ? Iso(t) : null))))])).ToList();

            var resolved = months.Where(m => m.Measure == IssueMeasure.Resolved).ToList();
            var medianRows = LevelsAndUntriaged.Where(l => l != IssueCount.Untriaged).Select(level =>
            {
                var days = resolved.Where(r => r.A == level).OrderBy(r => r.B).Select(r => (Days: r.B, r.Total)).ToList();
                var count = days.Sum(d => d.Total);
                return new FigureRow(LevelName(level),
                [
                    FigureCell.Count(count),
                    MedianDays(days) ?? FigureCell.Words("None resolved"),
                ]);
            }).ToList();

            return new Panel("ageing", "Ageing",
                "How long open issues have been open, by level, and how long resolved ones took.",
            [
                new FigureTable("ageing-by-level", "Open issues by age", "Level", [.. bands.Select(b => b.Name)], ageRows, ChartKind.StackedBars),
                new FigureTable("days-to-resolve", "Days from raised to resolved (issues resolved in the period)", "Level", ["Resolved", "Median"], medianRows,
                    Note: MonthsNote()),
            ]);
        }

        private async Task<Panel> TaskGroupsAsync(CancellationToken ct)
        {
            var today = scope.Today;
            var groups = await db.TaskGroups.AsNoTracking()
                .Where(g => areaIds.Contains(g.AreaId) && g.Status == TaskGroupStatus.Active)
                .GroupBy(g => new { g.AreaId, g.LedByPartner, PastReview = g.ReviewOn < today })
                .Select(g => new { g.Key.AreaId, g.Key.LedByPartner, g.Key.PastReview, Count = g.Count() })
                .ToListAsync(ct);
            var overdueActions = await db.PlanActions.AsNoTracking()
                .Where(a => a.TaskGroupId != null && a.DueOn < today
                    && (a.Status != PlanActionStatus.Done && a.Status != PlanActionStatus.Cancelled)
                    && a.TaskGroup!.Status == TaskGroupStatus.Active && areaIds.Contains(a.TaskGroup.AreaId))
                .GroupBy(a => a.TaskGroup!.AreaId)
                .Select(g => new { AreaId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.AreaId, g => g.Count, ct);

            string Groups(int area, bool overdue = false) => QueryUrl.Append(_taskGroupsPath, [("AreaId", area), ("Overdue", overdue ? true : null)]);

            var rows = areaIds.Select(area =>
            {
                var here = groups.Where(g => g.AreaId == area).ToList();
                return new FigureRow(_areaNames[area],
                [
                    FigureCell.Count(here.Where(g => g.LedByPartner).Sum(g => g.Count), Groups(area)),
                    FigureCell.Count(here.Where(g => !g.LedByPartner).Sum(g => g.Count), Groups(area)),
                    FigureCell.Count(overdueActions.GetValueOrDefault(area), Groups(area, overdue: true)),
                    FigureCell.Count(here.Where(g => g.PastReview).Sum(g => g.Count), Groups(area, overdue: true)),
                ]);
            }).ToList();

            return new Panel("task-groups", "Task groups",
                "Active task groups led by partners and by the council's area managers (the review's Recommendation 5: partners should lead), with overdue actions and groups past their review date.",
            [
                new FigureTable("task-groups-by-area", "Active task groups by area and who leads them", "Area",
                    ["Led by a partner", "Led by the council", "Overdue actions", "Past review date"], rows, ChartKind.StackedBars, 2,
                    "Overdue actions and groups past review link to the area's groups needing attention."),
            ]);
        }

        private async Task<Panel> MeetingsAsync(CancellationToken ct)
        {
            var from = UkTime.ToUtc(scope.From, TimeOnly.MinValue)!.Value;
            var to = UkTime.ToUtc(scope.To.AddDays(1), TimeOnly.MinValue)!.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var until = to < now ? to : now;
            var inScope = db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Scheduled && m.AreaId != null && areaIds.Contains(m.AreaId.Value));
            var held = await inScope.Where(m => m.StartsAt >= from && m.StartsAt < until)
                .GroupBy(m => new { AreaId = m.AreaId!.Value, m.Type })
                .Select(g => new { g.Key.AreaId, g.Key.Type, Count = g.Count() })
                .ToListAsync(ct);

            // The figures hold until the next meeting in the period starts (it is then held), or a change to the data.
            var next = until < to ? await inScope.Where(m => m.StartsAt >= until && m.StartsAt < to).MinAsync(m => (DateTime?)m.StartsAt, ct) : null;
            _until = FigureMemo.Until(next);

            var openActions = await db.PlanActions.AsNoTracking()
                .Where(a => a.MeetingId != null && a.Status != PlanActionStatus.Done && a.Status != PlanActionStatus.Cancelled)
                .Join(db.Meetings.Where(m => m.AreaId != null && areaIds.Contains(m.AreaId.Value)), a => a.MeetingId, m => m.Id, (a, m) => m.AreaId!.Value)
                .GroupBy(area => area)
                .Select(g => new { AreaId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.AreaId, g => g.Count, ct);

            var types = held.Select(h => h.Type).Distinct().Order().ToList();
            string Meetings(int area, MeetingType? type) => QueryUrl.Append(_meetingsPath,
            [
                ("Area", area), ("Type", type), ("When", ListMeetings.Past),
                ("FromDay", scope.From.Day), ("FromMonth", scope.From.Month), ("FromYear", scope.From.Year),
                ("ToDay", scope.To.Day), ("ToMonth", scope.To.Month), ("ToYear", scope.To.Year),
            ]);

            var rows = areaIds.Select(area => new FigureRow(_areaNames[area],
            [
                .. types.Select(t => FigureCell.Count(held.Where(h => h.AreaId == area && h.Type == t).Sum(h => h.Count), Meetings(area, t))),
                FigureCell.Count(held.Where(h => h.AreaId == area).Sum(h => h.Count), Meetings(area, null)),
                FigureCell.Count(openActions.GetValueOrDefault(area)),
            ])).ToList();

            return new Panel("meetings", "Meetings",
                "Meetings held in the period by type, and the actions agreed at meetings that are still open.",
            [
                new FigureTable("meetings-by-area", "Meetings held by area and type", "Area",
                    [.. types.Select(Meeting.TypeName), "All meetings", "Actions arising still open"], rows, ChartKind.StackedBars, types.Count,
                    types.Count == 0 ? "No meetings were held in the period." : null),
            ]);
        }

        private async Task<Panel> MoneyAsync(CancellationToken ct)
        {
            var year = FinancialYear.Containing(scope.To);
            var budgets = await db.QuickWinBudgets.AsNoTracking()
                .Where(b => b.FinancialYearStart == year.StartYear && areaIds.Contains(b.AreaId))
                .Select(b => new { b.Id, b.AreaId, b.Allocation, b.Spent })
                .ToListAsync(ct);
            var rows = areaIds.Select(area =>
            {
                var budget = budgets.SingleOrDefault(b => b.AreaId == area);
                if (budget is null)
                {
                    return new FigureRow(_areaNames[area], [FigureCell.Words("No budget"), FigureCell.Words("—"), FigureCell.Words("—")]);
                }

                var ledger = links.GetPathByAction("Show", "Budgets", new RouteValueDictionary { ["id"] = budget.Id });
                return new FigureRow(_areaNames[area],
                [
                    FigureCell.Money(budget.Allocation, ledger),
                    FigureCell.Money(budget.Spent, ledger),
                    FigureCell.Money(budget.Allocation - budget.Spent, ledger),
                ]);
            }).ToList();

            // Whole months, like the other monthly figures, read from the value summary (no spend, cost or estimate line).
            var filter = new ValueForMoneyReport.Filter(scope.MonthsFrom, scope.MonthsTo, everyArea ? null : areaIds);
            var report = await valueForMoney.HeadlineAsync(filter, ct);
            var vfmLink = filter.Url(links.GetPathByAction("Index", "ValueForMoney")!);
            var value = new List<FigureRow>
            {
                new("Spent on issues and quick wins", [FigureCell.Money(report.Spent, vfmLink)]),
                new("Estimated cost avoided", [FigureCell.Money(report.Avoided, vfmLink)]),
                new("Avoided for every £1 spent", [report.Ratio is { } ratio ? new FigureCell(ratio, UkFormat.Money(ratio), vfmLink) : FigureCell.Words("No spend in this period")]),
            };
            value.AddRange(report.Shares.Select(s => new FigureRow($"Avoided: {s.Label}",
                [new FigureCell(s.Avoided, s.Percent is { } pc ? $"{UkFormat.Money(s.Avoided)} ({pc:0.#}%)" : UkFormat.Money(s.Avoided), vfmLink)])));

            var lowConfidence = report.LowConfidenceAvoided > 0 ? $"{UkFormat.Money(report.LowConfidenceAvoided)} more is estimated with low confidence and not counted." : null;
            var notes = string.Join(' ', new[] { lowConfidence, MonthsNote() }.OfType<string>());
            return new Panel("money", "Money",
                $"The {year} quick-win budgets, and value for money in the period: the estimated cost avoided for every pound spent, and who benefits.",
            [
                new FigureTable("budgets-by-area", $"Quick-win budgets {year}", "Area", ["Allocation", "Spent", "Remaining"], rows, ChartKind.None,
                    Note: "Spent is net of corrections and reversals, for the whole financial year."),
                new FigureTable("value-for-money", "Value for money in the period", "Measure", ["Amount"], value, ChartKind.None,
                    Note: notes.Length > 0 ? notes : null),
            ]);
        }

        private async Task<Panel> ThemesAsync(List<MonthRow> months, CancellationToken ct)
        {
            var themeOf = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Theme }).ToDictionaryAsync(c => c.Id, c => c.Theme, ct);
            var themes = Enum.GetValues<IssueTheme>();
            var raised = months.Where(m => m.Measure == IssueMeasure.RaisedByCategory)
                .GroupBy(m => (Month: m.A, Theme: themeOf.GetValueOrDefault(m.B, IssueTheme.Other)))
                .ToDictionary(g => g.Key, g => g.Sum(m => m.Total));
            var rows = DashboardPeriod.Months(scope.MonthsFrom, scope.MonthsTo).Select(month =>
            {
                var first = IssueMonthCount.FirstDayOf(month);
                var last = first.AddMonths(1).AddDays(-1);
                return new FigureRow(MonthName(month),
                    [.. themes.Select(t => FigureCell.Count(raised.GetValueOrDefault((month, t)), Issues(("Theme", t), ("RaisedFrom", Iso(first)), ("RaisedTo", Iso(last)))))]);
            }).ToList();

            return new Panel("themes", "Themes over time",
                "Issues raised each month by theme. The review's Recommendation 11 warns that the financial themes (debt, doorstep lending, poverty, worklessness) get pushed aside by the cleaner, safer, greener ones.",
            [
                new FigureTable("themes-by-month", "Issues raised each month by theme", "Month", [.. themes.Select(Category.ThemeName)], rows, ChartKind.StackedBars,
                    Note: MonthsNote()),
            ]);
        }
    }
}
