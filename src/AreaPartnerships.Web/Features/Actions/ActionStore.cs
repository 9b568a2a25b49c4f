using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.Meetings;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Actions;

/// <summary>
/// The steps every page about an action shares: which actions a person may see (those in task groups
/// they may see, <see cref="TaskGroupAccess"/>; an action arising from a meeting with no task group: its owner
/// and those who may read the meeting's papers, <see cref="MeetingAccess"/>), finding one for change, the owners
/// and issues a form offers, and saving under the action's version.
/// </summary>
public static class ActionStore
{
    /// <summary>Shown instead of a form, and refused on a post, once the group has closed.</summary>
    public const string GroupClosed = "This task group is closed: its actions can no longer be added, changed or updated";

    /// <summary>
    /// The actions the person may see: those of task groups they may see; and an action arising from a meeting
    /// that belongs to no task group, by its owner and by those who may read the meeting's papers.
    /// </summary>
    public static IQueryable<PlanAction> Visible(Viewer viewer, AppDbContext db)
    {
        var groups = viewer.VisibleTaskGroups(db);
        var meetings = viewer.MeetingsWithPapers(db);
        var userId = viewer.UserId;
        return db.PlanActions.Where(a =>
            (a.TaskGroupId != null && groups.Any(g => g.Id == a.TaskGroupId))
            || (a.TaskGroupId == null && (a.OwnerId == userId || (a.MeetingId != null && meetings.Any(m => m.Id == a.MeetingId)))));
    }

    /// <summary>
    /// Where an action belongs: its task group (with the group's area and lead), and the meeting it arose from,
    /// if any. An action with no group belongs to its meeting: those who run the meeting may change it.
    /// </summary>
    public sealed record Home(int? GroupId, string? GroupName, int? GroupAreaId, int? LeadUserId, bool GroupIsActive, int? MeetingId, string? MeetingName, int? MeetingAreaId)
    {
        /// <summary>Still open to changes: its group is active (an action with no group is always open).</summary>
        public bool IsActive => GroupId is null || GroupIsActive;

        /// <summary>Post an update on the action or change it: its owner; for a group's action the group's rule, otherwise those who run the meeting.</summary>
        public bool CanUpdate(Viewer viewer, int ownerId) =>
            GroupId is not null
                ? viewer.CanUpdateAction(GroupAreaId!.Value, LeadUserId!.Value, ownerId)
                : viewer.UserId == ownerId || (MeetingId is not null && viewer.CanRunMeeting(MeetingAreaId));

        /// <summary>Give the action to someone else.</summary>
        public bool CanAssignToOthers(Viewer viewer) =>
            GroupId is not null
                ? viewer.CanAssignActionsToOthers(GroupAreaId!.Value, LeadUserId!.Value)
                : MeetingId is not null && viewer.CanRunMeeting(MeetingAreaId);
    }

