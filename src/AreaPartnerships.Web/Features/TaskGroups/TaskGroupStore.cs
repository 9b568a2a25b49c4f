using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>The steps every change to a task group shares: find it (only if the person may see it) and save it under concurrency control.</summary>
public static class TaskGroupStore
{
    /// <summary>
    /// The group, tracked for change with its members, if the person may see it; otherwise null, and the
    /// attempt is logged (a guessed id gets "not found", so existence is not revealed).
    /// </summary>
    public static async Task<TaskGroup?> FindForChangeAsync(AppDbContext db, Viewer viewer, int id, ILogger logger, CancellationToken ct)
    {
        if (!await viewer.VisibleTaskGroups(db).AnyAsync(g => g.Id == id, ct))
        {
            LogNotVisible(logger, viewer, id);
            return null;
        }

        return await db.TaskGroups.Include(g => g.Members).SingleAsync(g => g.Id == id, ct);
    }

    /// <summary>
    /// Works the issue through the group, from the group's page or the issue's: the issue's timeline records
    /// it (old → new), and so do the group's and, on a move, the previous group's. Group timelines name the
    /// issue by reference only, never its title: partners read them, and the issue may be confidential.
    /// The caller loads <see cref="Issue.TaskGroup"/> (tracked) so a move reaches the previous group.
    /// </summary>
    public static void Link(Issue issue, TaskGroup group, int actorId, DateTime at)
    {
        var previous = issue.TaskGroup;
        issue.LinkToTaskGroup(group.Id, group.Name, group.AreaId, actorId, at);
        group.Record(actorId, at, $"Issue {issue.Reference} linked to the group");
        if (previous is not null && previous.Id != group.Id)
        {
            previous.Record(actorId, at, $"Issue {issue.Reference} moved to task group {group.Name}");
        }
    }

    /// <summary>Ends the issue's link to the group, on both timelines.</summary>
    public static void Unlink(Issue issue, TaskGroup group, int actorId, DateTime at)
    {
        issue.UnlinkFromTaskGroup(group.Name, actorId, at);
        group.Record(actorId, at, $"Issue {issue.Reference} no longer worked through the group");
    }

    public static void LogNotVisible(ILogger logger, Viewer viewer, int id) =>
        logger.LogWarning("User {UserId} ({Role}) asked for task group {TaskGroupId}, which does not exist or they may not see", viewer.UserId, viewer.Role, id);

    /// <summary>
    /// Saves everything done to the group in one step. The group's version always moves on, so two changes
    /// to the same group at once (a member added, an issue linked, an edit) cannot both be saved: the second
    /// is refused with a conflict. <paramref name="version"/> is the version the person's form was read at,
    /// when the form carries one; otherwise the version the group was loaded at.
    /// </summary>
    public static Task<SaveResult> SaveAsync(AppDbContext db, TaskGroup group, Guid? version, CancellationToken ct) =>
        VersionedSave.SaveAsync(db, group, version, Conflict(db, group.Id), ct, moveVersion: true);

    /// <summary>How a task group reads in a conflict, and who last changed it (its timeline, actions' progress lines aside).</summary>
    public static ConflictText Conflict(AppDbContext db, int groupId) => new(
        "task group",
        v =>
        [
            $"name ‘{v.GetValue<string>(nameof(TaskGroup.Name))}’",
            $"review date {UkTime.Format(v.GetValue<DateOnly>(nameof(TaskGroup.ReviewOn)))}",
            $"status {TaskGroupText.Status(v.GetValue<TaskGroupStatus>(nameof(TaskGroup.Status))).ToLowerInvariant()}",
            "members, issues and the timeline as the group's page shows them",
        ],
        ct => db.TaskGroupEvents.AsNoTracking()
            .Where(e => e.TaskGroupId == groupId && !e.Summary.StartsWith(PlanAction.ProgressPrefix))
            .OrderByDescending(e => e.Id)
            .Select(e => new EditConflict.Change(db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone else", e.OccurredAt))
            .FirstOrDefaultAsync(ct),
        "The linked issue or another task group");
}
