using System.Globalization;
using System.Security.Claims;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Home;

/// <summary>
/// The home page fits the role: what the person looks after (borough, areas, wards or organisation), how much
/// open work is there, and — for an area manager — the worklist of what needs them now. Every count is a link
/// to the case list filtered to exactly the issues counted (<see cref="IssueFilter"/> builds the same filter the
/// list reads), and every count starts from the same rule the list does (<c>viewer.VisibleIssues</c>), so the
/// number on the home page is the number of rows behind the link. Open and awaiting-triage counts come from the
/// <see cref="IssueCount"/> summary; overdue and follow-ups due are counted over the open issues only (a partner's
/// through <c>viewer.VisibleOpenIssues</c>, their rule read term by term). A fixed number of commands whatever the
/// number of issues: a scope's rows and all their counts are one.
/// </summary>
public static class HomePage
{
    /// <summary>How many items each worklist entry previews.</summary>
    public const int TopFew = 3;

    /// <summary>The counts shown for a scope; each is a link to the list of those issues.</summary>
    public enum Column
    {
        Open,
        AwaitingTriage,
        Overdue,
        FollowUpDue,
    }

    public sealed record Counts(int Open, int AwaitingTriage, int Overdue, int FollowUpDue)
    {
        public static readonly Counts None = new(0, 0, 0, 0);

        public int this[Column column] => column switch
        {
            Column.Open => Open,
            Column.AwaitingTriage => AwaitingTriage,
            Column.Overdue => Overdue,
            Column.FollowUpDue => FollowUpDue,
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };

        public static Counts operator +(Counts a, Counts b) =>
            new(a.Open + b.Open, a.AwaitingTriage + b.AwaitingTriage, a.Overdue + b.Overdue, a.FollowUpDue + b.FollowUpDue);
    }

    /// <summary>One row of the scope table: an area, a ward, or the partner's organisation (no id: the whole of what they see).</summary>
    public sealed record ScopeRow(string Name, string? Detail, int? AreaId, int? WardId, Counts Counts);

    public sealed record IssueItem(string Reference, string Title, string Note);

    public sealed record ActionItem(int Id, string Description, string TaskGroup, DateOnly DueOn);

    /// <summary>The area manager's worklist: what needs them now, each a count and the first few.</summary>
    public sealed record Worklist(
        Counts Totals,
        IReadOnlyList<IssueItem> AwaitingTriage,
        IReadOnlyList<IssueItem> Overdue,
        IReadOnlyList<IssueItem> FollowUpsDue,
        int GroupsNeedingAttention,
        int OverdueActions,
        IReadOnlyList<ActionItem> TopOverdueActions);

    /// <summary>
    /// A link to a page of the service, by its controller and action (never a hard-coded path); <paramref name="Fallback"/>
    /// is the agreed path of a page being built alongside, used only while its controller does not exist yet.
    /// </summary>
    public sealed record PageLink(string Text, string Controller, string Action, string? Fallback = null);

    /// <summary>The page: the heading and lead, and the panels below them as rendered (<c>_Panels.cshtml</c>).</summary>
    public sealed record Page(string Role, string Heading, string Lead, string Panels);

    public sealed record Model(
        string Role,
        string Heading,
        string Lead,
        string? RowHeading,
        IReadOnlyList<ScopeRow> Rows,
        ScopeRow? Total,
        IReadOnlyList<Column> Columns,
        Worklist? Worklist,
        IReadOnlyList<PageLink> Links)
    {
        public HomePanels.AreaManagerPanels? AreaManager { get; init; }

        public HomePanels.SupportOfficerPanels? SupportOfficer { get; init; }

        public HomePanels.CouncillorPanels? Councillor { get; init; }

        public HomePanels.PartnerPanels? Partner { get; init; }

        /// <summary>The signed-in person's id (the owner in "my open issues" links).</summary>
        public int UserId { get; init; }

        public DateOnly Today { get; init; }
    }

    /// <summary>
    /// The case list's filter for a count: its route values (the list's own query parameter names), so
    /// <c>Url.Action("Index", "Issues", IssueFilter(...))</c> lists exactly the issues counted.
    /// </summary>
    public static RouteValueDictionary IssueFilter(Column column, int? areaId = null, int? wardId = null)
    {
        var values = new RouteValueDictionary();
        if (areaId is { } area)
        {
            values[nameof(ListIssues.Query.AreaId)] = area;
        }

        if (wardId is { } ward)
        {
            values[nameof(ListIssues.Query.WardId)] = ward;
        }

        switch (column)
        {
            case Column.Open:
                values[nameof(ListIssues.Query.OpenOnly)] = true;
                break;
            case Column.AwaitingTriage:
                values[nameof(ListIssues.Query.Status)] = IssueStatus.New;
                break;
            case Column.Overdue:
                values[nameof(ListIssues.Query.Overdue)] = true;
                break;
            case Column.FollowUpDue:
                values[nameof(ListIssues.Query.FollowUpDue)] = true;
                break;
        }

        return values;
    }

