using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Govuk;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// The case list: the issues this person may see, filtered (area, ward, level, status, category, owner,
/// lead organisation, source, overdue, raised between days, moved between levels in a period, text on reference
/// or title), sorted and paged; the same filter
/// drives the CSV export and the triage inbox. Rows are projected without tracking; one query counts,
/// one reads the page, whatever the page size.
/// </summary>
public static class ListIssues
{
    public const int PageSize = 25;

    /// <summary>Level filter value for issues not yet triaged.</summary>
    public const string Untriaged = "none";

    /// <summary>Which moves between levels the "moved" filter asks for (<see cref="Query.Moved"/>).</summary>
    public enum LevelMove
    {
        /// <summary>Stepped up or stepped down.</summary>
        Either = 1,

        /// <summary>Stepped up (to a higher level).</summary>
        Up = 2,

        /// <summary>Stepped down (to a lower level).</summary>
        Down = 3,
    }

    public sealed class Query
    {
        public string? Q { get; set; }

        public int? AreaId { get; set; }

        public int? WardId { get; set; }

        /// <summary>"1".."4", or <see cref="Untriaged"/>.</summary>
        public string? Level { get; set; }

        public IssueStatus? Status { get; set; }

        /// <summary>Open issues only (New, Triaged, In progress): the default view.</summary>
        public bool OpenOnly { get; set; }

        public int? CategoryId { get; set; }

        public int? OwnerId { get; set; }

        public int? LeadOrganisationId { get; set; }

        public IssueSource? Source { get; set; }

        public bool Overdue { get; set; }

        /// <summary>Level 1 referrals whose follow-up is due today or past (<see cref="FollowUps"/>).</summary>
        public bool FollowUpDue { get; set; }

        /// <summary>The category's theme (e.g. the financial themes), across all its categories.</summary>
        public IssueTheme? Theme { get; set; }

        /// <summary>Raised on or after this UK day ("2026-04-01" or "1/4/2026"; anything else is ignored and shown as typed).</summary>
        public string? RaisedFrom { get; set; }

        /// <summary>Raised on or before this UK day.</summary>
        public string? RaisedTo { get; set; }

        public DateOnly? RaisedFromDate => DayOf(RaisedFrom);

        public DateOnly? RaisedToDate => DayOf(RaisedTo);

        /// <summary>
        /// Issues stepped up, stepped down or either (a step-up or step-down entry on their timeline), with
        /// <see cref="MovedFrom"/>, <see cref="MovedTo"/>, <see cref="FromLevel"/> and <see cref="ToLevel"/>: the list
        /// behind the dashboard's flows. Any of the five on its own turns the filter on (no direction: either).
        /// </summary>
        public LevelMove? Moved { get; set; }

        /// <summary>Moved on or after this UK day (as <see cref="RaisedFrom"/>).</summary>
        public string? MovedFrom { get; set; }

        /// <summary>Moved on or before this UK day.</summary>
        public string? MovedTo { get; set; }

        /// <summary>Moved from this level (1–4; anything else is ignored).</summary>
        public int? FromLevel { get; set; }

        /// <summary>Moved to this level (1–4; anything else is ignored).</summary>
        public int? ToLevel { get; set; }

        public DateOnly? MovedFromDate => DayOf(MovedFrom);

        public DateOnly? MovedToDate => DayOf(MovedTo);

        public IssueLevel? FromLevelValue => LevelOrNull(FromLevel);

        public IssueLevel? ToLevelValue => LevelOrNull(ToLevel);

        /// <summary>Whether the list is cut to issues moved between levels (<see cref="Moved"/>).</summary>
        public bool FiltersMoves =>
            Moved is not null || MovedFromDate is not null || MovedToDate is not null || FromLevelValue is not null || ToLevelValue is not null;

