using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Actions;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.Meetings;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// Turns pending notifications into e-mails in the outbox, digest entries, or a recorded reason for telling nobody
/// (docs/decisions/0028). Oldest first, one transaction per notification: it is claimed (a guarded update that only
/// one instance can win), the record is read as it is now, each recipient is checked (an enabled account with an
/// address, not the person who made the change, and allowed to see the record now, by the same rules the pages use),
/// their choice for the kind is applied, and the e-mails are written in the same transaction that marks it done.
/// A confidential record is only ever named in a neutral e-mail; a councillor hears nothing of a confidential issue.
/// </summary>
public sealed partial class NotificationDispatcher(
    AppDbContext db, EmailComposer composer, TimeProvider clock, LinkGenerator links, IOptions<NotificationOptions> options, ILogger<NotificationDispatcher> logger)
{
    private readonly Dictionary<int, Viewer?> _viewers = [];

    /// <summary>Someone to tell: an account (<see cref="UserId"/>), or an address with no account (a guest, a service's contact address).</summary>
    private sealed record Target(int? UserId, string? Address, string? Name);

    /// <summary>What a notification is about, as the record is now.</summary>
    private sealed record About(
        string What,
        string Area,
        bool Confidential,
        bool ConcernsConfidentialIssue,
        string Path,
        Dictionary<string, string> Values,
        MeetingCalendar.Event? Calendar,
        Func<Viewer, CancellationToken, Task<bool>> MaySee)
    {
        /// <summary>For an assignment or a reminder: whose it is now (someone it has moved on from is not told).</summary>
        public int? Owner { get; init; }

        /// <summary>Why nobody need be told any more (an action done or cancelled before its reminder went).</summary>
        public string? Stale { get; init; }
    }

    /// <summary>One pass: every notification pending now, in batches; returns how many it dealt with.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var batch = Math.Max(1, options.Value.BatchSize);
        var done = 0;
        long after = 0;
        while (true)
        {
            var ids = await db.Notifications.AsNoTracking()
                .Where(n => n.State == NotificationState.Pending && n.Id > after)
                .OrderBy(n => n.Id).Select(n => n.Id).Take(batch).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return done;
            }

            foreach (var id in ids)
            {
                after = id;
                try
                {
                    if (await DispatchAsync(id, ct))
                    {
                        done++;
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // One notification that cannot be written must not stop the others: it stays pending and is tried on the next pass.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogFailed(logger, ex, id);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    /// <summary>
    /// Who hears of a Level 1 referral to an organisation — the one place this rule lives: its front-line contact when
    /// that is an e-mail address (the service's shared inbox, told at once, with no account); otherwise every active
    /// account of the organisation, each by their own choice.
    /// </summary>
    public static async Task<IReadOnlyList<(int? UserId, string? Address, string? Name)>> ReferralRecipientsAsync(AppDbContext db, int organisationId, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.Name, o.FrontLineContact }).SingleOrDefaultAsync(ct);
        if (organisation is null)
        {
            return [];
        }

        var contact = organisation.FrontLineContact?.Trim();
        if (MailSettings.IsEmailAddress(contact))
        {
            return [(null, contact, organisation.Name)];
        }

        var users = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId && !u.IsDisabled)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        return [.. users.Select(id => ((int?)id, (string?)null, (string?)null))];
    }

    private async Task<bool> DispatchAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The claim: only the instance whose guarded update finds it still pending goes on; another waits for this
        // transaction, then finds it done and leaves it.
        var claimed = await db.Notifications.Where(n => n.Id == id && n.State == NotificationState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ProcessedAt, now), ct);
        if (claimed != 1)
        {
            return false;
        }

        var notification = await db.Notifications.SingleAsync(n => n.Id == id, ct);
        await DecideAsync(notification, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task DecideAsync(Notification n, DateTime now, CancellationToken ct)
    {
        var about = await AboutAsync(n, ct);
        if (about is null)
        {
            n.Skip(now, "The record it was about no longer exists");
            return;
        }

        if (about.Stale is { } stale)
        {
            n.Skip(now, stale);
            return;
        }

        var targets = await TargetsAsync(n, ct);
        if (targets.Count == 0)
        {
            n.Skip(now, "Nobody to tell");
            return;
        }

        var single = targets.Count == 1 && n.RecipientUserId is not null;
        var sent = new List<string>();
        var waiting = new List<string>();
        var skipped = new List<string>();
        foreach (var target in targets)
        {
            var (delivery, to, why) = await ChoiceAsync(n, about, target, ct);
            if (delivery is null || to is null)
            {
                skipped.Add(single ? why! : $"{target.Name ?? target.Address ?? $"user {target.UserId}"}: {why}");
                continue;
            }

            if (delivery == Delivery.InDailyDigest)
            {
                if (single)
                {
                    n.WaitForDigest(now);
                    return;
                }

                // Several people from one notification: each who wants it in their digest gets their own entry.
                var entry = new Notification(n.Kind, n.CreatedAt)
                {
                    RecipientUserId = target.UserId,
                    OrganisationId = n.OrganisationId,
                    IssueId = n.IssueId,
                    PlanActionId = n.PlanActionId,
                    MeetingId = n.MeetingId,
                    TaskGroupId = n.TaskGroupId,
                    ActorId = n.ActorId,
                    Detail = n.Detail,
                };
                entry.WaitForDigest(now);
                db.Notifications.Add(entry);
                waiting.Add(to.Name ?? to.Address);
                continue;
            }

            db.OutboxMessages.Add(await ComposeAsync(n, about, to, now, ct));
            sent.Add(to.Address);
        }

        if (sent.Count == 0 && waiting.Count == 0)
        {
            n.Skip(now, string.Join("; ", skipped));
            return;
        }

        var outcome = single
            ? null
            : string.Join("; ", new[]
            {
                sent.Count > 0 ? $"E-mailed {sent.Count}" : null,
                waiting.Count > 0 ? $"{waiting.Count} in their daily digest" : null,
                skipped.Count > 0 ? $"not told: {string.Join("; ", skipped)}" : null,
            }.OfType<string>());
        n.Emailed(now, outcome);
    }

    /// <summary>How one person gets this notification, or why they are not told.</summary>
    private async Task<(Delivery? Delivery, EmailComposer.Recipient? To, string? Why)> ChoiceAsync(Notification n, About about, Target target, CancellationToken ct)
    {
        if (target.UserId is not { } userId)
        {
            // A guest or a service's contact address: no account, no choices, told at once (a guest only while still invited).
            if (n.RecipientEmail is not null && n.MeetingId is { } meetingId && target.Address is { } address
                && !await db.MeetingAttendees.AnyAsync(a => a.MeetingId == meetingId && a.UserId == null && a.GuestEmail == address, ct))
            {
                return (null, null, "No longer invited");
            }

            return MailSettings.IsEmailAddress(target.Address)
                ? (Delivery.Immediately, new EmailComposer.Recipient(target.Address!, target.Name, null), null)
                : (null, null, "Not a valid e-mail address");
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.IsDisabled }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return (null, null, "The account no longer exists");
        }

        if (user.IsDisabled)
        {
            return (null, null, "The account is disabled");
        }

        if (userId == n.ActorId)
        {
            return (null, null, "They made the change themselves");
        }

        if (about.Owner is { } owner && owner != userId)
        {
            return (null, null, "It is no longer theirs");
        }

        if (!MailSettings.IsEmailAddress(user.Email))
        {
            return (null, null, "The account has no valid e-mail address");
        }

        var viewer = await ViewerAsync(userId, ct);
        if (viewer is null || viewer.Role == Roles.Administrator)
        {
            return (null, null, "Administrators get no notifications");
        }

        if (viewer.Role == Roles.Councillor && about.ConcernsConfidentialIssue)
        {
            return (null, null, "A councillor is never told about a confidential issue");
        }

        if (!await about.MaySee(viewer, ct))
        {
            return (null, null, "They may not see the record now");
        }

        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId && p.Kind == n.Kind)
            .Select(p => (Delivery?)p.Delivery).SingleOrDefaultAsync(ct);
        var delivery = NotificationKinds.Effective(n.Kind, chosen);
        return delivery == Delivery.Off
            ? (null, null, "Switched off by the person")
            : (delivery, new EmailComposer.Recipient(user.Email!, user.DisplayName, userId), null);
    }

    private async Task<OutboxMessage> ComposeAsync(Notification n, About about, EmailComposer.Recipient to, DateTime now, CancellationToken ct)
    {
        // A neutral e-mail's link names the notification, not the record (whose address can carry its reference).
        var path = about.Confidential ? PathTo("Open", "Notifications", new { id = n.Id }) : about.Path;
        EmailComposer.Attachment? attachment = null;
        if (about.Calendar is { } calendarEvent)
        {
            var settings = await composer.SettingsAsync(ct);
            var page = new Uri(await composer.LinkAsync(path, ct));
            var method = n.Kind == NotificationKind.MeetingCancelled ? CalendarMethods.Cancel : CalendarMethods.Request;
            var text = MeetingCalendar.EventText(calendarEvent, method, page, now, (settings.SenderAddress, settings.SenderName));
            attachment = new EmailComposer.Attachment(MeetingCalendar.FileName(n.MeetingId!.Value), $"{MeetingCalendar.ContentType}; method={method}", text);
        }

        return about.Confidential
            ? await composer.ComposeNeutralAsync(n.Kind, to, about.What, about.Area, path, n.Id, attachment, now, ct)
            : await composer.ComposeAsync(n.Kind, to, about.Values, path, n.Id, attachment, now, ct);
    }

    private async Task<Viewer?> ViewerAsync(int userId, CancellationToken ct)
    {
        if (!_viewers.TryGetValue(userId, out var viewer))
        {
            viewer = await Viewer.ForUserAsync(userId, db, ct);
            _viewers[userId] = viewer;
        }

        return viewer;
    }

    /// <summary>Who this notification is for: its person or guest, a referral's organisation, or everyone invited to a changed meeting.</summary>
    private async Task<List<Target>> TargetsAsync(Notification n, CancellationToken ct)
    {
        if (n.RecipientUserId is { } userId)
        {
            return [new Target(userId, null, null)];
        }

        if (n.RecipientEmail is { } email)
        {
            return [new Target(null, email.Trim(), n.RecipientName)];
        }

        if (n.Kind == NotificationKind.Referral && n.OrganisationId is { } organisationId)
        {
            return [.. (await ReferralRecipientsAsync(db, organisationId, ct)).Select(r => new Target(r.UserId, r.Address, r.Name))];
        }

        if (n.Kind is NotificationKind.MeetingChanged or NotificationKind.MeetingCancelled && n.MeetingId is { } meetingId)
        {
            var invitees = await db.MeetingAttendees.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Id)
                .Select(a => new { a.UserId, a.GuestEmail, a.GuestName }).ToListAsync(ct);
            return
            [
                .. invitees.Where(a => a.UserId is not null && a.UserId != n.ActorId).Select(a => a.UserId).Distinct().Select(id => new Target(id, null, null)),
                .. invitees.Where(a => a.UserId is null && !string.IsNullOrWhiteSpace(a.GuestEmail))
                    .DistinctBy(a => a.GuestEmail!.Trim().ToUpperInvariant()).Select(a => new Target(null, a.GuestEmail!.Trim(), a.GuestName)),
            ];
        }

        return [];
    }

    private string PathTo(string action, string controller, object values) =>
        links.GetPathByAction(action, controller, values) ?? throw new InvalidOperationException($"No route to {controller}.{action}");

    private async Task<About?> AboutAsync(Notification n, CancellationToken ct) => n.Kind switch
    {
        NotificationKind.IssueAssigned or NotificationKind.Referral or NotificationKind.RaisedIssueStatusChanged => await AboutIssueAsync(n, ct),
        NotificationKind.ActionAssigned or NotificationKind.ActionDueSoon or NotificationKind.ActionOverdue => await AboutActionAsync(n, ct),
        NotificationKind.MeetingInvitation or NotificationKind.MeetingChanged or NotificationKind.MeetingCancelled => await AboutMeetingAsync(n, ct),
        NotificationKind.AddedToTaskGroup => await AboutTaskGroupAsync(n, ct),
        _ => null,
    };

    private async Task<About?> AboutIssueAsync(Notification n, CancellationToken ct)
    {
        if (n.IssueId is not { } issueId)
        {
            return null;
        }

        var issue = await db.Issues.AsNoTracking().Where(i => i.Id == issueId).Select(i => new
        {
            i.Reference,
            i.Title,
            Area = i.Area.Name,
            Ward = i.Ward.Name,
            i.Level,
            i.Status,
            i.IsConfidential,
            Organisation = i.ReferredOrganisation == null ? null : i.ReferredOrganisation.Name,
            i.FollowUpOn,
            i.OwnerId,
        }).SingleOrDefaultAsync(ct);
        if (issue is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>
        {
            ["reference"] = issue.Reference,
            ["title"] = issue.Title,
            ["area"] = issue.Area,
            ["ward"] = issue.Ward,
            ["level"] = issue.Level is { } level ? Issue.LevelName(level) : "no level yet",
            ["organisation"] = issue.Organisation ?? string.Empty,
            ["follow_up_on"] = issue.FollowUpOn is { } followUp ? UkFormat.Date(followUp) : "a date to be set",
            ["status"] = n.Detail ?? Issue.StatusName(issue.Status),
        };
        return new About("an issue", issue.Area, issue.IsConfidential, issue.IsConfidential,
            PathTo("Show", "Issues", new { reference = issue.Reference }), values, null,
            (viewer, c) => viewer.VisibleIssues(db).AnyAsync(i => i.Id == issueId, c))
        {
            Owner = n.Kind == NotificationKind.IssueAssigned ? issue.OwnerId ?? 0 : null,
        };
    }

    private async Task<About?> AboutActionAsync(Notification n, CancellationToken ct)
    {
        if (n.PlanActionId is not { } actionId)
        {
            return null;
        }

        var action = await db.PlanActions.AsNoTracking().Where(a => a.Id == actionId).Select(a => new
        {
            a.Description,
            a.DueOn,
            Group = a.TaskGroup == null ? null : new { a.TaskGroup.Name, Area = a.TaskGroup.Area.Name },
            a.MeetingId,
            a.IssueId,
            a.OwnerId,
            a.Status,
        }).SingleOrDefaultAsync(ct);
        if (action is null)
        {
            return null;
        }

        var issue = action.IssueId is { } issueId
            ? await db.Issues.AsNoTracking().Where(i => i.Id == issueId).Select(i => new { i.Reference, i.IsConfidential, Area = i.Area.Name }).SingleOrDefaultAsync(ct)
            : null;
        var meeting = action.MeetingId is { } meetingId
            ? await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
                .Select(m => new { m.Title, m.StartsAt, m.IsConfidential, Area = db.Areas.Where(a => a.Id == m.AreaId).Select(a => a.Name).FirstOrDefault() })
                .SingleOrDefaultAsync(ct)
            : null;
        var source = action.Group is { } group ? $"the task group {group.Name}"
            : meeting is not null ? $"the meeting {ActionStore.MeetingName(meeting.Title, meeting.StartsAt)}"
            : issue is not null ? $"issue {issue.Reference}"
            : "your area partnership";
        var values = new Dictionary<string, string>
        {
            ["action"] = action.Description,
            ["due_on"] = UkFormat.Date(action.DueOn),
            ["source"] = source,
        };
        var confidentialIssue = issue?.IsConfidential == true;
        return new About("an action", action.Group?.Area ?? issue?.Area ?? meeting?.Area ?? "the borough",
            confidentialIssue || meeting?.IsConfidential == true, confidentialIssue,
            PathTo("Show", "Actions", new { id = actionId }), values, null,
            (viewer, c) => ActionStore.Visible(viewer, db).AnyAsync(a => a.Id == actionId, c))
        {
            Owner = action.OwnerId,
            Stale = action.Status is PlanActionStatus.Done or PlanActionStatus.Cancelled ? "The action is done or cancelled" : null,
        };
    }

    private async Task<About?> AboutMeetingAsync(Notification n, CancellationToken ct)
    {
        if (n.MeetingId is not { } meetingId)
        {
            return null;
        }

        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new
        {
            m.Title,
            m.StartsAt,
            m.EndsAt,
            m.Venue,
            m.OnlineLink,
            m.Purpose,
            m.IsConfidential,
            m.Status,
            m.CancellationReason,
            m.CalendarUid,
            m.CalendarSequence,
            Area = db.Areas.Where(a => a.Id == m.AreaId).Select(a => a.Name).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        if (meeting is null || (n.Kind != NotificationKind.MeetingCancelled && meeting.Status == MeetingStatus.Cancelled))
        {
            // An invitation or change to a meeting cancelled since: the cancellation is the news.
            return null;
        }

        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var values = new Dictionary<string, string>
        {
            ["meeting"] = meeting.Title,
            ["when"] = UkFormat.DateAndTime(meeting.StartsAt),
            ["where"] = meeting.Venue ?? meeting.OnlineLink ?? "a place to be confirmed",
            ["reason"] = meeting.CancellationReason is { Length: > 0 } reason ? $"The reason given: {reason}" : string.Empty,
        };

        // A confidential meeting's calendar event says when and where, never what it is about.
        var calendar = meeting.IsConfidential
            ? new MeetingCalendar.Event(meeting.CalendarUid, meeting.CalendarSequence, meeting.StartsAt, meeting.EndsAt, "Area Partnership meeting",
                meeting.Venue, meeting.OnlineLink, null, cancelled, null)
            : new MeetingCalendar.Event(meeting.CalendarUid, meeting.CalendarSequence, meeting.StartsAt, meeting.EndsAt, meeting.Title,
                meeting.Venue, meeting.OnlineLink, meeting.Purpose, cancelled, meeting.CancellationReason);
        return new About("a meeting", meeting.Area ?? "the borough", meeting.IsConfidential, false,
            PathTo("Show", "Meetings", new { id = meetingId }), values, calendar,
            async (viewer, c) => await db.MeetingAttendees.AnyAsync(a => a.MeetingId == meetingId && a.UserId == viewer.UserId, c)
                && await viewer.VisibleMeetings(db).AnyAsync(m => m.Id == meetingId, c));
    }

    private async Task<About?> AboutTaskGroupAsync(Notification n, CancellationToken ct)
    {
        if (n.TaskGroupId is not { } groupId)
        {
            return null;
        }

        var group = await db.TaskGroups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Name, Area = g.Area.Name }).SingleOrDefaultAsync(ct);
        if (group is null)
        {
            return null;
        }

        var values = new Dictionary<string, string> { ["task_group"] = group.Name, ["area"] = group.Area };
        return new About("a task group", group.Area, false, false, PathTo("Show", "TaskGroups", new { id = groupId }), values, null,
            async (viewer, c) => await db.TaskGroupMembers.AnyAsync(m => m.TaskGroupId == groupId && m.UserId == viewer.UserId, c)
                && await viewer.VisibleTaskGroups(db).AnyAsync(g => g.Id == groupId, c));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} could not be written; it stays pending and is tried again on the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception, long notificationId);
}