    public static string ColumnName(Column column) => column switch
    {
        Column.Open => "Open issues",
        Column.AwaitingTriage => "Awaiting triage",
        Column.Overdue => "Overdue",
        Column.FollowUpDue => "Follow-ups due",
        _ => column.ToString(),
    };

    private static readonly Column[] AllColumns = [Column.Open, Column.AwaitingTriage, Column.Overdue, Column.FollowUpDue];

    public sealed class Handler(AppDbContext db, TimeProvider clock, FigureMemo memo)
    {
        /// <summary>
        /// The person's home: its heading, and its panels rendered by <paramref name="render"/> (the page's <c>_Panels</c>)
        /// and, for every role that counts anything, kept (<see cref="KeptAsync"/>).
        /// </summary>
        public async Task<Page> HandleAsync(ClaimsPrincipal user, Func<Model, Task<string>> render, CancellationToken ct)
        {
            var name = user.DisplayNameOf();
            var role = Roles.All.FirstOrDefault(user.IsInRole) ?? string.Empty;
            var heading = $"Welcome, {name}";
            var today = UkFormat.UkToday(clock);
            var now = clock.GetUtcNow().UtcDateTime;

            switch (role)
            {
                case Roles.Administrator:
                    return await RenderedAsync(new Model(role, heading, "You look after the service's users and reference data.", null, [], null, [], null,
                    [
                        new("Areas", "Areas", "Index"), new("Wards", "Wards", "Index"), new("Organisations", "Organisations", "Index"), new("Unit costs", "UnitCosts", "Index"),
                        new("Categories", "Categories", "Index"),
                        new("Users", "Users", "Index"), new("Response targets", "LevelTargets", "Index"),
                        new("Ward figures", "WardFigures", "Index", "/admin/ward-figures"),
                    ]), render);

                case Roles.PartnershipManager:
                    {
                        // Every area's counts, the same for every partnership manager (docs/decisions/0029). At 10M issues the
                        // live counts cost 5 ms of SQLite a request.
                        return await KeptAsync($"home|every area|{today:yyyy-MM-dd}", heading, render, async () =>
                        {
                            var viewer = await Viewer.ForAsync(user, db, ct);
                            var rows = await ByAreaAsync(viewer, today, ct);
                            var total = new ScopeRow("Whole borough", null, null, null, rows.Aggregate(Counts.None, (sum, row) => sum + row.Counts));
                            return (new Model(role, heading, "The whole borough: open issues in every Area Partnership.", "Area", rows, total, AllColumns, null, []), null);
                        }, ct);
                    }

                case Roles.AreaManager:
                    return await KeptAsync(PersonKey(user, role, today), heading, render, async () =>
                    {
                        var viewer = await Viewer.ForAsync(user, db, ct);
                        var rows = await ByAreaAsync(viewer, today, ct);
                        var totals = rows.Aggregate(Counts.None, (sum, row) => sum + row.Counts);
                        var worklist = await WorklistAsync(viewer, totals, today, ct);
                        var panels = await new HomePanels.Reader(db, viewer, now, today)
                            .AreaManagerAsync([.. rows.Select(r => (r.AreaId!.Value, r.Name))], ct);
                        return (new Model(role, heading, "Your areas: what needs you now, then every area's open issues.", "Area", rows, null, AllColumns,
                            worklist, [])
                        { AreaManager = panels, UserId = viewer.UserId }, FirstToEnd(panels.NextMeetings));
                    }, ct);

                case Roles.SupportOfficer:
                    return await KeptAsync(PersonKey(user, role, today), heading, render, async () =>
                    {
                        var viewer = await Viewer.ForAsync(user, db, ct);
                        var rows = await ByAreaAsync(viewer, today, ct);
                        var panels = await new HomePanels.Reader(db, viewer, now, today).SupportOfficerAsync(ct);
                        return (new Model(role, heading, "Your area: raise and update issues, and keep task group actions moving.", "Area",
                            rows, null, AllColumns, null, [])
                        { SupportOfficer = panels, UserId = viewer.UserId }, FigureMemo.Until(panels.NextToStart));
                    }, ct);

                case Roles.Councillor:
                    return await KeptAsync(PersonKey(user, role, today), heading, render, async () =>
                    {
                        var viewer = await Viewer.ForAsync(user, db, ct);
                        var wards = await ByWardAsync(viewer, ct);
                        var panels = await new HomePanels.Reader(db, viewer, now, today).CouncillorAsync(
                            [.. wards.Select(w => new HomePanels.WardItem(w.Row.WardId!.Value, w.Row.Name))], [.. wards.Select(w => w.AreaId).Distinct()], ct);
                        return (new Model(role, heading, "Your wards: raise issues for them and follow their progress.", "Ward",
                            [.. wards.Select(w => w.Row)], null, [Column.Open, Column.AwaitingTriage], null, [])
                        { Councillor = panels, UserId = viewer.UserId }, null);
                    }, ct);

                case Roles.PartnerUser:
                    return await KeptAsync(PersonKey(user, role, today), heading, render, async () =>
                    {
                        var viewer = await Viewer.ForAsync(user, db, ct);
                        var organisationId = viewer.OrganisationId;
                        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct);
                        if (organisation is null)
                        {
                            return (new Model(role, heading, "You are not linked to an organisation yet: ask an administrator.", "Organisation", [], null, [], null, []), null);
                        }

                        // Everything this partner may see (the case list's own rule), whatever area it is in: the open issues are
                        // few and read through the indexes their rule names, so the overdue ones, and those their organisation
                        // leads or was referred (the organisation's section), are counted in the same read.
                        var counts = await viewer.VisibleOpenIssues(db)
                            .GroupBy(i => 1)
                            .Select(g => new
                            {
                                Open = g.Count(),
                                New = g.Count(i => i.Status == IssueStatus.New),
                                Overdue = g.Count(i => i.TargetDate != null && i.TargetDate < today),
                                Led = g.Count(i => i.LeadOrganisationId == organisationId),
                                Referred = g.Count(i => i.ReferredOrganisationId == organisationId),
                            })
                            .FirstOrDefaultAsync(ct);
                        var panels = await new HomePanels.Reader(db, viewer, now, today).PartnerAsync(organisationId!.Value, counts?.Led ?? 0, counts?.Referred ?? 0, ct);
                        return (new Model(role, heading, $"Issues and actions for {organisation}.", "Organisation",
                            [new ScopeRow(organisation, null, null, null, counts is null ? Counts.None : new Counts(counts.Open, counts.New, counts.Overdue, 0))],
                            null, [Column.Open, Column.Overdue], null,
                            [new("My actions and task groups", "Actions", "Mine"), new("Issues", "Issues", "Index"), new("Raise an issue", "Issues", "Raise")])
                        { Partner = panels, UserId = viewer.UserId, Today = today }, FirstToEnd(panels.NextMeetings));
                    }, ct);

                default:
                    return await RenderedAsync(new Model(role, heading, "Your account has no role yet: ask an administrator.", null, [], null, [], null, []), render);
            }
        }

