using System.Text;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// Builds the digests whose time has come (UK time, <see cref="DigestSchedule"/>), each person once per day however
/// many instances run: a <see cref="DigestRun"/> per (person, kind, UK date) is inserted in the same transaction as
/// the digest's e-mail and the marking of the notifications it includes, and the run's unique index refuses a second
/// instance's attempt, which then rolls back and moves on.
/// <list type="bullet">
/// <item>The daily digest (<see cref="NotificationKind.DailyDigest"/>), at the person's <see cref="NotificationProfile.DailyDigestAt"/>:
/// for an area manager, their areas' new issues waiting for triage, follow-ups due, overdue issues and actions and the
/// next week's meetings; for anyone, the notifications waiting for their digest ("Also for you").</item>
/// <item>The weekly digest (<see cref="NotificationKind.WeeklyDigest"/>) for the partnership manager, on Mondays: issues
/// stepped up to Level 3 or 4 in the last week, overdue issues by area, and quick-win spend against allocation.</item>
/// </list>
/// Counts come from the maintained summaries (<see cref="IssueCount"/>, <see cref="OpenIssueDate"/>) and lists from
/// narrow indexed reads of at most <see cref="Listed"/> rows. Nothing confidential is written: a confidential issue,
/// action or meeting is described neutrally, and a councillor's waiting items about a confidential issue are dropped.
/// A digest with nothing to say is recorded without an e-mail.
/// </summary>
public sealed class Digests(AppDbContext db, EmailComposer composer, LinkGenerator links, TimeProvider clock, ILogger<Digests> logger)
{
    /// <summary>Items listed under each heading (the count says how many there are in all).</summary>
    public const int Listed = 10;

    /// <summary>How far ahead the daily digest's meetings look: today and the next seven days.</summary>
    public const int MeetingDays = 7;

    /// <summary>The weekly digest's look back for step-ups.</summary>
    public const int WeekDays = 7;

    /// <summary>Waiting notifications put into one digest; any more wait for the next day's.</summary>
    public const int MostWaiting = 100;

    private const int DescriptionShown = 120;

    private sealed record Person(int Id, string Email, string Name, string? Role, TimeOnly At);

    private sealed record Item(string Text, string Path);

    /// <summary>Builds every digest due now; returns how many e-mails this pass wrote.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.DateOf(now);
        var written = 0;

        // Daily: every area manager, and anyone with notifications waiting for their digest.
        var managers = UsersInRole(Roles.AreaManager);
        var waiting = db.Notifications.Where(n => n.State == NotificationState.AwaitingDigest && n.RecipientUserId != null).Select(n => n.RecipientUserId!.Value);
        var dailyIds = await managers.Union(waiting).ToListAsync(ct);
        foreach (var person in await DueAsync(dailyIds, NotificationKind.DailyDigest, now, today, DigestSchedule.IsDailyDue, ct))
        {
            written += await DailyAsync(person, today, now, ct) ? 1 : 0;
        }

        if (today.DayOfWeek == DayOfWeek.Monday)
        {
            var partnershipManagers = await UsersInRole(Roles.PartnershipManager).ToListAsync(ct);
            foreach (var person in await DueAsync(partnershipManagers, NotificationKind.WeeklyDigest, now, today, DigestSchedule.IsWeeklyDue, ct))
            {
                written += await WeeklyAsync(person, today, now, ct) ? 1 : 0;
            }
        }

