using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Actions;
using AreaPartnerships.Web.Features.Budgets;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.Meetings;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Home;

/// <summary>
/// The role-specific sections of the home page beyond the open-issue counts: for an area manager their own open
/// issues by level, the next meetings and this year's quick-win budgets; for a support officer the issues nobody has
/// touched for <see cref="StaleDays"/> days and the meetings still to minute; for a councillor their wards' latest
/// open issues and those resolved in the last <see cref="RecentDays"/> days; for a partner their actions, task groups,
/// the issues their organisation leads or was referred, and their next meetings.
/// Every section starts from the rule its list reads (<c>VisibleIssues</c>, <c>VisibleMeetings</c>,
/// <c>VisibleBudgets</c>, <c>VisibleTaskGroups</c>, <see cref="ActionStore.Visible"/>), reads a summary or a narrow
/// indexed range, and previews at most <see cref="HomePage.TopFew"/> items (meetings: <see cref="MeetingsShown"/>):
/// one command per figure or list, whatever the number of issues.
/// </summary>
public static class HomePanels
{
    /// <summary>An open issue with no update on any of this many days (today and the days before it) is "stale" on a support officer's home.</summary>
    public const int StaleDays = 14;

    /// <summary>A councillor's "recently resolved": resolved within this many days.</summary>
    public const int RecentDays = 30;

    /// <summary>How far ahead "next meetings" looks.</summary>
    public const int MeetingDays = 14;

    public const int MeetingsShown = 5;

    /// <summary>A count and the first few of what it counts.</summary>
    public sealed record Listing<T>(int Count, IReadOnlyList<T> First)
    {
        public static readonly Listing<T> Empty = new(0, []);
    }

    /// <summary>Open issues at a level (1–4, or <see cref="IssueCount.Untriaged"/>).</summary>
    public sealed record LevelCount(int Level, int Count)
    {
        public string Name => Level == IssueCount.Untriaged ? "Not triaged" : Issue.LevelName((IssueLevel)Level);

        /// <summary>The case list's level filter value.</summary>
        public string FilterValue => Level == IssueCount.Untriaged ? ListIssues.Untriaged : Level.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An issue and how it is getting on.</summary>
    public sealed record IssueProgress(string Reference, string Title, IssueStatus Status, IssueLevel? Level, string Ward, DateTime LastActivityAt, DateTime? ResolvedAt, string? Relation = null);

    public sealed record MeetingItem(int Id, string Title, MeetingType Type, string? Area, DateTime StartsAt, DateTime EndsAt);

    public sealed record BudgetItem(int AreaId, string Area, int? BudgetId, decimal? Allocation, decimal Spent)
    {
        public decimal? Remaining => Allocation - Spent;
    }

    public sealed record ActionItem(int Id, string Description, string? Group, DateOnly DueOn, PlanActionStatus Status);

    public sealed record GroupItem(int Id, string Name, string Area, DateOnly ReviewOn, bool IsLead);

    public sealed record WardItem(int Id, string Name);

    public sealed record AreaManagerPanels(IReadOnlyList<LevelCount> MyOpenByLevel, IReadOnlyList<MeetingItem> NextMeetings, FinancialYear Year, IReadOnlyList<BudgetItem> Budgets)
    {
        public int MyOpenTotal => MyOpenByLevel.Sum(l => l.Count);
    }

    /// <param name="NextToStart">When the next meeting in the officer's areas starts, and so joins "meetings to minute" (null: none planned).</param>
    public sealed record SupportOfficerPanels(Listing<IssueProgress> Stale, Listing<MeetingItem> ToMinute, DateTime? NextToStart);

    public sealed record CouncillorPanels(IReadOnlyList<WardItem> Wards, IReadOnlyList<IssueProgress> LatestOpen, Listing<IssueProgress> RecentlyResolved);

    public sealed record PartnerPanels(
        int OrganisationId,
        Listing<ActionItem> MyActions,
        int OverdueActions,
        IReadOnlyList<GroupItem> Groups,
        int Led,
        int Referred,
        IReadOnlyList<IssueProgress> LatestLedOrReferred,
        IReadOnlyList<MeetingItem> NextMeetings);

