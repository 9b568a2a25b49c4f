using AreaPartnerships.Domain;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Actions;

/// <summary>
/// The signed-in person's own page: the actions they own in groups they may see, and those arising from meetings
/// with no group (open ones first, overdue
/// first, then by due date; finished ones apart), and the active task groups they lead or belong to.
/// </summary>
public static class MyActions
{
    public const int OpenLimit = 200;
    public const int CompletedLimit = 20;
    public const int GroupLimit = 100;

    /// <summary>An action: its task group, or (arising from a meeting with no group) the meeting.</summary>
    public sealed record Row(int Id, string Description, int? GroupId, string? Group, int? MeetingId, string? MeetingTitle, DateTime? MeetingStartsAt,
        DateOnly DueOn, PlanActionStatus Status, string? StatusReason)
    {
        public string? Meeting => MeetingTitle is null ? null : ActionStore.MeetingName(MeetingTitle, MeetingStartsAt!.Value);
    }

    public sealed record GroupRow(int Id, string Name, string Area, bool IsLead, DateOnly ReviewOn);

    public sealed record Model(IReadOnlyList<Row> Open, bool MoreOpen, IReadOnlyList<Row> Completed, IReadOnlyList<GroupRow> Groups, DateOnly Today)
    {
        public bool IsOverdue(Row row) => row.DueOn < Today;

        public int OverdueCount => Open.Count(IsOverdue);

        public bool IsReviewOverdue(GroupRow group) => group.ReviewOn < Today;
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(Viewer viewer, CancellationToken ct)
        {
            var userId = viewer.UserId;
            var mine = ActionStore.Visible(viewer, db).AsNoTracking().Where(a => a.OwnerId == userId);

            // Overdue actions are the open ones with the earliest due dates, so due date order puts them first.
            var open = await mine
                .Where(a => a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked)
                .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
                .Take(OpenLimit + 1)
                .Select(a => new Row(a.Id, a.Description, a.TaskGroupId, a.TaskGroup == null ? null : a.TaskGroup.Name, a.MeetingId,
                    db.Meetings.Where(m => m.Id == a.MeetingId).Select(m => m.Title).FirstOrDefault(),
                    db.Meetings.Where(m => m.Id == a.MeetingId).Select(m => (DateTime?)m.StartsAt).FirstOrDefault(),
                    a.DueOn, a.Status, a.StatusReason))
                .ToListAsync(ct);

            // Most recently finished first: by their latest update (updates are append-only, ids increase with time).
            var completed = await mine
                .Where(a => a.Status == PlanActionStatus.Done || a.Status == PlanActionStatus.Cancelled)
                .OrderByDescending(a => db.PlanActionUpdates.Where(u => u.PlanActionId == a.Id).Max(u => (long?)u.Id))
                .ThenByDescending(a => a.Id)
                .Take(CompletedLimit)
                .Select(a => new Row(a.Id, a.Description, a.TaskGroupId, a.TaskGroup == null ? null : a.TaskGroup.Name, a.MeetingId,
                    db.Meetings.Where(m => m.Id == a.MeetingId).Select(m => m.Title).FirstOrDefault(),
                    db.Meetings.Where(m => m.Id == a.MeetingId).Select(m => (DateTime?)m.StartsAt).FirstOrDefault(),
                    a.DueOn, a.Status, a.StatusReason))
                .ToListAsync(ct);

            var groups = await viewer.VisibleTaskGroups(db).AsNoTracking()
                .Where(g => g.Status == TaskGroupStatus.Active && (g.LeadUserId == userId || g.Members.Any(m => m.UserId == userId)))
                .OrderBy(g => g.ReviewOn).ThenBy(g => g.Name)
                .Take(GroupLimit)
                .Select(g => new GroupRow(g.Id, g.Name, g.Area.Name, g.LeadUserId == userId, g.ReviewOn))
                .ToListAsync(ct);

            return new Model([.. open.Take(OpenLimit)], open.Count > OpenLimit, completed, groups, UkFormat.UkToday(clock));
        }
    }
}