    /// <summary>The action's group and meeting (two small reads by key).</summary>
    public static async Task<Home> HomeAsync(AppDbContext db, int? groupId, int? meetingId, CancellationToken ct)
    {
        var group = groupId is null ? null : await db.TaskGroups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .Select(g => new { g.Name, g.AreaId, g.LeadUserId, g.Status })
            .SingleAsync(ct);
        var meeting = meetingId is null ? null : await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId)
            .Select(m => new { m.Title, m.StartsAt, m.AreaId })
            .SingleOrDefaultAsync(ct);
        return new Home(groupId, group?.Name, group?.AreaId, group?.LeadUserId, group?.Status == TaskGroupStatus.Active,
            meeting is null ? null : meetingId, meeting is null ? null : MeetingName(meeting.Title, meeting.StartsAt), meeting?.AreaId);
    }

    /// <summary>How a meeting is named where an action arose from it: "South Walsall tasking meeting, 3 December 2026".</summary>
    public static string MeetingName(string title, DateTime startsAt) => $"{title}, {UkFormat.Date(startsAt)}";

    /// <summary>
    /// The action, tracked for change, its group (tracked, when it has one) and where it belongs, if the person may
    /// see it; otherwise null, and the attempt is logged (a guessed id gets "not found", so existence is not revealed).
    /// </summary>
    public static async Task<(PlanAction Action, TaskGroup? Group, Home Home)?> FindForChangeAsync(AppDbContext db, Viewer viewer, int id, ILogger logger, CancellationToken ct)
    {
        var action = await Visible(viewer, db).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
        {
            LogNotVisible(logger, viewer, id);
            return null;
        }

        var group = action.TaskGroupId is null ? null : await db.TaskGroups.SingleAsync(g => g.Id == action.TaskGroupId, ct);
        return (action, group, await HomeAsync(db, action.TaskGroupId, action.MeetingId, ct));
    }

    /// <summary>
    /// Who may own an action arising from a meeting that belongs to no task group: any active user invited to the
    /// meeting, or an officer (area manager, support officer) of its area; only people who can open their actions.
    /// </summary>
    public static async Task<List<Member>> MeetingOwnersAsync(AppDbContext db, int meetingId, int? areaId, CancellationToken ct)
    {
        var invited = db.MeetingAttendees.Where(a => a.MeetingId == meetingId && a.UserId != null).Select(a => a.UserId!.Value);
        var officerRoles = db.Roles.Where(r => r.Name == Roles.AreaManager || r.Name == Roles.SupportOfficer).Select(r => r.Id);
        var actionRoles = db.Roles.Where(r => r.Name == Roles.PartnershipManager || r.Name == Roles.AreaManager || r.Name == Roles.SupportOfficer || r.Name == Roles.PartnerUser)
            .Select(r => r.Id);
        var officers = db.UserAreas.Where(ua => areaId != null && ua.AreaId == areaId
            && db.UserRoles.Any(ur => ur.UserId == ua.UserId && officerRoles.Contains(ur.RoleId))).Select(ua => ua.UserId);
        var people = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && (invited.Contains(u.Id) || officers.Contains(u.Id))
                && db.UserRoles.Any(ur => ur.UserId == u.Id && actionRoles.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Take(MeetingOwnerLimit)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Organisation = u.Organisation == null ? null : u.Organisation.Name,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. people.Select(p => new Member(p.Id, p.DisplayName, p.Organisation ?? (p.Role is { } role ? Roles.DisplayName(role) : null), false))];
    }

    public const int MeetingOwnerLimit = 300;

    /// <summary>An action with no group: what happens to it goes on its meeting's timeline (an append).</summary>
    public static void NoteOnMeeting(AppDbContext db, int meetingId, int actorId, DateTime at, string summary, string? body) =>
        db.MeetingEvents.Add(new Domain.Meetings.MeetingEvent(meetingId, actorId, at, summary) { Body = body });

    public static void LogNotVisible(ILogger logger, Viewer viewer, int actionId) =>
        logger.LogWarning("User {UserId} ({Role}) asked for action {ActionId}, which does not exist or they may not see", viewer.UserId, viewer.Role, actionId);

    public static void LogGroupNotVisible(ILogger logger, Viewer viewer, int groupId) =>
        logger.LogWarning("User {UserId} ({Role}) asked for task group {GroupId}, which does not exist or they may not see", viewer.UserId, viewer.Role, groupId);

    /// <summary>A member of a group, as an owner select shows them.</summary>
    public sealed record Member(int Id, string Name, string? Detail, bool IsDisabled)
    {
        public string Text => ActionText.Person(Name, Detail);
    }

    /// <summary>The group's members: name and organisation (or role, for council officers without one).</summary>
    public static async Task<List<Member>> MembersAsync(AppDbContext db, int groupId, CancellationToken ct)
    {
        var members = await db.TaskGroupMembers.AsNoTracking()
            .Where(m => m.TaskGroupId == groupId)
            .OrderBy(m => m.User.DisplayName)
            .Select(m => new
            {
                m.UserId,
                m.User.DisplayName,
                Organisation = m.User.Organisation == null ? null : m.User.Organisation.Name,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == m.UserId select r.Name).FirstOrDefault(),
                m.User.IsDisabled,
            })
            .ToListAsync(ct);

        // Council officers have no organisation: their role says who they are.
        return [.. members.Select(m => new Member(m.UserId, m.DisplayName, m.Organisation ?? (m.Role is { } role ? Roles.DisplayName(role) : null), m.IsDisabled))];
    }

    /// <summary>
    /// Who may own an action the person adds or changes: any active member for those who may assign to
    /// others (the lead, the managers, the area's support officers); only themselves for other members.
    /// </summary>
    public static IReadOnlyList<Member> OwnerChoices(IReadOnlyList<Member> members, Viewer viewer, TaskGroup group) =>
        viewer.CanAssignActionsToOthers(group.AreaId, group.LeadUserId)
            ? [.. members.Where(m => !m.IsDisabled)]
            : [.. members.Where(m => m.Id == viewer.UserId)];

    /// <summary>The issues an action in this group may serve: Level 2 or above, linked to the group, that the person may see.</summary>
    public static IQueryable<Issue> LinkableIssues(AppDbContext db, Viewer viewer, int groupId) =>
        viewer.VisibleIssues(db).Where(i => i.TaskGroupId == groupId && i.Level >= IssueLevel.Partnership);

    public static async Task<List<SelectListItem>> IssueChoicesAsync(AppDbContext db, Viewer viewer, int groupId, int? currentIssueId, CancellationToken ct)
    {
        var issues = await LinkableIssues(db, viewer, groupId)
            .OrderBy(i => i.Reference)
            .Select(i => new { i.Id, i.Reference, i.Title })
            .ToListAsync(ct);
        var items = new List<SelectListItem> { new("None", string.Empty) };
        items.AddRange(issues.Select(i => new SelectListItem($"{i.Reference}: {i.Title}", Id(i.Id))));
        if (currentIssueId is { } current && issues.All(i => i.Id != current))
        {
            // Keep the action's own issue selectable even when it has moved on or this person may not open it.
            var reference = await db.Issues.Where(i => i.Id == current).Select(i => i.Reference).SingleOrDefaultAsync(ct);
            items.Add(new SelectListItem($"{reference ?? "The issue"} (currently linked)", Id(current)));
        }

        return items;
    }

    /// <summary>
    /// Saves a change to the action (its description, owner, due date, issue, status or reason) if nobody else
    /// changed it since the form was read (its <paramref name="version"/>), with what the change appended to
    /// the linked issues' timelines (<paramref name="issues"/>, read untracked: appending is not editing, so
    /// the issues' own versions are not checked). One transaction: all of it is stored, or none.
    /// </summary>
    public static async Task<SaveResult> SaveAsync(AppDbContext db, PlanAction action, Guid version, CancellationToken ct, params IEnumerable<Issue> issues)
    {
        var touched = issues.Where(i => i.Events.Count > 0).Select(i => (i.Id, At: IssueStore.Append(db, i))).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await VersionedSave.SaveAsync(db, action, version, Conflict(db, action.Id), ct, moveVersion: true);
        if (result.Conflict is not null || result.NotFound)
        {
            return result;
        }

        foreach (var (issueId, at) in touched)
        {
            await IssueStore.MarkActivityAsync(db, issueId, at, ct);
        }

        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Saves a progress update that changes nothing on the action (no status, no reason): an append. It never
    /// conflicts with another update or an edit, and leaves the action's version alone; its lines on the group's
    /// and the linked issue's timelines are appended with it, in one transaction.
    /// </summary>
    public static async Task AppendAsync(AppDbContext db, PlanAction action, CancellationToken ct, Issue? issue = null)
    {
        var entry = db.Entry(action);
        if (entry.State == EntityState.Modified)
        {
            throw new InvalidOperationException("An append changes nothing on the action: save a change with SaveAsync.");
        }

        var touched = issue is null ? (DateTime?)null : IssueStore.Append(db, issue);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (issue is not null)
        {
            await IssueStore.MarkActivityAsync(db, issue.Id, touched!.Value, ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>How an action reads in a conflict, and who last changed it (its group's timeline, progress lines aside).</summary>
    public static ConflictText Conflict(AppDbContext db, int actionId) => new(
        "action",
        v =>
        [
            $"status {PlanAction.StatusName(v.GetValue<PlanActionStatus>(nameof(PlanAction.Status))).ToLowerInvariant()}",
            $"due {UkFormat.Date(v.GetValue<DateOnly>(nameof(PlanAction.DueOn)))}",
            $"description ‘{ActionText.Brief(v.GetValue<string>(nameof(PlanAction.Description)))}’ (see its history for the latest update)",
        ],
        ct => db.TaskGroupEvents.AsNoTracking()
            .Where(e => e.PlanActionId == actionId && !e.Summary.StartsWith(PlanAction.ProgressPrefix))
            .OrderByDescending(e => e.Id)
            .Select(e => new EditConflict.Change(db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone else", e.OccurredAt))
            .FirstOrDefaultAsync(ct),
        "The task group or the linked issue");

    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