        /// <summary>
        /// A role's home as worked out by <paramref name="work"/> and rendered, kept by the data version
        /// (docs/decisions/0029) under <paramref name="key"/>: every figure on it is a count or list as at a day, so it
        /// holds until the data changes, the day does, or <paramref name="work"/>'s own time passes (a meeting ending
        /// leaves "next meetings"; the support officer's next meeting starting is then to minute). The version is read
        /// first, before anything the home reads. Kept rendered, not as figures: rendering a home's links and tags cost
        /// about a third of a kept home's time. At 10M issues the live counts and lists cost an area manager 41 ms, a
        /// councillor 63 and a partner 112 at p99.
        /// </summary>
        private async Task<Page> KeptAsync(string key, string heading, Func<Model, Task<string>> render, Func<Task<(Model Home, DateTimeOffset? Until)>> work, CancellationToken ct)
        {
            var version = await DataVersion.ReadAsync(db, ct);
            var page = await memo.GetAsync(version, key, async () =>
            {
                var (home, until) = await work();
                var rendered = await RenderedAsync(home, render);
                return (rendered, until, rendered.Panels.Length);
            });

            // The name as signed in now (kept with the figures, it would be the first sign-in's).
            return page with { Heading = heading };
        }

        /// <summary>
        /// What a person's own home is kept by: the person, the areas, wards and organisation on their sign-in, and
        /// today's UK date.
        /// </summary>
        private static string PersonKey(ClaimsPrincipal user, string role, DateOnly today) =>
            string.Join('|', "home", role, user.UserId().ToString(CultureInfo.InvariantCulture), string.Join(',', user.AreaIds()), string.Join(',', user.WardIds()),
                user.OrganisationId()?.ToString(CultureInfo.InvariantCulture), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        private static async Task<Page> RenderedAsync(Model home, Func<Model, Task<string>> render) =>
            new(home.Role, home.Heading, home.Lead, await render(home));

        /// <summary>When the first of the meetings listed ends, and so leaves "next meetings" (null: none listed).</summary>
        private static DateTimeOffset? FirstToEnd(IReadOnlyList<HomePanels.MeetingItem> meetings) =>
            FigureMemo.Until(meetings.Count == 0 ? null : meetings.Min(m => m.EndsAt));

        /// <summary>
        /// One row per area the person covers (every area for the partnership manager), with its counts, in one command:
        /// open from the <see cref="IssueCount"/> summary; awaiting triage, overdue and follow-ups due (which depend on
        /// today's date) counted per area from indexes that start with the area and the status, so they cost the area's
        /// open work, not its history (awaiting triage so is cheaper than a second pass over the area's summary rows).
        /// Every count starts from the rule the list reads.
        /// </summary>
        private async Task<IReadOnlyList<ScopeRow>> ByAreaAsync(Viewer viewer, DateOnly today, CancellationToken ct)
        {
            var areaIds = viewer.AreaIds;
            var everyArea = viewer.Role == Roles.PartnershipManager;
            var summary = viewer.VisibleIssueCounts(db) ?? throw new InvalidOperationException("Counted by area only for officers, whose rule the summary holds.");
            var overdue = viewer.VisibleOpenIssues(db).Where(i => i.TargetDate != null && i.TargetDate < today);
            var visible = viewer.VisibleIssues(db);
            var followUps = visible.Where(FollowUps.FollowUpDueOn(today));
            var areas = await db.Areas.AsNoTracking()
                .Where(a => everyArea || areaIds.Contains(a.Id))
                .OrderBy(a => a.Name)
                .Select(a => new
                {
                    a.Id,
                    a.Name,
                    Wards = a.Wards.Count,
                    Open = summary.Where(c => c.AreaId == a.Id && (c.Status == IssueStatus.New || c.Status == IssueStatus.Triaged || c.Status == IssueStatus.InProgress))
                        .Sum(c => c.Total),
                    New = visible.Count(i => i.AreaId == a.Id && i.Status == IssueStatus.New),
                    Overdue = overdue.Count(i => i.AreaId == a.Id),
                    FollowUps = followUps.Count(i => i.AreaId == a.Id),
                })
                .ToListAsync(ct);
            return [.. areas.Select(a => new ScopeRow(a.Name, a.Wards == 1 ? "1 ward" : $"{a.Wards} wards", a.Id, null, new Counts(a.Open, a.New, a.Overdue, a.FollowUps)))];
        }

        /// <summary>
        /// One row per ward of a councillor's, with its area (its name as the row's detail, its id for the ward's recent
        /// resolutions) and its open and awaiting-triage counts from the <see cref="IssueCount"/> summary (their rule: never
        /// confidential), in one command; each ward's count is a seek on the summary's key (area, ward).
        /// </summary>
        private async Task<IReadOnlyList<(ScopeRow Row, int AreaId)>> ByWardAsync(Viewer viewer, CancellationToken ct)
        {
            var wardIds = viewer.WardIds;
            var summary = viewer.VisibleIssueCounts(db) ?? throw new InvalidOperationException("Counted by ward only for councillors, whose rule the summary holds.");
            var wards = await db.Wards.AsNoTracking().Where(w => wardIds.Contains(w.Id)).OrderBy(w => w.Name)
                .Select(w => new
                {
                    w.Id,
                    w.Name,
                    w.AreaId,
                    Area = w.Area.Name,
                    Open = summary.Where(c => c.AreaId == w.AreaId && c.WardId == w.Id
                        && (c.Status == IssueStatus.New || c.Status == IssueStatus.Triaged || c.Status == IssueStatus.InProgress)).Sum(c => c.Total),
                    New = summary.Where(c => c.AreaId == w.AreaId && c.WardId == w.Id && c.Status == IssueStatus.New).Sum(c => c.Total),
                })
                .ToListAsync(ct);
            return [.. wards.Select(w => (new ScopeRow(w.Name, w.Area, null, w.Id, new Counts(w.Open, w.New, 0, 0)), w.AreaId))];
        }

        /// <summary>
        /// The worklist in three commands: the first few of each of its lists (awaiting triage, overdue, follow-ups due:
        /// each its own ordered range of an index, read together); the task groups needing attention and the overdue
        /// actions in them, counted together; and the first few of those actions (skipped when there are none).
        /// </summary>
        private async Task<Worklist> WorklistAsync(Viewer viewer, Counts totals, DateOnly today, CancellationToken ct)
        {
            var visible = viewer.VisibleIssues(db);
            var awaiting = visible.Where(i => i.Status == IssueStatus.New)
                .OrderBy(i => i.RaisedAt).ThenBy(i => i.Id).Take(TopFew)
                .Select(i => new Preview { List = Column.AwaitingTriage, Id = i.Id, Reference = i.Reference, Title = i.Title, RaisedAt = i.RaisedAt, On = i.TargetDate });
            var overdue = viewer.VisibleOpenIssues(db).Where(i => i.TargetDate != null && i.TargetDate < today)
                .OrderBy(i => i.TargetDate).ThenBy(i => i.Id).Take(TopFew)
                .Select(i => new Preview { List = Column.Overdue, Id = i.Id, Reference = i.Reference, Title = i.Title, RaisedAt = i.RaisedAt, On = i.TargetDate });
            var followUps = visible.Where(FollowUps.FollowUpDueOn(today))
                .OrderBy(i => i.FollowUpOn).ThenBy(i => i.Id).Take(TopFew)
                .Select(i => new Preview { List = Column.FollowUpDue, Id = i.Id, Reference = i.Reference, Title = i.Title, RaisedAt = i.RaisedAt, On = i.FollowUpOn });
            var previews = (await awaiting.Concat(overdue).Concat(followUps).ToListAsync(ct)).ToLookup(p => p.List);

            // Task groups in the person's areas needing attention: exactly the task group list's "Overdue" filter
            // (active groups with an overdue action or past their review date); and the overdue actions in their active groups.
            var groups = viewer.VisibleTaskGroups(db).Where(g => g.Status == TaskGroupStatus.Active);
            var overdueActions = db.PlanActions.AsNoTracking()
                .Where(a => a.TaskGroupId != null && groups.Any(g => g.Id == a.TaskGroupId)
                    && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked)
                    && a.DueOn < today);
            var needingAttention = groups.Where(g => g.ReviewOn < today
                    || db.PlanActions.Any(a => a.TaskGroupId == g.Id
                        && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked)
                        && a.DueOn < today))
                .GroupBy(g => 1).Select(g => new Tally { Of = Tally.GroupsNeedingAttention, Count = g.Count() });
            var tallies = await needingAttention
                .Concat(overdueActions.GroupBy(a => 1).Select(g => new Tally { Of = Tally.OverdueActions, Count = g.Count() }))
                .ToListAsync(ct);
            int TallyOf(int of) => tallies.FirstOrDefault(t => t.Of == of)?.Count ?? 0;
            var overdueActionCount = TallyOf(Tally.OverdueActions);
            var topActions = overdueActionCount == 0 ? [] : await overdueActions.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(TopFew)
                .Select(a => new ActionItem(a.Id, a.Description, a.TaskGroup!.Name, a.DueOn)).ToListAsync(ct);