        /// <summary>
        /// The moves filter in words, for the list's selected filters: "Stepped up between 1 April 2026 and 30 November
        /// 2026", "Moved from Level 2 to Level 3". Empty when the filter is off.
        /// </summary>
        public IReadOnlyList<string> DescribeMoves()
        {
            if (!FiltersMoves)
            {
                return [];
            }

            var what = Moved switch
            {
                LevelMove.Up => "Stepped up",
                LevelMove.Down => "Stepped down",
                _ => "Stepped up or down",
            };
            var when = (MovedFromDate, MovedToDate) switch
            {
                ({ } from, { } to) => $" between {UkFormat.Date(from)} and {UkFormat.Date(to)}",
                ({ } from, null) => $" on or after {UkFormat.Date(from)}",
                (null, { } to) => $" on or before {UkFormat.Date(to)}",
                _ => string.Empty,
            };
            var levels = (FromLevelValue, ToLevelValue) switch
            {
                ({ } from, { } to) => $"Moved from {Issue.LevelName(from)} to {Issue.LevelName(to)}",
                ({ } from, null) => $"Moved from {Issue.LevelName(from)}",
                (null, { } to) => $"Moved to {Issue.LevelName(to)}",
                _ => null,
            };
            return levels is null ? [what + when] : [what + when, levels];
        }

        private static IssueLevel? LevelOrNull(int? level) => level is { } value && Enum.IsDefined((IssueLevel)value) ? (IssueLevel)value : null;

        /// <summary>A day typed as ISO ("2026-04-01", the dashboard's links) or as people write it ("1/4/2026").</summary>
        public static DateOnly? DayOf(string? text) =>
            string.IsNullOrWhiteSpace(text) ? null
            : DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1900 ? day
            : null;

        /// <summary>A key of <see cref="SortNames"/>; anything else (empty, missing, unknown) means the default.</summary>
        public string? Sort { get; set; } = DefaultSort;

        /// <summary>"asc" or "desc"; anything else means the default (newest first).</summary>
        public string? Dir { get; set; } = DefaultDir;

        /// <summary>Show the page that starts after this issue (a reference; <see cref="SeekLinks"/>).</summary>
        public string? After { get; set; }

        /// <summary>Show the page that ends before this issue.</summary>
        public string? Before { get; set; }

        /// <summary>Show the last page.</summary>
        public bool Last { get; set; }

        public bool HasFilters =>
            !string.IsNullOrWhiteSpace(Q) || AreaId is not null || WardId is not null || !string.IsNullOrEmpty(Level) || Status is not null
            || OpenOnly || CategoryId is not null || OwnerId is not null || LeadOrganisationId is not null || Source is not null || Overdue
            || Theme is not null || FollowUpDue || RaisedFromDate is not null || RaisedToDate is not null || FiltersMoves;

        /// <summary>
        /// Puts sort, direction and position within what the list offers: an empty, missing or unknown value is the
        /// default, never an error. Done before any query is built or any byte of a response written.
        /// </summary>
        public Query Normalise()
        {
            var sort = Sort?.Trim();
            Sort = sort is not null && SortKeys.ContainsKey(sort) ? sort.ToLowerInvariant() : DefaultSort;
            var dir = Dir?.Trim().ToLowerInvariant();
            Dir = dir is "asc" or "desc" ? dir : DefaultDir;
            After = string.IsNullOrWhiteSpace(After) ? null : After.Trim().ToUpperInvariant();
            Before = string.IsNullOrWhiteSpace(Before) ? null : Before.Trim().ToUpperInvariant();
            return this;
        }
    }

    public const string DefaultSort = "raised";

    public const string DefaultDir = "desc";

    public sealed record Row(
        string Reference,
        string Title,
        string Ward,
        string Area,
        string Category,
        IssueSource Source,
        IssueLevel? Level,
        IssueStatus Status,
        string? Owner,
        string? LeadOrganisation,
        string? ReferredOrganisation,
        DateTime RaisedAt,
        DateOnly? TargetDate,
        DateTime LastActivityAt,
        bool IsConfidential)
    {
        public bool IsOverdue(DateOnly today) => Status is IssueStatus.New or IssueStatus.Triaged or IssueStatus.InProgress && TargetDate < today;

        /// <summary>How long since it was raised, in UK days: "Today", "1 day", "3 days".</summary>
        public string Age(DateOnly today) => (today.DayNumber - UkTime.DateOf(RaisedAt).DayNumber) switch
        {
            <= 0 => "Today",
            1 => "1 day",
            var days => $"{UkFormat.Number(days)} days",
        };
    }

    public sealed record Filters(
        IReadOnlyList<SelectListItem> Areas,
        IReadOnlyList<SelectListItem> Wards,
        IReadOnlyList<SelectListItem> Categories,
        IReadOnlyList<SelectListItem> Owners,
        IReadOnlyList<SelectListItem> Organisations);

