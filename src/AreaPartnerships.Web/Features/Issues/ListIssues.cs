using System.Globalization;
using System.Linq.Expressions;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Govuk;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// The case list: the issues this person may see, filtered (area, ward, level, status, category, owner,
/// lead organisation, source, overdue, text on reference or title), sorted and paged; the same filter
/// drives the CSV export and the triage inbox. Rows are projected without tracking; one query counts,
/// one reads the page, whatever the page size.
/// </summary>
public static class ListIssues
{
    public const int PageSize = 25;

    /// <summary>Level filter value for issues not yet triaged.</summary>
    public const string Untriaged = "none";

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

        /// <summary>A key of <see cref="SortNames"/>; anything else (empty, missing, unknown) means the default.</summary>
        public string? Sort { get; set; } = DefaultSort;

        /// <summary>"asc" or "desc"; anything else means the default (newest first).</summary>
        public string? Dir { get; set; } = DefaultDir;

        public int Page { get; set; } = 1;

        public bool HasFilters =>
            !string.IsNullOrWhiteSpace(Q) || AreaId is not null || WardId is not null || !string.IsNullOrEmpty(Level) || Status is not null
            || OpenOnly || CategoryId is not null || OwnerId is not null || LeadOrganisationId is not null || Source is not null || Overdue
            || Theme is not null || FollowUpDue;

        /// <summary>
        /// Puts sort, direction and page within what the list offers: an empty, missing or unknown value is the
        /// default, never an error. Done before any query is built or any byte of a response written.
        /// </summary>
        public Query Normalise()
        {
            var sort = Sort?.Trim();
            Sort = sort is not null && SortKeys.ContainsKey(sort) ? sort.ToLowerInvariant() : DefaultSort;
            var dir = Dir?.Trim().ToLowerInvariant();
            Dir = dir is "asc" or "desc" ? dir : DefaultDir;
            Page = Math.Max(1, Page);
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
            var days => $"{days} days",
        };
    }

    public sealed record Filters(
        IReadOnlyList<SelectListItem> Areas,
        IReadOnlyList<SelectListItem> Wards,
        IReadOnlyList<SelectListItem> Categories,
        IReadOnlyList<SelectListItem> Owners,
        IReadOnlyList<SelectListItem> Organisations);

    public sealed record Result(Query Query, IReadOnlyList<Row> Rows, int TotalCount, int TotalPages, DateOnly Today, Filters Filters);

    private static readonly Dictionary<string, Expression<Func<Issue, object>>> SortKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reference"] = i => i.Id,
        ["title"] = i => i.Title,
        ["raised"] = i => i.RaisedAt,
        ["level"] = i => i.Level!,
        ["status"] = i => i.Status,
        ["target"] = i => i.TargetDate!,
        ["activity"] = i => i.LastActivityAt,
    };

    public static IReadOnlyCollection<string> SortNames => SortKeys.Keys;

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Viewer viewer, Query query, CancellationToken ct)
        {
            query.Normalise();
            var today = UkFormat.UkToday(clock);
            var issues = Filter(viewer, query, today);

            var total = await issues.CountAsync(ct);
            var totalPages = PageLinks.PageCount(total, PageSize);
            query.Page = Math.Clamp(query.Page, 1, Math.Max(1, totalPages));
            var rows = await Project(Sort(issues, query).Skip((query.Page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);

            return new Result(query, rows, total, totalPages, today, await FiltersAsync(viewer, ct));
        }

        /// <summary>
        /// Every row of the filtered set, in the chosen order, for the CSV export. The query is normalised and built
        /// here, before the caller writes anything, so a bad value can never cut a half-written file short.
        /// </summary>
        public IAsyncEnumerable<Row> StreamAsync(Viewer viewer, Query query) =>
            Project(Sort(Filter(viewer, query.Normalise(), UkFormat.UkToday(clock)), query)).AsAsyncEnumerable();

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

            if (query.Level == Untriaged)
            {
                issues = issues.Where(i => i.Level == null);
            }
            else if (int.TryParse(query.Level, CultureInfo.InvariantCulture, out var level) && Enum.IsDefined((IssueLevel)level))
            {
                var wanted = (IssueLevel)level;
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

        private const string LikeEscapeCharacter = "\\";

        private static string LikeEscape(string text) => text
            .Replace(LikeEscapeCharacter, LikeEscapeCharacter + LikeEscapeCharacter, StringComparison.Ordinal)
            .Replace("%", LikeEscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscapeCharacter + "_", StringComparison.Ordinal)
            .Replace("[", LikeEscapeCharacter + "[", StringComparison.Ordinal);

        private static IQueryable<Issue> Sort(IQueryable<Issue> issues, Query query)
        {
            query.Normalise();
            var key = SortKeys[query.Sort!];
            var ascending = query.Dir == "asc";
            var sorted = ascending ? issues.OrderBy(key) : issues.OrderByDescending(key);

            // Id last, so the order is total and pages never overlap.
            return ascending ? sorted.ThenBy(i => i.Id) : sorted.ThenByDescending(i => i.Id);
        }

        private static IQueryable<Row> Project(IQueryable<Issue> issues) =>
            issues.Select(i => new Row(
                i.Reference, i.Title, i.Ward.Name, i.Area.Name, i.Category.Name, i.Source, i.Level, i.Status,
                i.Owner == null ? null : i.Owner.DisplayName,
                i.LeadOrganisation == null ? null : i.LeadOrganisation.Name,
                i.ReferredOrganisation == null ? null : i.ReferredOrganisation.Name,
                i.RaisedAt, i.TargetDate, i.LastActivityAt, i.IsConfidential));

        private async Task<Filters> FiltersAsync(Viewer viewer, CancellationToken ct)
        {
            var areaIds = viewer.AreaIds;
            var wardIds = viewer.WardIds;
            var areas = db.Areas.AsNoTracking();
            var wards = db.Wards.AsNoTracking();
            switch (viewer.Role)
            {
                case Roles.AreaManager or Roles.SupportOfficer:
                    areas = areas.Where(a => areaIds.Contains(a.Id));
                    wards = wards.Where(w => areaIds.Contains(w.AreaId));
                    break;
                case Roles.Councillor:
                    areas = areas.Where(a => a.Wards.Any(w => wardIds.Contains(w.Id)));
                    wards = wards.Where(w => wardIds.Contains(w.Id));
                    break;
            }

            var owners = from u in db.Users.AsNoTracking()
                         join ur in db.UserRoles on u.Id equals ur.UserId
                         join r in db.Roles on ur.RoleId equals r.Id
                         where r.Name == Roles.AreaManager || r.Name == Roles.PartnershipManager || r.Name == Roles.PartnerUser
                         orderby u.DisplayName
                         select new SelectListItem(u.DisplayName, u.Id.ToString(CultureInfo.InvariantCulture));

            return new Filters(
                await areas.OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
                await wards.OrderBy(w => w.Name).Select(w => new SelectListItem(w.Name, w.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
                await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
                await owners.ToListAsync(ct),
                await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct));
        }
    }
}