            // Each list in its own order (a union keeps no order of its own).
            List<IssueItem> First(Column list, Func<Preview, string> note) =>
                [.. (list == Column.AwaitingTriage ? previews[list].OrderBy(p => p.RaisedAt) : previews[list].OrderBy(p => p.On)).ThenBy(p => p.Id)
                    .Select(p => new IssueItem(p.Reference, p.Title, note(p)))];
            return new Worklist(
                totals,
                First(Column.AwaitingTriage, p => $"raised {UkFormat.Date(p.RaisedAt)}"),
                First(Column.Overdue, p => $"due {UkFormat.Date(p.On!.Value)}"),
                First(Column.FollowUpDue, p => $"follow up on {UkFormat.Date(p.On!.Value)}"),
                TallyOf(Tally.GroupsNeedingAttention),
                overdueActionCount,
                topActions);
        }

        /// <summary>An issue in one of the worklist's previews (<see cref="List"/>: which), read in one command with the others.</summary>
        private sealed class Preview
        {
            public Column List { get; init; }

            public int Id { get; init; }

            public string Reference { get; init; } = string.Empty;

            public string Title { get; init; } = string.Empty;

            public DateTime RaisedAt { get; init; }

            /// <summary>The date the list is ordered by: the target date (overdue) or the follow-up date.</summary>
            public DateOnly? On { get; init; }
        }

        /// <summary>A count, and what it counts, read in one command with others.</summary>
        private sealed class Tally
        {
            public const int GroupsNeedingAttention = 1;
            public const int OverdueActions = 2;

            public int Of { get; init; }

            public int Count { get; init; }
        }
    }
}