    /// <summary>
    /// How many issues match: exact, or — when counting them would mean reading more than <see cref="CountLimit"/>
    /// rows and no summary holds the answer — "more than 10,000".
    /// </summary>
    public sealed record Total(int Count, bool IsMoreThan)
    {
        public string Describe(string one, string many) => IsMoreThan
            ? $"More than {UkFormat.Number(Count)} {many}"
            : $"{UkFormat.Number(Count)} {(Count == 1 ? one : many)}";
    }

    /// <summary>The most rows a total counts one by one; beyond it the total says "more than".</summary>
    public const int CountLimit = 10_000;

    public sealed record Result(Query Query, IReadOnlyList<Row> Rows, Total Total, SeekLinks.Position Position, DateOnly Today, Filters Filters);

    private static readonly Dictionary<string, SortKey> SortKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reference"] = new SortKey<int>(i => i.Id, a => a.Id),
        ["title"] = new SortKey<string>(i => i.Title, a => a.Title),
        ["raised"] = new SortKey<DateTime>(i => i.RaisedAt, a => a.RaisedAt),
        ["level"] = new SortKey<IssueLevel?>(i => i.Level, a => a.Level),
        ["status"] = new SortKey<IssueStatus>(i => i.Status, a => a.Status),
        ["target"] = new SortKey<DateOnly?>(i => i.TargetDate, a => a.TargetDate),
        ["activity"] = new SortKey<DateTime>(i => i.LastActivityAt, a => a.LastActivityAt),
    };

    public static IReadOnlyCollection<string> SortNames => SortKeys.Keys;

    public sealed class Handler(AppDbContext db, TimeProvider clock, IMemoryCache cache, ChoicesVersion choicesVersion)
    {
        /// <param name="withFilters">Read the filter drop-downs' options (the case list); the triage inbox has none.</param>
        public async Task<Result> HandleAsync(Viewer viewer, Query query, CancellationToken ct, bool withFilters = true)
        {
            query.Normalise();
            var today = UkFormat.UkToday(clock);
            var issues = Filter(viewer, query, today);
            var total = await CountAsync(viewer, query, issues, ct);
            var (rows, position) = await PageAsync(viewer, query, issues, ct);
            return new Result(query, rows, total, position, today, withFilters ? await FiltersAsync(viewer, ct) : NoFilters);
        }

        private static readonly Filters NoFilters = new([], [], [], [], []);

        /// <summary>
        /// The total: from the <see cref="IssueCount"/> summary when the filters are ones it holds (area, ward, level,
        /// status) and the person's rule is one it can express; otherwise counted, but never past <see cref="CountLimit"/>.
        /// </summary>
        private async Task<Total> CountAsync(Viewer viewer, Query query, IQueryable<Issue> issues, CancellationToken ct)
        {
            if (viewer.VisibleIssueCounts(db) is { } counts && SummaryHolds(query))
            {
                if (query.AreaId is { } areaId)
                {
                    counts = counts.Where(c => c.AreaId == areaId);
                }

                if (query.WardId is { } wardId)
                {
                    counts = counts.Where(c => c.WardId == wardId);
                }

                if (query.Level == Untriaged)
                {
                    counts = counts.Where(c => c.Level == IssueCount.Untriaged);
                }
                else if (LevelOf(query) is { } level)
                {
                    counts = counts.Where(c => c.Level == (int)level);
                }

                if (query.Status is { } status)
                {
                    counts = counts.Where(c => c.Status == status);
                }
                else if (query.OpenOnly)
                {
                    counts = counts.Where(c => c.Status == IssueStatus.New || c.Status == IssueStatus.Triaged || c.Status == IssueStatus.InProgress);
                }

                return new Total(await counts.SumAsync(c => c.Total, ct), false);
            }

            var counted = await issues.Take(CountLimit + 1).CountAsync(ct);
            return counted > CountLimit ? new Total(CountLimit, true) : new Total(counted, false);
        }

        private static bool SummaryHolds(Query query) =>
            string.IsNullOrWhiteSpace(query.Q) && query.CategoryId is null && query.OwnerId is null && query.LeadOrganisationId is null
            && query.Source is null && query.Theme is null && !query.Overdue && !query.FollowUpDue
            && query.RaisedFromDate is null && query.RaisedToDate is null && !query.FiltersMoves;

        /// <summary>
        /// One page, read by key: the first page, the page after or before a row the person may see (named by its
        /// reference), or the last page (the first in reverse order). One more row than the page is read to know
        /// whether there is a further page; the cost is the page, not the position in the list.
        /// </summary>
        private async Task<(IReadOnlyList<Row> Rows, SeekLinks.Position Position)> PageAsync(Viewer viewer, Query query, IQueryable<Issue> issues, CancellationToken ct)
        {
            var key = SortKeys[query.Sort!];
            var ascending = query.Dir == "asc";
            var anchorReference = query.After ?? query.Before;
            var anchor = query.Last || anchorReference is null ? null : await viewer.VisibleIssues(db).Where(i => i.Reference == anchorReference)
                .Select(i => new Anchor(i.Id, i.Title, i.RaisedAt, i.Level, i.Status, i.TargetDate, i.LastActivityAt))
                .SingleOrDefaultAsync(ct);

            // Backwards (the previous page, the last page) reads in the opposite order and turns the rows round.
            var backwards = query.Last || (anchor is not null && query.After is null);
            var direction = backwards ? !ascending : ascending;
            var rows = new List<Row>();
            foreach (var part in anchor is null ? [issues] : key.After(issues, anchor, direction))
            {
                rows.AddRange(await Project(key.Order(part, direction).Take(PageSize + 1 - rows.Count)).ToListAsync(ct));
                if (rows.Count > PageSize)
                {
                    break;
                }
            }

            return SeekLinks.Page(rows, PageSize, backwards, fromRow: anchor is not null, last: query.Last, r => r.Reference);
        }

        /// <summary>
        /// Every row of the filtered set, in the chosen order, for the CSV export. The query is normalised and built
        /// here, before the caller writes anything, so a bad value can never cut a half-written file short.
        /// </summary>
        public IAsyncEnumerable<Row> StreamAsync(Viewer viewer, Query query) =>
            Project(SortKeys[query.Normalise().Sort!].Order(Filter(viewer, query, UkFormat.UkToday(clock)), query.Dir == "asc")).AsAsyncEnumerable();

        /// <summary>
        /// The triage queue's next issue: the oldest New issue this person may triage (the inbox's first row), other
        /// than <paramref name="after"/>; null when nothing is waiting.
        /// </summary>
        public async Task<string?> NextWaitingAsync(Viewer viewer, string after, CancellationToken ct)
        {
            var waiting = Filter(viewer, new Query { Status = IssueStatus.New }, UkFormat.UkToday(clock)).Where(i => i.Reference != after);
            var areaIds = viewer.AreaIds;
            if (viewer.Role != Roles.PartnershipManager)
            {
                waiting = waiting.Where(i => areaIds.Contains(i.AreaId));
            }

            return await waiting.OrderBy(i => i.RaisedAt).ThenBy(i => i.Id).Select(i => i.Reference).FirstOrDefaultAsync(ct);
        }

        public DateOnly Today => UkFormat.UkToday(clock);

        private IQueryable<Issue> Filter(Viewer viewer, Query query, DateOnly today)
        {
            var issues = viewer.VisibleIssues(db);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim();
                var reference = text.ToUpperInvariant();

                // LIKE, not Contains: Contains is case-sensitive on SQLite (instr); LIKE ignores case there (ASCII
                // letters) as it does on SQL Server's usual collation. Escaped so \, %, _ and [ match themselves.
                var pattern = $"%{LikeEscape(text)}%";
                issues = issues.Where(i => i.Reference == reference || EF.Functions.Like(i.Title, pattern, LikeEscapeCharacter));
            }

            if (query.AreaId is { } areaId)
            {
                issues = issues.Where(i => i.AreaId == areaId);
            }

            if (query.WardId is { } wardId)
            {
                issues = issues.Where(i => i.WardId == wardId);
            }

            // UK days, as the dashboard counts them: from midnight on the first day to midnight after the last.
            if (query.RaisedFromDate is { } raisedFrom && UkTime.ToUtc(raisedFrom, TimeOnly.MinValue) is { } fromUtc)
            {
                issues = issues.Where(i => i.RaisedAt >= fromUtc);
            }

            if (query.RaisedToDate is { } raisedTo && UkTime.ToUtc(raisedTo.AddDays(1), TimeOnly.MinValue) is { } toUtc)
            {
                issues = issues.Where(i => i.RaisedAt < toUtc);
            }

            if (query.FiltersMoves)
            {
                issues = Moved(issues, query);
            }

            if (query.Level == Untriaged)
            {
                issues = issues.Where(i => i.Level == null);
            }
            else if (LevelOf(query) is { } wanted)
            {
                issues = issues.Where(i => i.Level == wanted);
            }

            if (query.Status is { } status)
            {
                issues = issues.Where(i => i.Status == status);
            }
            else if (query.OpenOnly)
            {
                issues = issues.Where(i => i.Status == IssueStatus.New || i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress);
            }

            if (query.CategoryId is { } categoryId)
            {
                issues = issues.Where(i => i.CategoryId == categoryId);
            }

            if (query.OwnerId is { } ownerId)
            {
                issues = issues.Where(i => i.OwnerId == ownerId);
            }

            if (query.LeadOrganisationId is { } organisationId)
            {
                issues = issues.Where(i => i.LeadOrganisationId == organisationId);
            }

            if (query.Source is { } source)
            {
                issues = issues.Where(i => i.Source == source);
            }

            if (query.Theme is { } theme)
            {
                // CategoryId IN (the theme's categories: a handful of rows) — a seek on (CategoryId, RaisedAt, Id)
                // per category rather than a join that scans the issues.
                var themed = db.Categories.Where(c => c.Theme == theme).Select(c => c.Id);
                issues = issues.Where(i => themed.Contains(i.CategoryId));
            }

            if (query.Overdue)
            {
                issues = issues.Where(i => (i.Status == IssueStatus.New || i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress)
                    && i.TargetDate != null && i.TargetDate < today);
            }

            if (query.FollowUpDue)
            {
                issues = issues.Where(FollowUps.FollowUpDueOn(today));
            }

            return issues;
        }

        /// <summary>
        /// Issues with a step up or down on their timeline that matches the query: made in the UK days asked (from
        /// midnight on the first to midnight after the last), from and to the levels asked (the entry's old and new
        /// values, "Level 2" → "Level 3", as the dashboard's flows read them: <see cref="IssueMonthCount.FlowOf"/>).
        /// Once per issue however often it moved. The steps are read first, by kind and time (the index
        /// (Kind, OccurredAt, IssueId) on the timeline, which covers the read), and the issues are then read by id.
        /// </summary>
        private IQueryable<Issue> Moved(IQueryable<Issue> issues, Query query)
        {
            var steps = db.IssueEvents.AsNoTracking();
            steps = query.Moved switch
            {
                LevelMove.Up => steps.Where(e => e.Kind == IssueEventKind.SteppedUp),
                LevelMove.Down => steps.Where(e => e.Kind == IssueEventKind.SteppedDown),
                _ => steps.Where(e => e.Kind == IssueEventKind.SteppedUp || e.Kind == IssueEventKind.SteppedDown),
            };

            if (query.MovedFromDate is { } movedFrom && UkTime.ToUtc(movedFrom, TimeOnly.MinValue) is { } fromUtc)
            {
                steps = steps.Where(e => e.OccurredAt >= fromUtc);
            }

            if (query.MovedToDate is { } movedTo && UkTime.ToUtc(movedTo.AddDays(1), TimeOnly.MinValue) is { } toUtc)
            {
                steps = steps.Where(e => e.OccurredAt < toUtc);
            }

            if (query.FromLevelValue is { } fromLevel)
            {
                var oldValue = Issue.LevelName(fromLevel);
                steps = steps.Where(e => e.OldValue == oldValue);
            }

            if (query.ToLevelValue is { } toLevel)
            {
                var newValue = Issue.LevelName(toLevel);
                steps = steps.Where(e => e.NewValue == newValue);
            }

            var moved = steps.Select(e => e.IssueId);
            return issues.Where(i => moved.Contains(i.Id));
        }

        private const string LikeEscapeCharacter = "\\";

        private static string LikeEscape(string text) => text
            .Replace(LikeEscapeCharacter, LikeEscapeCharacter + LikeEscapeCharacter, StringComparison.Ordinal)
            .Replace("%", LikeEscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscapeCharacter + "_", StringComparison.Ordinal)
            .Replace("[", LikeEscapeCharacter + "[", StringComparison.Ordinal);

        private static IssueLevel? LevelOf(Query query) =>
            int.TryParse(query.Level, CultureInfo.InvariantCulture, out var level) && Enum.IsDefined((IssueLevel)level) ? (IssueLevel)level : null;

        private static IQueryable<Row> Project(IQueryable<Issue> issues) =>
            issues.Select(i => new Row(
                i.Reference, i.Title, i.Ward.Name, i.Area.Name, i.Category.Name, i.Source, i.Level, i.Status,
                i.Owner == null ? null : i.Owner.DisplayName,
                i.LeadOrganisation == null ? null : i.LeadOrganisation.Name,
                i.ReferredOrganisation == null ? null : i.ReferredOrganisation.Name,
                i.RaisedAt, i.TargetDate, i.LastActivityAt, i.IsConfidential));

        /// <summary>
        /// The filter drop-downs' options for this person: areas and wards in their scope, and every category, owner and
        /// organisation. The lists are reference data, read once and kept in memory (<see cref="ChoicesAsync"/>) and cut
        /// to the person's scope here, so a page of the list does not read five tables again.
        /// </summary>
        private async Task<Filters> FiltersAsync(Viewer viewer, CancellationToken ct)
        {
            var choices = await ChoicesAsync(ct);
            var areaIds = viewer.AreaIds;
            var wardIds = viewer.WardIds;
            IEnumerable<Choice> areas = choices.Areas;
            IEnumerable<Choice> wards = choices.Wards;
            switch (viewer.Role)
            {
                case Roles.AreaManager or Roles.SupportOfficer:
                    areas = areas.Where(a => areaIds.Contains(a.Id));
                    wards = wards.Where(w => areaIds.Contains(w.AreaId));
                    break;
                case Roles.Councillor:
                    var wardAreas = choices.Wards.Where(w => wardIds.Contains(w.Id)).Select(w => w.AreaId).ToHashSet();
                    areas = areas.Where(a => wardAreas.Contains(a.Id));
                    wards = wards.Where(w => wardIds.Contains(w.Id));
                    break;
            }

            return new Filters(Options(areas), Options(wards), Options(choices.Categories), Options(choices.Owners), Options(choices.Organisations));
        }

        private static List<SelectListItem> Options(IEnumerable<Choice> choices) =>
            [.. choices.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture)))];

        /// <summary>
        /// Every option, in name order, from the cache: keyed by <see cref="ChoicesVersion"/>, so a change
        /// saved by this instance shows at once, and kept at most a minute, so one saved by another instance shows
        /// within a minute.
        /// </summary>
        private async Task<AllChoices> ChoicesAsync(CancellationToken ct)
        {
            var key = (typeof(AllChoices), choicesVersion.Value);
            if (cache.TryGetValue(key, out AllChoices? cached) && cached is not null)
            {
                return cached;
            }

            var owners = from u in db.Users.AsNoTracking()
                         join ur in db.UserRoles on u.Id equals ur.UserId
                         join r in db.Roles on ur.RoleId equals r.Id
                         where r.Name == Roles.AreaManager || r.Name == Roles.PartnershipManager || r.Name == Roles.PartnerUser
                         orderby u.DisplayName
                         select new Choice(u.Id, u.DisplayName, 0);
            var choices = new AllChoices(
                await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name, a.Id)).ToListAsync(ct),
                await db.Wards.AsNoTracking().OrderBy(w => w.Name).Select(w => new Choice(w.Id, w.Name, w.AreaId)).ToListAsync(ct),
                await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name, 0)).ToListAsync(ct),
                await owners.ToListAsync(ct),
                await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name, 0)).ToListAsync(ct));
            return cache.Set(key, choices, TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>An option: its id, its name and (for a ward) its area.</summary>
    private sealed record Choice(int Id, string Name, int AreaId);

    private sealed record AllChoices(
        IReadOnlyList<Choice> Areas, IReadOnlyList<Choice> Wards, IReadOnlyList<Choice> Categories, IReadOnlyList<Choice> Owners, IReadOnlyList<Choice> Organisations);

    /// <summary>The sort values of the row a page starts after or ends before.</summary>
    private sealed record Anchor(int Id, string Title, DateTime RaisedAt, IssueLevel? Level, IssueStatus Status, DateOnly? TargetDate, DateTime LastActivityAt);

    /// <summary>
    /// A column the list sorts by, with Id as the tie-breaker so the order is total: how to order by it, and which
    /// rows come after a given row in that order (the seek that replaces OFFSET). Each seek is one index range: it is
    /// written so the database starts the range at the row (<c>x &lt;= v AND (x &lt; v OR Id &lt; id)</c>), with no OR
    /// at the top. A column that can be empty (level, due date) is two ranges in order — the empty rows and the rest —
    /// because both providers put nulls first going up and last going down, and "after this row" can cross from one
    /// to the other: the page reads the second only when the first runs out.
    /// </summary>
    private abstract class SortKey
    {
        public abstract IQueryable<Issue> Order(IQueryable<Issue> issues, bool ascending);

        /// <summary>The rows after the anchor, as one or two ranges to read in turn.</summary>
        public abstract IReadOnlyList<IQueryable<Issue>> After(IQueryable<Issue> issues, Anchor anchor, bool ascending);
    }

    private sealed class SortKey<T>(Expression<Func<Issue, T>> key, Func<Anchor, T> valueOf) : SortKey
    {
        private static readonly System.Reflection.MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

        private static readonly bool IsNullable = default(T) is null && typeof(T) != typeof(string);

        public override IQueryable<Issue> Order(IQueryable<Issue> issues, bool ascending) => ascending
            ? issues.OrderBy(key).ThenBy(i => i.Id)
            : issues.OrderByDescending(key).ThenByDescending(i => i.Id);

        public override IReadOnlyList<IQueryable<Issue>> After(IQueryable<Issue> issues, Anchor anchor, bool ascending)
        {
            var row = key.Parameters[0];
            var column = key.Body;
            var id = Expression.Property(row, nameof(Issue.Id));
            var pass = ascending ? ExpressionType.GreaterThan : ExpressionType.LessThan;

            // Values go in as parameters (a field of a captured object), so the query's shape, and its cached plan, is the same for every page.
            var anchorId = Parameter(anchor.Id);
            IQueryable<Issue> Where(Expression body) => issues.Where(Expression.Lambda<Func<Issue, bool>>(body, row));

            if (IsNullable && valueOf(anchor) is null)
            {
                // Among the empty rows, by Id; going up, every row with a value follows them.
                var isNull = Expression.Equal(column, Expression.Constant(null, typeof(T)));
                var rest = Where(Expression.AndAlso(isNull, Expression.MakeBinary(pass, id, anchorId)));
                return ascending ? [rest, Where(Expression.Not(isNull))] : [rest];
            }

            var value = Parameter(valueOf(anchor));
            var reach = ascending ? ExpressionType.GreaterThanOrEqual : ExpressionType.LessThanOrEqual;
            var after = Where(Expression.AndAlso(
                Compare(reach, column, value),
                Expression.OrElse(Compare(pass, column, value), Expression.MakeBinary(pass, id, anchorId))));

            // Going down, the empty rows come after every row with a value.
            return IsNullable && !ascending ? [after, Where(Expression.Equal(column, Expression.Constant(null, typeof(T))))] : [after];
        }

        /// <summary>
        /// The column compared with the value as C# would write it: strings through <c>string.Compare</c>, enums as their
        /// numbers (both translate to a plain comparison of the column, so the index is used; the order is by the
        /// column itself, never a cast of it, for the same reason).
        /// </summary>
        private static Expression Compare(ExpressionType comparison, Expression column, Expression value)
        {
            if (column.Type == typeof(string))
            {
                return Expression.MakeBinary(comparison, Expression.Call(StringCompare, column, value), Expression.Constant(0));
            }

            var type = Nullable.GetUnderlyingType(column.Type) ?? column.Type;
            if (type.IsEnum)
            {
                var number = Nullable.GetUnderlyingType(column.Type) is null ? Enum.GetUnderlyingType(type) : typeof(Nullable<>).MakeGenericType(Enum.GetUnderlyingType(type));
                return Expression.MakeBinary(comparison, Expression.Convert(column, number), Expression.Convert(value, number));
            }

            return Expression.MakeBinary(comparison, column, value);
        }

        private static MemberExpression Parameter<TValue>(TValue value) =>
            Expression.Field(Expression.Constant(new StrongBox<TValue>(value)), nameof(StrongBox<TValue>.Value));
    }
}