    /// <summary>The case list filter for "my open issues at this level": owner, level, open.</summary>
    public static RouteValueDictionary MyOpenFilter(int ownerId, LevelCount level) => new()
    {
        [nameof(ListIssues.Query.OwnerId)] = ownerId,
        [nameof(ListIssues.Query.Level)] = level.FilterValue,
        [nameof(ListIssues.Query.OpenOnly)] = true,
    };

    /// <summary>The case list filter for the open issues an organisation leads.</summary>
    public static RouteValueDictionary LedFilter(int organisationId) => new()
    {
        [nameof(ListIssues.Query.LeadOrganisationId)] = organisationId,
        [nameof(ListIssues.Query.OpenOnly)] = true,
    };

    /// <summary>
    /// The case list nearest to "no update in 14 days" (it has no such filter): the open issues, least recently
    /// updated first, so the stale ones head the list.
    /// </summary>
    public static RouteValueDictionary LeastRecentlyUpdated(int? areaId) => new()
    {
        [nameof(ListIssues.Query.AreaId)] = areaId,
        [nameof(ListIssues.Query.OpenOnly)] = true,
        [nameof(ListIssues.Query.Sort)] = "activity",
        [nameof(ListIssues.Query.Dir)] = "asc",
    };

    /// <summary>Reads the sections for one person at one moment.</summary>
    public sealed class Reader(AppDbContext db, Viewer viewer, DateTime now, DateOnly today)
    {
        private static readonly System.Linq.Expressions.Expression<Func<Issue, bool>> IsOpen =
            i => i.Status == IssueStatus.New || i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress;

        private DateTime StartOfToday => StartOf(today);

        /// <summary>Midnight starting a UK day, in UTC (a day's count across a clock change is by the UK calendar, not by 24 hours).</summary>
        private DateTime StartOf(DateOnly day) => UkTime.ToUtc(day, TimeOnly.MinValue) ?? now;

        public async Task<AreaManagerPanels> AreaManagerAsync(IReadOnlyList<(int Id, string Name)> areas, CancellationToken ct)
        {
            // My open issues by level, in my areas (the case list's rule for an area manager): read from the (OwnerId, Status)
            // index, so it costs my open work, and grouped by area and level so the rule's area check is made on the groups
            // (in the query, the planner would start from my areas' open issues instead, many times as many).
            var userId = viewer.UserId;
            var areaIds = viewer.AreaIds;
            var owned = await db.Issues.AsNoTracking().Where(IsOpen).Where(i => i.OwnerId == userId)
                .GroupBy(i => new { i.AreaId, i.Level })
                .Select(g => new { g.Key.AreaId, g.Key.Level, Count = g.Count() })
                .ToListAsync(ct);
            var levels = owned.Where(o => areaIds.Contains(o.AreaId))
                .GroupBy(o => o.Level is { } level ? (int)level : IssueCount.Untriaged)
                .OrderBy(l => l.Key == IssueCount.Untriaged ? int.MaxValue : l.Key)
                .Select(l => new LevelCount(l.Key, l.Sum(o => o.Count)))
                .ToList();

            var year = FinancialYear.Containing(today);
            var start = year.StartYear;
            var budgets = await viewer.VisibleBudgets(db).AsNoTracking().Where(b => b.FinancialYearStart == start)
                .Select(b => new { b.Id, b.AreaId, b.Allocation, b.Spent })
                .ToListAsync(ct);
            var budgetRows = areas.Select(a => budgets.FirstOrDefault(b => b.AreaId == a.Id) is { } b
                    ? new BudgetItem(a.Id, a.Name, b.Id, b.Allocation, b.Spent)
                    : new BudgetItem(a.Id, a.Name, null, null, 0))
                .ToList();

            return new AreaManagerPanels(levels, await NextMeetingsAsync(viewer.VisibleMeetings(db), ct), year, budgetRows);
        }

