using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.TaskGroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AreaPartnerships.Domain.Notifications;

/// <summary>
/// Works out, from what a save changes, who needs telling (docs/decisions/0028). <see cref="Plan"/> reads the
/// tracked changes before the save (old and new values); <see cref="Planned.Notifications"/> is called after it,
/// when new rows have their ids, and the context saves those notifications in the same transaction. The rules:
/// <list type="bullet">
/// <item>an issue's owner changes: the new owner (<see cref="NotificationKind.IssueAssigned"/>);</item>
/// <item>an issue is referred to a front-line organisation: its contact (<see cref="NotificationKind.Referral"/>);</item>
/// <item>an issue's status changes: whoever raised it (<see cref="NotificationKind.RaisedIssueStatusChanged"/>);</item>
/// <item>an action is added or given to someone else: its owner (<see cref="NotificationKind.ActionAssigned"/>);</item>
/// <item>someone is invited to a meeting: them, guests included (<see cref="NotificationKind.MeetingInvitation"/>);</item>
/// <item>a meeting's calendar entry changes or it is cancelled: everyone invited (worked out when sending);</item>
/// <item>someone joins a task group: them (<see cref="NotificationKind.AddedToTaskGroup"/>).</item>
/// </list>
/// Nobody is told about their own change. Reminders (due soon, overdue) and digests are the scheduler's.
/// </summary>
public static class NotificationPlanner
{
    /// <summary>The notifications a save will cause, made once the save has given new rows their ids.</summary>
    public sealed class Planned(List<Func<Notification?>> makers)
    {
        public bool IsEmpty => makers.Count == 0;

        public List<Notification> Notifications() => [.. makers.Select(m => m()).OfType<Notification>()];
    }

    public static Planned Plan(ChangeTracker tracker)
    {
        var makers = new List<Func<Notification?>>();
        var actors = tracker.Entries<IssueEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.ActorId)
            .Concat(tracker.Entries<MeetingEvent>().Where(e => e.State == EntityState.Added).Select(e => (int?)e.Entity.ActorId))
            .Concat(tracker.Entries<TaskGroupEvent>().Where(e => e.State == EntityState.Added).Select(e => (int?)e.Entity.ActorId))
            .Concat(tracker.Entries<PlanActionUpdate>().Where(e => e.State == EntityState.Added).Select(e => (int?)e.Entity.ById))
            .OfType<int>().Distinct().ToList();
        int? actor = actors.Count == 1 ? actors[0] : null;

        foreach (var entry in tracker.Entries<Issue>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            PlanIssue(entry, makers);
        }

        foreach (var entry in tracker.Entries<PlanAction>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var action = entry.Entity;
            var newOwner = entry.State == EntityState.Added || !Equals(entry.Property(a => a.OwnerId).OriginalValue, action.OwnerId);
            var at = At(tracker);
            if (newOwner && action.OwnerId != actor && action.Status is not (PlanActionStatus.Done or PlanActionStatus.Cancelled))
            {
                makers.Add(() => new Notification(NotificationKind.ActionAssigned, at)
                {
                    RecipientUserId = action.OwnerId,
                    PlanActionId = action.Id,
                    IssueId = action.IssueId,
                    MeetingId = action.MeetingId,
                    TaskGroupId = action.TaskGroupId,
                    ActorId = actor,
                });
            }
        }

        foreach (var entry in tracker.Entries<MeetingAttendee>().Where(e => e.State == EntityState.Added))
        {
            var attendee = entry.Entity;
            if (attendee.UserId is { } userId && userId == actor || attendee.UserId is null && string.IsNullOrWhiteSpace(attendee.GuestEmail))
            {
                continue;
            }

            makers.Add(() => new Notification(NotificationKind.MeetingInvitation, attendee.InvitedAt)
            {
                RecipientUserId = attendee.UserId,
                RecipientEmail = attendee.UserId is null ? attendee.GuestEmail : null,
                RecipientName = attendee.UserId is null ? attendee.GuestName : null,
                MeetingId = attendee.MeetingId, // read after the save: a new meeting's invitees then carry its id
                ActorId = actor,
            });
        }