        return written;
    }

    private IQueryable<int> UsersInRole(string role) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role
        select ur.UserId;

    /// <summary>The people among <paramref name="ids"/> (enabled, with an address) whose digest of this kind is due and not yet built for today.</summary>
    private async Task<List<Person>> DueAsync(List<int> ids, NotificationKind kind, DateTime now, DateOnly today, Func<DateTime, TimeOnly, bool> isDue, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && !u.IsDisabled && u.Email != null
                && !db.DigestRuns.Any(d => d.UserId == u.Id && d.Kind == kind && d.ForDate == today))
            .Select(u => new
            {
                u.Id,
                Email = u.Email!,
                u.DisplayName,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
                At = db.NotificationProfiles.Where(p => p.UserId == u.Id).Select(p => (TimeOnly?)p.DailyDigestAt).FirstOrDefault(),
            })
            .OrderBy(u => u.Id)
            .ToListAsync(ct);
        return [.. people.Select(p => new Person(p.Id, p.Email, p.DisplayName, p.Role, DigestSchedule.TimeFor(p.At))).Where(p => isDue(now, p.At))];
    }

    private async Task<bool> DailyAsync(Person person, DateOnly today, DateTime now, CancellationToken ct)
    {
        var sections = new List<string>();
        if (person.Role == Roles.AreaManager)
        {
            sections.AddRange(await AreaManagerSectionsAsync(person.Id, today, now, ct));
        }

        var waiting = await db.Notifications
            .Where(n => n.RecipientUserId == person.Id && n.State == NotificationState.AwaitingDigest)
            .OrderBy(n => n.Id).Take(MostWaiting)
            .ToListAsync(ct);
        var (lines, dropped) = await WaitingLinesAsync(waiting, councillor: person.Role == Roles.Councillor, ct);
        if (lines.Count > 0)
        {
            sections.Add("Also for you\n" + string.Join("\n", lines));
        }

        var included = waiting.Except(dropped).ToList();
        var values = new Dictionary<string, string> { ["date"] = UkFormat.Date(today), ["sections"] = string.Join("\n\n", sections) };
        return await RecordAsync(person, NotificationKind.DailyDigest, today, now, sections.Count > 0 ? values : null, Path("Index", "Home"), included, dropped, ct);
    }

    private async Task<bool> WeeklyAsync(Person person, DateOnly monday, DateTime now, CancellationToken ct)
    {
        var sections = await BoroughSectionsAsync(monday, now, ct);
        var values = new Dictionary<string, string> { ["week"] = UkFormat.Date(monday), ["sections"] = string.Join("\n\n", sections) };
        return await RecordAsync(person, NotificationKind.WeeklyDigest, monday, now, sections.Count > 0 ? values : null, Path("Index", "Dashboard"), [], [], ct);
    }

    /// <summary>
    /// Records the run, its e-mail (none when <paramref name="values"/> is null: nothing to say) and the notifications it
    /// includes, in one transaction. False when another instance recorded it first, or when there was nothing to say.
    /// </summary>
    private async Task<bool> RecordAsync(Person person, NotificationKind kind, DateOnly forDate, DateTime now, Dictionary<string, string>? values, string path,
        List<Notification> included, List<Notification> dropped, CancellationToken ct)
    {
        // Composed before the transaction, so the transaction holds its locks only for the writes.
        var message = values is null
            ? null
            : await composer.ComposeAsync(kind, new EmailComposer.Recipient(person.Email, person.Name, person.Id), values, path, null, null, now, ct);
        var run = new DigestRun(person.Id, kind, forDate, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.DigestRuns.Add(run);
            await db.SaveChangesAsync(ct);
            if (message is not null)
            {
                db.OutboxMessages.Add(message);
                await db.SaveChangesAsync(ct);
                run.OutboxMessageId = message.Id;
            }

            foreach (var notification in included)
            {
                notification.PutInDigest(run.Id, now);
            }

            foreach (var notification in dropped)
            {
                notification.Skip(now, "About a confidential issue: never sent to a councillor");
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return message is not null;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another instance built this person's digest first: theirs stands; ours is rolled back.
            await transaction.RollbackAsync(CancellationToken.None);
            Forget(run, message, included, dropped);
            logger.LogDebug("The {Kind} for user {UserId} on {Date} was built by another instance", kind, person.Id, forDate);
            return false;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            Forget(run, message, included, dropped);
            throw;
        }
    }

    /// <summary>Stops tracking what a rolled-back digest touched, so the next person's save does not carry it.</summary>
    private void Forget(DigestRun run, OutboxMessage? message, List<Notification> included, List<Notification> dropped)
    {
        db.Entry(run).State = EntityState.Detached;
        if (message is not null)
        {
            db.Entry(message).State = EntityState.Detached;
        }

        foreach (var notification in included.Concat(dropped))
        {
            db.Entry(notification).State = EntityState.Detached;
        }
    }

    // ---- The area manager's sections ----

    private async Task<List<string>> AreaManagerSectionsAsync(int userId, DateOnly today, DateTime now, CancellationToken ct)
    {
        var areas = await db.UserAreas.AsNoTracking().Where(a => a.UserId == userId).Select(a => new { a.AreaId, a.Area.Name }).ToListAsync(ct);
        if (areas.Count == 0)
        {
            return [];
        }

        var areaIds = areas.Select(a => a.AreaId).ToList();
        int? onlyArea = areaIds.Count == 1 ? areaIds[0] : null;
        var sections = new List<string>();
        var open = OpenStatuses;

        // New issues waiting for triage: the count from the issue summary; the oldest from the (AreaId, Status, RaisedAt, Id) index.
        var awaiting = await db.IssueCounts.AsNoTracking().Where(c => areaIds.Contains(c.AreaId) && c.Status == IssueStatus.New).SumAsync(c => c.Total, ct);
        if (awaiting > 0)
        {
            var oldest = await db.Issues.AsNoTracking().Where(i => areaIds.Contains(i.AreaId) && i.Status == IssueStatus.New)
                .OrderBy(i => i.RaisedAt).ThenBy(i => i.Id).Take(Listed)
                .Select(i => new { i.Reference, i.Title, i.IsConfidential, Area = i.Area.Name, i.RaisedAt })
                .ToListAsync(ct);
            sections.Add(await SectionAsync("New issues waiting for triage", awaiting, "oldest",
                [.. oldest.Select(i => new Item($"{IssueText(i.Reference, i.Title, i.IsConfidential, i.Area)} (raised {UkFormat.Date(i.RaisedAt)})", IssuePath(i.Reference)))],
                Path("Inbox", "Issues", new RouteValueDictionary { ["areaId"] = onlyArea }), ct));
        }

        // Follow-ups due and overdue issues: counts from the open-issue dates summary; lists from the
        // (AreaId, Status, FollowUpOn, ReferralConfirmedAt) and (AreaId, Status, TargetDate) indexes.
        var dates = await db.OpenIssueDates.AsNoTracking()
            .Where(d => areaIds.Contains(d.AreaId)
                && ((d.Kind == OpenIssueDateKind.FollowUp && d.On <= today) || (d.Kind == OpenIssueDateKind.Target && d.On < today)))
            .GroupBy(d => d.Kind)
            .Select(g => new { Kind = g.Key, Total = g.Sum(d => d.Total) })
            .ToListAsync(ct);
        var followUps = dates.Where(d => d.Kind == OpenIssueDateKind.FollowUp).Sum(d => d.Total);
        if (followUps > 0)
        {
            var first = await db.Issues.AsNoTracking().Where(i => areaIds.Contains(i.AreaId)).Where(FollowUps.FollowUpDueOn(today))
                .OrderBy(i => i.FollowUpOn).ThenBy(i => i.Id).Take(Listed)
                .Select(i => new { i.Reference, i.Title, i.IsConfidential, Area = i.Area.Name, FollowUpOn = i.FollowUpOn!.Value })
                .ToListAsync(ct);
            sections.Add(await SectionAsync("Referrals to follow up", followUps, "longest waiting",
                [.. first.Select(i => new Item($"{IssueText(i.Reference, i.Title, i.IsConfidential, i.Area)} (follow up on {UkFormat.Date(i.FollowUpOn)})", IssuePath(i.Reference)))],
                IssueList(onlyArea, nameof(ListIssues.Query.FollowUpDue)), ct));
        }

        var overdue = dates.Where(d => d.Kind == OpenIssueDateKind.Target).Sum(d => d.Total);
        if (overdue > 0)
        {
            var first = await db.Issues.AsNoTracking().Where(i => areaIds.Contains(i.AreaId) && open.Contains(i.Status) && i.TargetDate < today)
                .OrderBy(i => i.TargetDate).ThenBy(i => i.Id).Take(Listed)
                .Select(i => new { i.Reference, i.Title, i.IsConfidential, Area = i.Area.Name, TargetDate = i.TargetDate!.Value })
                .ToListAsync(ct);
            sections.Add(await SectionAsync("Overdue issues", overdue, "longest overdue",
                [.. first.Select(i => new Item($"{IssueText(i.Reference, i.Title, i.IsConfidential, i.Area)} (target date {UkFormat.Date(i.TargetDate)})", IssuePath(i.Reference)))],
                IssueList(onlyArea, nameof(ListIssues.Query.Overdue)), ct));
        }

        // Overdue actions of the areas' task groups (the (TaskGroupId, Status, DueOn) index) and of their meetings with no group.
        var groups = db.TaskGroups.Where(g => areaIds.Contains(g.AreaId)).Select(g => g.Id);
        var meetings = db.Meetings.Where(m => m.AreaId != null && areaIds.Contains(m.AreaId.Value)).Select(m => m.Id);
        var overdueActions = db.PlanActions.AsNoTracking()
            .Where(a => (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked) && a.DueOn < today
                && ((a.TaskGroupId != null && groups.Contains(a.TaskGroupId.Value)) || (a.TaskGroupId == null && a.MeetingId != null && meetings.Contains(a.MeetingId.Value))));
        var actionCount = await overdueActions.CountAsync(ct);
        if (actionCount > 0)
        {
            var first = await overdueActions.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(Listed)
                .Select(a => new
                {
                    a.Id,
                    a.Description,
                    a.DueOn,
                    Owner = a.Owner.DisplayName,
                    Confidential = db.Issues.Any(i => i.Id == a.IssueId && i.IsConfidential) || db.Meetings.Any(m => m.Id == a.MeetingId && m.IsConfidential),
                })
                .ToListAsync(ct);
            sections.Add(await SectionAsync("Overdue actions", actionCount, "longest overdue",
                [.. first.Select(a => new Item($"{ActionText(a.Description, a.Confidential)}, {a.Owner}, due {UkFormat.Date(a.DueOn)}", ActionPath(a.Id)))],
                null, ct));
        }

        // The areas' meetings still to come today and in the next week (the (AreaId, StartsAt, Id) index).
        var until = UkTime.ToUtc(today.AddDays(MeetingDays + 1), TimeOnly.MinValue) ?? now.AddDays(MeetingDays + 1);
        var coming = await db.Meetings.AsNoTracking()
            .Where(m => m.AreaId != null && areaIds.Contains(m.AreaId.Value) && m.Status == MeetingStatus.Scheduled && m.StartsAt >= now && m.StartsAt < until)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(Listed + 1)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.IsConfidential, AreaId = m.AreaId!.Value })
            .ToListAsync(ct);
        if (coming.Count > 0)
        {
            var names = areas.ToDictionary(a => a.AreaId, a => a.Name);
            var items = coming.Take(Listed)
                .Select(m => new Item($"{UkFormat.DateAndTime(m.StartsAt)}: {MeetingText(m.Title, m.IsConfidential, names[m.AreaId])}", MeetingPath(m.Id)))
                .ToList();
            sections.Add(await SectionAsync("Meetings in the next week", coming.Count > Listed ? null : coming.Count, "soonest", items,
                Path("Index", "Meetings", new RouteValueDictionary { [nameof(Meetings.ListMeetings.Query.Area)] = onlyArea?.ToString(System.Globalization.CultureInfo.InvariantCulture) }), ct));
        }

        return sections;
    }

    // ---- The partnership manager's weekly sections ----

    private async Task<List<string>> BoroughSectionsAsync(DateOnly monday, DateTime now, CancellationToken ct)
    {
        var sections = new List<string>();
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);

        // Step-ups to Level 3 or 4 in the last week: the timeline's (Kind, OccurredAt, IssueId) index.
        var since = now.AddDays(-WeekDays);
        var levels = new[] { Issue.LevelName(IssueLevel.MultiAgency), Issue.LevelName(IssueLevel.Borough) };
        var steps = db.IssueEvents.AsNoTracking().Where(e => e.Kind == IssueEventKind.SteppedUp && e.OccurredAt >= since && levels.Contains(e.NewValue!));
        var stepped = await steps.Select(e => e.IssueId).Distinct().CountAsync(ct);
        if (stepped > 0)
        {
            var latest = await (from e in steps
                                join i in db.Issues on e.IssueId equals i.Id
                                orderby e.OccurredAt descending, e.Id descending
                                select new { i.Reference, i.Title, i.IsConfidential, Area = i.Area.Name, Level = e.NewValue!, e.OccurredAt })
                .Take(Listed).ToListAsync(ct);
            sections.Add(await SectionAsync("Issues stepped up to Level 3 or 4 in the last week", stepped, "latest",
                [.. latest.Select(i => new Item($"{IssueText(i.Reference, i.Title, i.IsConfidential, i.Area)}: {i.Level} on {UkFormat.Date(i.OccurredAt)}", IssuePath(i.Reference)))],
                null, ct));
        }

        // Overdue issues by area: the open-issue dates summary.
        var overdue = await db.OpenIssueDates.AsNoTracking().Where(d => d.Kind == OpenIssueDateKind.Target && d.On < monday)
            .GroupBy(d => d.AreaId).Select(g => new { AreaId = g.Key, Total = g.Sum(d => d.Total) }).ToListAsync(ct);
        var overdueTotal = overdue.Sum(o => o.Total);
        if (overdueTotal > 0)
        {
            var byArea = overdue.Where(o => o.Total > 0).ToDictionary(o => o.AreaId, o => o.Total);
            sections.Add(await SectionAsync("Overdue issues by area", overdueTotal, null,
                [.. areas.Where(a => byArea.ContainsKey(a.Id)).Select(a => new Item($"{a.Name}: {UkFormat.Number(byArea[a.Id])}", IssueList(a.Id, nameof(ListIssues.Query.Overdue))))],
                null, ct));
        }

        // Quick-win spend against allocation this financial year, per area.
        var year = FinancialYear.Containing(monday);
        var start = year.StartYear;
        var budgets = await db.QuickWinBudgets.AsNoTracking().Where(b => b.FinancialYearStart == start)
            .Select(b => new { b.Id, b.AreaId, b.Allocation, b.Spent }).ToListAsync(ct);
        if (budgets.Count > 0)
        {
            var byArea = budgets.ToDictionary(b => b.AreaId);
            var items = areas.Select(a => byArea.TryGetValue(a.Id, out var b)
                    ? new Item($"{a.Name}: {UkFormat.Money(b.Spent)} spent of {UkFormat.Money(b.Allocation)} ({UkFormat.Money(b.Allocation - b.Spent)} left)",
                        Path("Show", "Budgets", new RouteValueDictionary { ["id"] = b.Id }))
                    : new Item($"{a.Name}: no allocation yet", Path("Index", "Budgets", new RouteValueDictionary { ["year"] = start })))
                .ToList();
            var heading = $"Quick-win spend against allocation, {year}: {UkFormat.Money(budgets.Sum(b => b.Spent))} spent of {UkFormat.Money(budgets.Sum(b => b.Allocation))}";
            sections.Add(await SectionAsync(heading, null, null, items, null, ct));
        }

        return sections;
    }

    // ---- "Also for you": the waiting notifications ----

    /// <summary>One line per waiting notification, and those dropped (a councillor's about a confidential issue).</summary>
    private async Task<(List<string> Lines, List<Notification> Dropped)> WaitingLinesAsync(List<Notification> waiting, bool councillor, CancellationToken ct)
    {
        var lines = new List<string>();
        var dropped = new List<Notification>();
        if (waiting.Count == 0)
        {
            return (lines, dropped);
        }

        var actionIds = waiting.Select(n => n.PlanActionId).OfType<int>().Distinct().ToList();
        var actions = await db.PlanActions.AsNoTracking().Where(a => actionIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Description, a.DueOn, a.IssueId, a.MeetingId }).ToDictionaryAsync(a => a.Id, ct);
        var issueIds = waiting.Select(n => n.IssueId).Concat(actions.Values.Select(a => a.IssueId)).OfType<int>().Distinct().ToList();
        var issues = await db.Issues.AsNoTracking().Where(i => issueIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Reference, i.Title, i.IsConfidential, Area = i.Area.Name }).ToDictionaryAsync(i => i.Id, ct);
        var meetingIds = waiting.Select(n => n.MeetingId).Concat(actions.Values.Select(a => a.MeetingId)).OfType<int>().Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.IsConfidential, Area = db.Areas.Where(a => a.Id == m.AreaId).Select(a => a.Name).FirstOrDefault() })
            .ToDictionaryAsync(m => m.Id, ct);
        var groupIds = waiting.Select(n => n.TaskGroupId).OfType<int>().Distinct().ToList();
        var groups = await db.TaskGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Select(g => new { g.Id, g.Name, Area = g.Area.Name }).ToDictionaryAsync(g => g.Id, ct);

        foreach (var n in waiting)
        {
            var action = n.PlanActionId is { } actionId ? actions.GetValueOrDefault(actionId) : null;
            var issue = (n.IssueId ?? action?.IssueId) is { } issueId ? issues.GetValueOrDefault(issueId) : null;
            var meeting = (n.MeetingId ?? action?.MeetingId) is { } meetingId ? meetings.GetValueOrDefault(meetingId) : null;
            var group = n.TaskGroupId is { } groupId ? groups.GetValueOrDefault(groupId) : null;
            if (councillor && issue is { IsConfidential: true })
            {
                dropped.Add(n);
                continue;
            }

            Item item = n.Kind switch
            {
                NotificationKind.IssueAssigned or NotificationKind.Referral or NotificationKind.RaisedIssueStatusChanged when issue is not null =>
                    new(IssueText(issue.Reference, issue.Title, issue.IsConfidential, issue.Area)
                        + (n.Kind == NotificationKind.RaisedIssueStatusChanged && n.Detail is { } status && !issue.IsConfidential ? $", now {status.ToLowerInvariant()}" : string.Empty),
                        IssuePath(issue.Reference)),
                NotificationKind.ActionAssigned or NotificationKind.ActionDueSoon or NotificationKind.ActionOverdue when action is not null =>
                    new($"{ActionText(action.Description, issue?.IsConfidential == true || meeting?.IsConfidential == true)}, due {UkFormat.Date(action.DueOn)}", ActionPath(action.Id)),
                NotificationKind.MeetingInvitation or NotificationKind.MeetingChanged or NotificationKind.MeetingCancelled when meeting is not null =>
                    new($"{MeetingText(meeting.Title, meeting.IsConfidential, meeting.Area)}, {UkFormat.DateAndTime(meeting.StartsAt)}", MeetingPath(meeting.Id)),
                NotificationKind.AddedToTaskGroup when group is not null =>
                    new($"{group.Name} in {group.Area}", Path("Show", "TaskGroups", new RouteValueDictionary { ["id"] = group.Id })),
                _ => new(string.Empty, Path("Index", "Home")),
            };
            var name = NotificationKinds.Of(n.Kind).Name;
            lines.Add($"- {(item.Text.Length == 0 ? name : $"{name}: {item.Text}")}\n  {await composer.LinkAsync(item.Path, ct)}");
        }

        return (lines, dropped);
    }

    // ---- Text and links ----

    private static readonly IssueStatus[] OpenStatuses = [IssueStatus.New, IssueStatus.Triaged, IssueStatus.InProgress];

    /// <summary>
    /// A heading with its count (when given), then each item and its link, then a link to them all when more are
    /// counted than listed. <paramref name="which"/> says which are listed when not all are ("oldest").
    /// </summary>
    private async Task<string> SectionAsync(string heading, int? count, string? which, IReadOnlyList<Item> items, string? allPath, CancellationToken ct)
    {
        var text = new StringBuilder(heading);
        if (count is { } total)
        {
            text.Append(": ").Append(UkFormat.Number(total));
            if (total > items.Count && which is not null)
            {
                text.Append(" (the ").Append(which).Append(' ').Append(UkFormat.Number(items.Count)).Append(" below)");
            }
        }

        foreach (var item in items)
        {
            text.Append("\n- ").Append(item.Text).Append("\n  ").Append(await composer.LinkAsync(item.Path, ct));
        }

        if (allPath is not null && (count is null || count > items.Count))
        {
            text.Append("\nSee them all: ").Append(await composer.LinkAsync(allPath, ct));
        }

        return text.ToString();
    }

    private static string IssueText(string reference, string title, bool confidential, string area) =>
        confidential ? $"A confidential issue in {area}" : $"{reference}: {Short(title)}";

    private static string ActionText(string description, bool confidential) =>
        confidential ? "An action about a confidential matter" : $"“{Short(description)}”";

    private static string MeetingText(string title, bool confidential, string? area) =>
        confidential ? $"A confidential meeting {(area is null ? "of the borough" : $"in {area}")}" : Short(title);

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= DescriptionShown ? line : string.Concat(line.AsSpan(0, DescriptionShown - 1), "…");
    }

    private string Path(string action, string controller, RouteValueDictionary? values = null) =>
        links.GetPathByAction(action, controller, values) ?? throw new InvalidOperationException($"No route to {controller}.{action}");

    private string IssuePath(string reference) => Path("Show", "Issues", new RouteValueDictionary { ["reference"] = reference });

    private string ActionPath(int id) => Path("Show", "Actions", new RouteValueDictionary { ["id"] = id });

    private string MeetingPath(int id) => Path("Show", "Meetings", new RouteValueDictionary { ["id"] = id });

    /// <summary>The case list filtered by one of its switches (overdue, follow-up due), in one area when given.</summary>
    private string IssueList(int? areaId, string filter) =>
        Path("Index", "Issues", new RouteValueDictionary { [nameof(ListIssues.Query.AreaId)] = areaId, [filter] = true });
}
