using AreaPartnerships.Domain;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.Meetings;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Actions;

/// <summary>An action's page: what, whose, when, its status, the issue it serves and its history of progress updates.</summary>
public static class ViewAction
{
    public const int HistoryLimit = 200;

    public sealed record Summary(
        int Id,
        string Description,
        int OwnerId,
        string Owner,
        string? OwnerOrganisation,
        DateOnly DueOn,
        PlanActionStatus Status,
        string? StatusReason,
        DateTime? CompletedAt,
        int? IssueId,
        int? GroupId,
        int? MeetingId);

    /// <summary>The linked issue: its reference always; its title and a link only when the person may open it.</summary>
    public sealed record LinkedIssue(string Reference, string? Title);

    public sealed record HistoryEntry(string Text, DateOnly UpdateOn, DateTime RecordedAt, string? By, PlanActionStatus? NewStatus, string? Reason);

    public sealed record Model(Summary Action, ActionStore.Home Home, LinkedIssue? Issue, IReadOnlyList<HistoryEntry> History, bool IsOverdue, bool CanUpdate, bool CanChange)
    {
        /// <summary>The history as the shared <c>_Timeline</c> partial draws it.</summary>
        public Timeline HistoryView => new("history",
        [
            .. History.Select(e => new Timeline.Entry(
                e.NewStatus is { } status ? $"Status changed to {PlanAction.StatusName(status).ToLowerInvariant()}" : "Progress update",
                e.By ?? "someone no longer here",
                e.RecordedAt,
                e.Reason is null
                    ? [new Timeline.Line(e.Text)]
                    : [new Timeline.Line(e.Text), new Timeline.Line($"{(e.NewStatus == PlanActionStatus.Cancelled ? "Cancelled because" : "Blocked by")}: {e.Reason}", "history-reason")])),
        ]);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Model?> HandleAsync(Viewer viewer, int id, CancellationToken ct)
        {
            var action = await ActionStore.Visible(viewer, db).AsNoTracking()
                .Where(a => a.Id == id)
                .Select(a => new Summary(a.Id, a.Description, a.OwnerId, a.Owner.DisplayName,
                    a.Owner.Organisation == null ? null : a.Owner.Organisation.Name,
                    a.DueOn, a.Status, a.StatusReason, a.CompletedAt, a.IssueId, a.TaskGroupId, a.MeetingId))
                .SingleOrDefaultAsync(ct);
            if (action is null)
            {
                ActionStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var home = await ActionStore.HomeAsync(db, action.GroupId, action.MeetingId, ct);
            if (home.MeetingId is { } meetingId && !await viewer.VisibleMeetings(db).AnyAsync(m => m.Id == meetingId, ct))
            {
                // The meeting is named only to those who may open it.
                home = home with { MeetingName = null };
            }

            LinkedIssue? issue = null;
            if (action.IssueId is { } issueId)
            {
                issue = await viewer.VisibleIssues(db).Where(i => i.Id == issueId).Select(i => new LinkedIssue(i.Reference, i.Title)).SingleOrDefaultAsync(ct)
                    ?? await db.Issues.AsNoTracking().Where(i => i.Id == issueId).Select(i => new LinkedIssue(i.Reference, null)).SingleOrDefaultAsync(ct);
            }

            // Newest first by when each was recorded (rows are not always inserted in that order): one range seek on (PlanActionId, RecordedAt, Id).
            var history = await db.PlanActionUpdates.AsNoTracking()
                .Where(u => u.PlanActionId == id)
                .OrderByDescending(u => u.RecordedAt).ThenByDescending(u => u.Id)
                .Take(HistoryLimit)
                .Select(u => new HistoryEntry(u.Text, u.UpdateOn, u.RecordedAt,
                    db.Users.Where(p => p.Id == u.ById).Select(p => p.DisplayName).FirstOrDefault(), u.NewStatus, u.Reason))
                .ToListAsync(ct);

            var today = UkFormat.UkToday(clock);
            var isOpen = action.Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress or PlanActionStatus.Blocked;
            var allowed = home.CanUpdate(viewer, action.OwnerId) && home.IsActive;
            return new Model(action, home, issue, history,
                IsOverdue: isOpen && action.DueOn < today,
                CanUpdate: allowed && action.Status != PlanActionStatus.Cancelled,
                CanChange: allowed && isOpen);
        }
    }
}