        public async Task<SupportOfficerPanels> SupportOfficerAsync(CancellationToken ct)
        {
            // No update on any of the last 14 days, today included: last touched before the start of the UK day 13 days
            // ago (by day, as the rest of the home, so it holds all day). Served by the (AreaId, Status, LastActivityAt)
            // index: a range per area and open status.
            var cutoff = StartOf(today.AddDays(1 - StaleDays));
            var stale = viewer.VisibleIssues(db).Where(IsOpen).Where(i => i.LastActivityAt < cutoff);
            var staleCount = await stale.CountAsync(ct);
            var oldest = staleCount == 0 ? [] : await Progress(stale.OrderBy(i => i.LastActivityAt).ThenBy(i => i.Id)).Take(HomePage.TopFew).ToListAsync(ct);

            // Meetings in my areas that have started, were not cancelled, and have no minutes yet (general or under an item).
            var areaIds = viewer.AreaIds;
            var scheduled = MeetingStatus.Scheduled;
            var toMinute = viewer.VisibleMeetings(db).AsNoTracking()
                .Where(m => m.AreaId != null && areaIds.Contains(m.AreaId.Value) && m.Status == scheduled && m.StartsAt <= now
                    && m.Minutes == null && !m.AgendaItems.Any(item => item.Minute != null));
            var toMinuteCount = await toMinute.CountAsync(ct);
            var latest = toMinuteCount == 0 ? [] : await Meetings(toMinute.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)).Take(HomePage.TopFew).ToListAsync(ct);

            // The next of those meetings to start: until then the count holds (the (AreaId, StartsAt) index, a seek an area).
            var nextToStart = await viewer.VisibleMeetings(db).AsNoTracking()
                .Where(m => m.AreaId != null && areaIds.Contains(m.AreaId.Value) && m.Status == scheduled && m.StartsAt > now)
                .OrderBy(m => m.StartsAt).Select(m => (DateTime?)m.StartsAt).FirstOrDefaultAsync(ct);

            return new SupportOfficerPanels(new(staleCount, oldest), new(toMinuteCount, latest), nextToStart);
        }

        public async Task<CouncillorPanels> CouncillorAsync(IReadOnlyList<WardItem> wards, IReadOnlyList<int> wardAreaIds, CancellationToken ct)
        {
            var visible = viewer.VisibleIssues(db);

            // The latest open issues raised in my wards (the (WardId, Status, RaisedAt, Id) index, newest first).
            var latestOpen = await Progress(visible.Where(IsOpen).OrderByDescending(i => i.RaisedAt).ThenByDescending(i => i.Id))
                .Take(HomePage.TopFew).ToListAsync(ct);

            // Resolved (and since closed) in the last 30 days: an issue resolved then was last touched then or later, so the
            // candidates are read from the (AreaId, Status, LastActivityAt) index — the wards' areas' recent resolutions, a
            // few hundred at national scale — as a list of ids (a subquery, so the planner cannot prefer the ward's
            // index and read every issue ever resolved in the ward), then checked against the rule and the resolution date.
            // Counting them looks every candidate up anyway, so the few that pass are read whole in the same command and the
            // latest taken here, rather than looked up a second time to list them.
            var cutoff = StartOf(today.AddDays(-RecentDays));
            var candidates = db.Issues.Where(i => wardAreaIds.Contains(i.AreaId)
                    && (i.Status == IssueStatus.Resolved || i.Status == IssueStatus.Closed) && i.LastActivityAt >= cutoff)
                .Select(i => i.Id);
            var resolved = await visible.Where(i => candidates.Contains(i.Id) && i.ResolvedAt >= cutoff)
                .Select(i => new { i.Id, Progress = new IssueProgress(i.Reference, i.Title, i.Status, i.Level, i.Ward.Name, i.LastActivityAt, i.ResolvedAt, null) })
                .ToListAsync(ct);
            var latestResolved = resolved.OrderByDescending(i => i.Progress.ResolvedAt).ThenByDescending(i => i.Id).Take(HomePage.TopFew).Select(i => i.Progress).ToList();

            return new CouncillorPanels(wards, latestOpen, new(resolved.Count, latestResolved));
        }

