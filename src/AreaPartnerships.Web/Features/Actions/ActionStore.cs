using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Actions;

/// <summary>
/// The steps every page about an action shares: which actions a person may see (those in task groups
/// they may see, <see cref="TaskGroupAccess"/>), finding one for change, the owners and issues a form
/// offers, and saving under the action's version.
/// </summary>
public static class ActionStore
{
    /// <summary>Shown instead of a form, and refused on a post, once the group has closed.</summary>
    public const string GroupClosed = "This task group is closed: its actions can no longer be added, changed or updated";

    /// <summary>The micro plan actions the person may see: those of task groups they may see.</summary>
    public static IQueryable<PlanAction> Visible(Viewer viewer, AppDbContext db)
    {
        var groups = viewer.VisibleTaskGroups(db);
        return db.PlanActions.Where(a => a.TaskGroupId != null && groups.Any(g => g.Id == a.TaskGroupId));
    }

    /// <summary>
    /// The action and its group, tracked for change, if the person may see them; otherwise null, and the
    /// attempt is logged (a guessed id gets "not found", so existence is not revealed).
    /// </summary>
    public static async Task<(PlanAction Action, TaskGroup Group)?> FindForChangeAsync(AppDbContext db, Viewer viewer, int id, ILogger logger, CancellationToken ct)
    {
        var action = await Visible(viewer, db).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
        {
            LogNotVisible(logger, viewer, id);
            return null;
        }

        var group = await db.TaskGroups.SingleAsync(g => g.Id == action.TaskGroupId, ct);
        return (action, group);
    }

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