        foreach (var entry in tracker.Entries<Meeting>().Where(e => e.State == EntityState.Modified))
        {
            var meeting = entry.Entity;
            if (Equals(entry.Property(m => m.CalendarSequence).OriginalValue, meeting.CalendarSequence))
            {
                continue;
            }

            var cancelled = meeting.Status == MeetingStatus.Cancelled && !Equals(entry.Property(m => m.Status).OriginalValue, MeetingStatus.Cancelled);
            if (meeting.Status == MeetingStatus.Cancelled && !cancelled)
            {
                continue;
            }

            var at = meeting.Events.LastOrDefault()?.OccurredAt ?? At(tracker);
            makers.Add(() => new Notification(cancelled ? NotificationKind.MeetingCancelled : NotificationKind.MeetingChanged, at)
            {
                MeetingId = meeting.Id,
                ActorId = actor,
            });
        }

        foreach (var entry in tracker.Entries<TaskGroupMember>().Where(e => e.State == EntityState.Added))
        {
            var member = entry.Entity;
            if (member.UserId == actor)
            {
                continue;
            }

            makers.Add(() => new Notification(NotificationKind.AddedToTaskGroup, member.JoinedAt)
            {
                RecipientUserId = member.UserId,
                TaskGroupId = member.TaskGroupId,
                ActorId = actor,
            });
        }

        return new Planned(makers);
    }

    private static void PlanIssue(EntityEntry<Issue> entry, List<Func<Notification?>> makers)
    {
        var issue = entry.Entity;
        var events = issue.Events.ToList();
        var actor = events.LastOrDefault()?.ActorId;
        var at = events.LastOrDefault()?.OccurredAt ?? DateTime.UtcNow;
        var added = entry.State == EntityState.Added;

        if (issue.OwnerId is { } owner && owner != actor && (added || !Equals(entry.Property(i => i.OwnerId).OriginalValue, owner)))
        {
            makers.Add(() => new Notification(NotificationKind.IssueAssigned, at) { RecipientUserId = owner, IssueId = issue.Id, ActorId = actor });
        }

        if (issue.ReferredOrganisationId is { } organisation && (added || !Equals(entry.Property(i => i.ReferredOrganisationId).OriginalValue, organisation)))
        {
            makers.Add(() => new Notification(NotificationKind.Referral, at) { OrganisationId = organisation, IssueId = issue.Id, ActorId = actor });
        }

        if (!added && !Equals(entry.Property(i => i.Status).OriginalValue, issue.Status) && issue.RaisedById != actor)
        {
            var status = Issue.StatusName(issue.Status);
            makers.Add(() => new Notification(NotificationKind.RaisedIssueStatusChanged, at)
            {
                RecipientUserId = issue.RaisedById,
                IssueId = issue.Id,
                ActorId = actor,
                Detail = status,
            });
        }
    }

    /// <summary>When the save's change happened: the latest timeline entry it adds, or now.</summary>
    private static DateTime At(ChangeTracker tracker) =>
        tracker.Entries<IssueEvent>().Where(e => e.State == EntityState.Added).Select(e => (DateTime?)e.Entity.OccurredAt)
            .Concat(tracker.Entries<MeetingEvent>().Where(e => e.State == EntityState.Added).Select(e => (DateTime?)e.Entity.OccurredAt))
            .Concat(tracker.Entries<TaskGroupEvent>().Where(e => e.State == EntityState.Added).Select(e => (DateTime?)e.Entity.OccurredAt))
            .Concat(tracker.Entries<PlanActionUpdate>().Where(e => e.State == EntityState.Added).Select(e => (DateTime?)e.Entity.RecordedAt))
            .Max() ?? DateTime.UtcNow;
}