        /// <summary>
        /// The partner's sections; <paramref name="led"/> and <paramref name="referred"/> are the open issues they may see that
        /// their organisation leads and was referred, counted by the caller in the same read as their open issues.
        /// </summary>
        public async Task<PartnerPanels> PartnerAsync(int organisationId, int led, int referred, CancellationToken ct)
        {
            // My actions: exactly the open ones on "My actions" (owned by me, in groups I may see or meetings with no group).
            var userId = viewer.UserId;
            var mine = ActionStore.Visible(viewer, db).AsNoTracking()
                .Where(a => a.OwnerId == userId
                    && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked));
            var actionCounts = await mine.GroupBy(a => 1)
                .Select(g => new { Open = g.Count(), Overdue = g.Count(a => a.DueOn < today) })
                .FirstOrDefaultAsync(ct);
            var firstActions = actionCounts is null ? [] : await mine.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(HomePage.TopFew)
                .Select(a => new ActionItem(a.Id, a.Description, a.TaskGroup == null ? null : a.TaskGroup.Name, a.DueOn, a.Status))
                .ToListAsync(ct);

            // My task groups: the active groups I may see (those I lead or belong to), soonest review first.
            var groups = await viewer.VisibleTaskGroups(db).AsNoTracking()
                .Where(g => g.Status == TaskGroupStatus.Active && (g.LeadUserId == userId || g.Members.Any(m => m.UserId == userId)))
                .OrderBy(g => g.ReviewOn).ThenBy(g => g.Name)
                .Take(HomePage.TopFew + 2)
                .Select(g => new GroupItem(g.Id, g.Name, g.Area.Name, g.ReviewOn, g.LeadUserId == userId))
                .ToListAsync(ct);

            // The latest open issues my organisation leads or was referred (within what I may see: the confidentiality rule holds).
            var involved = viewer.VisibleIssues(db)
                .Where(IsOpen).Where(i => (i.LeadOrganisationId == organisationId || i.ReferredOrganisationId == organisationId));
            var latest = led + referred == 0 ? [] : await involved.OrderByDescending(i => i.RaisedAt).ThenByDescending(i => i.Id).Take(HomePage.TopFew)
                .Select(i => new IssueProgress(i.Reference, i.Title, i.Status, i.Level, i.Ward.Name, i.LastActivityAt, i.ResolvedAt,
                    i.LeadOrganisationId == organisationId ? "led by your organisation" : "referred to your organisation"))
                .ToListAsync(ct);

            // My meetings: the invitations still to come.
            var meetings = db.Meetings.AsNoTracking().Where(m => m.Attendees.Any(a => a.UserId == userId));
            return new PartnerPanels(organisationId, new(actionCounts?.Open ?? 0, firstActions), actionCounts?.Overdue ?? 0, groups,
                led, referred, latest, await NextMeetingsAsync(meetings, ct));
        }

        /// <summary>The next meetings still to come (not cancelled) within <see cref="MeetingDays"/> days, soonest first.</summary>
        private async Task<IReadOnlyList<MeetingItem>> NextMeetingsAsync(IQueryable<Meeting> meetings, CancellationToken ct)
        {
            var startOfToday = StartOfToday;
            var until = StartOf(today.AddDays(MeetingDays + 1));
            var scheduled = MeetingStatus.Scheduled;
            return await Meetings(meetings.AsNoTracking().Where(m => m.Status == scheduled && m.StartsAt >= startOfToday && m.StartsAt < until && m.EndsAt >= now)
                    .OrderBy(m => m.StartsAt).ThenBy(m => m.Id))
                .Take(MeetingsShown).ToListAsync(ct);
        }

        private IQueryable<MeetingItem> Meetings(IQueryable<Meeting> meetings) =>
            meetings.Select(m => new MeetingItem(m.Id, m.Title, m.Type, db.Areas.Where(a => a.Id == m.AreaId).Select(a => a.Name).FirstOrDefault(), m.StartsAt, m.EndsAt));

        private static IQueryable<IssueProgress> Progress(IQueryable<Issue> issues) =>
            issues.Select(i => new IssueProgress(i.Reference, i.Title, i.Status, i.Level, i.Ward.Name, i.LastActivityAt, i.ResolvedAt, null));
    }
}
