using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Features.Actions;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.Meetings;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// The link in a neutral e-mail (about something confidential): it names only the notification, never the record,
/// so the e-mail carries no reference. Opening it signs the person in if need be and sends them to the record, only
/// when they may see it (by the record's own rules); anyone else finds nothing.
/// </summary>
public static class OpenNotification
{
    public sealed class Handler(AppDbContext db, LinkGenerator links)
    {
        /// <summary>The path of the record the notification is about, or null when there is none this person may see.</summary>
        public async Task<string?> HandleAsync(Viewer viewer, long id, CancellationToken ct)
        {
            var n = await db.Notifications.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.Kind, x.IssueId, x.PlanActionId, x.MeetingId, x.TaskGroupId }).SingleOrDefaultAsync(ct);
            if (n is null)
            {
                return null;
            }

            switch (n.Kind)
            {
                case NotificationKind.IssueAssigned or NotificationKind.Referral or NotificationKind.RaisedIssueStatusChanged when n.IssueId is { } issueId:
                    var reference = await viewer.VisibleIssues(db).Where(i => i.Id == issueId).Select(i => i.Reference).SingleOrDefaultAsync(ct);
                    return reference is null ? null : links.GetPathByAction("Show", "Issues", new { reference });
                case NotificationKind.ActionAssigned or NotificationKind.ActionDueSoon or NotificationKind.ActionOverdue when n.PlanActionId is { } actionId:
                    return await ActionStore.Visible(viewer, db).AnyAsync(a => a.Id == actionId, ct) ? links.GetPathByAction("Show", "Actions", new { id = actionId }) : null;
                case NotificationKind.MeetingInvitation or NotificationKind.MeetingChanged or NotificationKind.MeetingCancelled when n.MeetingId is { } meetingId:
                    return await viewer.VisibleMeetings(db).AnyAsync(m => m.Id == meetingId, ct) ? links.GetPathByAction("Show", "Meetings", new { id = meetingId }) : null;
                case NotificationKind.AddedToTaskGroup when n.TaskGroupId is { } groupId:
                    return await viewer.VisibleTaskGroups(db).AnyAsync(g => g.Id == groupId, ct) ? links.GetPathByAction("Show", "TaskGroups", new { id = groupId }) : null;
                default:
                    return null;
            }
        }
    }
}
