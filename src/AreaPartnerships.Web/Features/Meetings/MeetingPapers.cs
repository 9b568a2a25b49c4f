using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Actions;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// A meeting's papers, as its page shows them below the details and invitees: the agenda (an item linked to an
/// issue names it only to people who may see that issue), attendance, minutes, decisions, actions arising and the
/// meeting's timeline, with the recording forms for those who may record. Null for a person who may see the
/// meeting but not its papers (<see cref="MeetingAccess.MeetingsWithPapers"/>).
/// </summary>
public static class MeetingPapers
{
    public const int TimelineLimit = 50;
    public const int DecisionLimit = 200;
    public const int ActionLimit = 200;
    public const int GroupChoiceLimit = 200;

    /// <summary>Shown instead of an issue-linked item's title to those who may not see the issue.</summary>
    public const string HiddenItem = "An item on a case you cannot see";

    /// <summary>
    /// An agenda item. <paramref name="Title"/> is what everyone with the papers sees; for an item on an issue the
    /// person may not see it is <see cref="HiddenItem"/> and <paramref name="Minute"/> is withheld.
    /// </summary>
    public sealed record Item(int Id, int Order, string Title, string? Minute, bool IsHidden, string? IssueReference, string? IssueTitle, int? TaskGroupId, string? TaskGroupName)
    {
        /// <summary>"3. Williams Street fly-tipping" as a select and the minutes show it (an item on an issue the person may see: "3. AP-2026-00018: its title").</summary>
        public string Numbered => $"{Order}. {(!IsHidden && IssueReference is not null && IssueTitle is not null && Title == $"Issue {IssueReference}" ? $"{IssueReference}: {IssueTitle}" : Title)}";
    }

    public sealed record Attendee(long Id, string Name, string? Organisation, bool IsGuest, InviteResponse Response, Attendance Attendance);

    public sealed record DecisionRow(long Id, string Text, int? ItemOrder, DateTime RecordedAt, string? By);

    public sealed record ActionRow(int Id, string Description, string Owner, DateOnly DueOn, PlanActionStatus Status, string? Group, bool CanOpen);

    public sealed record TimelineEntry(string Summary, string? Body, string? Actor, DateTime OccurredAt);

    /// <summary>
    /// The papers and, for those who may record, the forms' choices. The form fields (<see cref="ItemTitle"/> and the
    /// rest) are empty on a page read and carry nothing themselves: after a refused post the fields show what was
    /// typed (from ModelState), so nothing is lost.
    /// </summary>
    public sealed class Model
    {
        public required int MeetingId { get; init; }

        public required string MeetingTitle { get; init; }

        public required int? AreaId { get; init; }

        public required DateTime StartsAt { get; init; }

        public required DateTime EndsAt { get; init; }

        public required bool IsConfidential { get; init; }

        public required bool IsCancelled { get; init; }

        public required bool HasStarted { get; init; }

        public required DateTime? ApprovedAt { get; init; }

        public required string? ApprovedBy { get; init; }

        public required Guid Version { get; init; }

        /// <summary>The general minutes (also the field of the minutes form).</summary>
        public required string? Minutes { get; init; }

        public required IReadOnlyList<Item> Agenda { get; init; }

        public required IReadOnlyList<Attendee> Attendees { get; init; }

        public required IReadOnlyList<DecisionRow> Decisions { get; init; }

        public required IReadOnlyList<ActionRow> Actions { get; init; }

        public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

        public required DateOnly Today { get; init; }

        /// <summary>Add, move and remove agenda items (those who run the meeting, until the minutes are approved).</summary>
        public required bool CanEditAgenda { get; init; }

        /// <summary>Record attendance, minutes, decisions and actions arising (after the start; after approval only the area manager, with a reason).</summary>
        public required bool CanRecord { get; init; }

        /// <summary>Those who run the meeting, before it starts: the record forms are not offered yet.</summary>
        public required bool RecordsLater { get; init; }

        public required bool CanApprove { get; init; }

        public IReadOnlyList<SelectListItem> TaskGroups { get; init; } = [];

        public IReadOnlyList<SelectListItem> ItemChoices { get; init; } = [];

        public IReadOnlyList<SelectListItem> IssueItemChoices { get; init; } = [];

        public IReadOnlyList<SelectListItem> Owners { get; init; } = [];

        /// <summary>Which form was posted and refused ("agenda", "attendance", "minutes", "decision", "action", "update"), so only it shows its reason field's error.</summary>
        public string? PostedForm { get; set; }

        public bool MinutesApproved => ApprovedAt is not null;

        /// <summary>The record forms ask why approved minutes are being changed.</summary>
        public bool NeedsAmendReason => MinutesApproved && CanRecord;

        public string? ItemTitle { get; init; }

        public string? IssueReference { get; init; }

        public int? TaskGroupId { get; init; }

        public string? DecisionText { get; init; }

        public int? AgendaItemId { get; init; }

        public string? ActionDescription { get; init; }

        public int? ActionOwnerId { get; init; }

        public string? ActionDueDay { get; init; }

        public string? ActionDueMonth { get; init; }

        public string? ActionDueYear { get; init; }

        public int? ActionTaskGroupId { get; init; }

        public int? ActionItemId { get; init; }

        public int? UpdateItemId { get; init; }

        public string? UpdateText { get; init; }

        public string? AmendReason { get; init; }

        public bool IsOverdue(ActionRow action) => action.Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress or PlanActionStatus.Blocked && action.DueOn < Today;

        /// <summary>The meeting's timeline as the shared <c>_Timeline</c> partial draws it.</summary>
        public Timeline TimelineView => new("meeting-timeline",
            [.. Timeline.Select(e => new Timeline.Entry(e.Summary, e.Actor ?? "the system", e.OccurredAt, e.Body is null ? [] : [new Timeline.Line(e.Body)]))]);
    }

    /// <summary>The meeting as the papers' own pages head them (the meeting page proper is <c>/meetings/{id}</c>).</summary>
    public sealed record Header(int Id, string Title, string Type, string? Area, string When, string? Venue, string? OnlineLink, string? Purpose,
        bool IsConfidential, bool IsCancelled, string? CancellationReason);

    /// <summary>The papers' own page and the printable agenda: the meeting, and its papers (null when the person may not read them).</summary>
    public sealed record Page(Header Meeting, Model? Papers);

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The meeting and its papers; null (and logged) when the person may not see the meeting at all.</summary>
        public async Task<Page?> PageAsync(Viewer viewer, int meetingId, CancellationToken ct)
        {
            var meeting = await viewer.VisibleMeetings(db).AsNoTracking()
                .Where(m => m.Id == meetingId)
                .Select(m => new
                {
                    m.Id,
                    m.Title,
                    m.Type,
                    Area = db.Areas.Where(a => a.Id == m.AreaId).Select(a => a.Name).FirstOrDefault(),
                    m.StartsAt,
                    m.EndsAt,
                    m.Venue,
                    m.OnlineLink,
                    m.Purpose,
                    m.IsConfidential,
                    m.Status,
                    m.CancellationReason,
                })
                .SingleOrDefaultAsync(ct);
            if (meeting is null)
            {
                MeetingStore.LogNotVisible(logger, viewer, meetingId);
                return null;
            }

            var header = new Header(meeting.Id, meeting.Title, Meeting.TypeName(meeting.Type), meeting.Area, UkTime.Describe(meeting.StartsAt, meeting.EndsAt),
                meeting.Venue, meeting.OnlineLink, meeting.Purpose, meeting.IsConfidential, meeting.Status == MeetingStatus.Cancelled, meeting.CancellationReason);
            return new Page(header, await LoadAsync(viewer, meetingId, ct));
        }

        public async Task<Model?> LoadAsync(Viewer viewer, int meetingId, CancellationToken ct)
        {
            var meeting = await viewer.MeetingsWithPapers(db).AsNoTracking()
                .Where(m => m.Id == meetingId)
                .Select(m => new
                {
                    m.Id,
                    m.Title,
                    m.AreaId,
                    m.StartsAt,
                    m.EndsAt,
                    m.IsConfidential,
                    m.Status,
                    m.ChairUserId,
                    m.MinutesApprovedAt,
                    ApprovedBy = db.Users.Where(u => u.Id == m.MinutesApprovedById).Select(u => u.DisplayName).FirstOrDefault(),
                    m.Minutes,
                    m.Version,
                })
                .SingleOrDefaultAsync(ct);
            if (meeting is null)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var visibleIssues = viewer.VisibleIssues(db);
            var visibleGroups = viewer.VisibleTaskGroups(db);
            var agenda = (await db.AgendaItems.AsNoTracking()
                .Where(i => i.MeetingId == meetingId)
                .OrderBy(i => i.Order)
                .Select(i => new
                {
                    i.Id,
                    i.Order,
                    i.Title,
                    i.Minute,
                    i.IssueId,
                    Issue = visibleIssues.Where(x => x.Id == i.IssueId).Select(x => new { x.Reference, x.Title }).FirstOrDefault(),
                    i.TaskGroupId,
                    Group = visibleGroups.Where(g => g.Id == i.TaskGroupId).Select(g => g.Name).FirstOrDefault(),
                })
                .ToListAsync(ct))
                .Select(i => i.IssueId is not null && i.Issue is null
                    ? new Item(i.Id, i.Order, HiddenItem, null, true, null, null, null, null)
                    : new Item(i.Id, i.Order, i.Title, i.Minute, false, i.Issue?.Reference, i.Issue?.Title, i.Group is null ? null : i.TaskGroupId, i.Group))
                .ToList();

            var attendees = (await db.MeetingAttendees.AsNoTracking()
                .Where(a => a.MeetingId == meetingId)
                .Select(a => new
                {
                    a.Id,
                    Name = a.User == null ? a.GuestName : a.User.DisplayName,
                    Organisation = a.User == null ? a.GuestOrganisation : a.User.Organisation == null ? null : a.User.Organisation.Name,
                    IsGuest = a.UserId == null,
                    a.Response,
                    a.Attendance,
                })
                .ToListAsync(ct))
                .Select(a => new Attendee(a.Id, a.Name ?? "Someone", a.Organisation, a.IsGuest, a.Response, a.Attendance))
                .OrderBy(a => a.Name, StringComparer.CurrentCulture).ThenBy(a => a.Id)
                .ToList();

            var orders = agenda.ToDictionary(i => i.Id, i => i.Order);
            var decisions = (await db.Decisions.AsNoTracking()
                .Where(d => d.MeetingId == meetingId)
                .OrderBy(d => d.Id)
                .Take(DecisionLimit)
                .Select(d => new { d.Id, d.Text, d.AgendaItemId, d.RecordedAt, By = db.Users.Where(u => u.Id == d.RecordedById).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync(ct))
                .Select(d => new DecisionRow(d.Id, d.Text, d.AgendaItemId is { } itemId ? orders.GetValueOrDefault(itemId) : null, d.RecordedAt, d.By))
                .ToList();

            var openable = ActionStore.Visible(viewer, db);
            var actions = await db.PlanActions.AsNoTracking()
                .Where(a => a.MeetingId == meetingId)
                .OrderBy(a => a.Id)
                .Take(ActionLimit)
                .Select(a => new ActionRow(a.Id, a.Description, a.Owner.DisplayName, a.DueOn, a.Status,
                    a.TaskGroup == null ? null : a.TaskGroup.Name, openable.Any(o => o.Id == a.Id)))
                .ToListAsync(ct);

            // Newest first: one range seek on (MeetingId, Id).
            var timeline = await db.MeetingEvents.AsNoTracking()
                .Where(e => e.MeetingId == meetingId)
                .OrderByDescending(e => e.Id)
                .Take(TimelineLimit)
                .Select(e => new TimelineEntry(e.Summary, e.Body, db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(), e.OccurredAt))
                .ToListAsync(ct);

            var cancelled = meeting.Status == MeetingStatus.Cancelled;
            var approved = meeting.MinutesApprovedAt is not null;
            var runs = viewer.CanRunMeeting(meeting.AreaId);
            var started = meeting.StartsAt <= now;
            var canRecord = !cancelled && started && runs && (!approved || viewer.CanAmendApprovedMinutes(meeting.AreaId));
            var canEditAgenda = runs && !cancelled && !approved;

            IReadOnlyList<SelectListItem> groups = [];
            IReadOnlyList<SelectListItem> owners = [];
            if ((canEditAgenda || canRecord) && meeting.AreaId is { } areaId)
            {
                var choices = await visibleGroups.AsNoTracking()
                    .Where(g => g.AreaId == areaId && g.Status == TaskGroupStatus.Active)
                    .OrderBy(g => g.Name)
                    .Take(GroupChoiceLimit)
                    .Select(g => new { g.Id, g.Name })
                    .ToListAsync(ct);
                groups = [new SelectListItem("None", string.Empty), .. choices.Select(g => new SelectListItem(g.Name, ActionStore.Id(g.Id)))];
            }

            if (canRecord)
            {
                var people = await ActionStore.MeetingOwnersAsync(db, meetingId, meeting.AreaId, ct);
                owners = [new SelectListItem("Choose who owns it", string.Empty), .. people.Select(p => new SelectListItem(p.Text, ActionStore.Id(p.Id)))];
            }

            var shown = agenda.Where(i => !i.IsHidden).ToList();
            return new Model
            {
                MeetingId = meeting.Id,
                MeetingTitle = meeting.Title,
                AreaId = meeting.AreaId,
                StartsAt = meeting.StartsAt,
                EndsAt = meeting.EndsAt,
                IsConfidential = meeting.IsConfidential,
                IsCancelled = cancelled,
                HasStarted = started,
                ApprovedAt = meeting.MinutesApprovedAt,
                ApprovedBy = meeting.ApprovedBy,
                Version = meeting.Version,
                Minutes = meeting.Minutes,
                Agenda = agenda,
                Attendees = attendees,
                Decisions = decisions,
                Actions = actions,
                Timeline = timeline,
                Today = UkTime.DateOf(now),
                CanEditAgenda = canEditAgenda,
                CanRecord = canRecord,
                RecordsLater = runs && !cancelled && !started,
                CanApprove = !cancelled && started && !approved && viewer.CanApproveMinutes(meeting.AreaId, meeting.ChairUserId),
                TaskGroups = groups,
                Owners = owners,
                ItemChoices = [new SelectListItem("The meeting as a whole", string.Empty), .. shown.Select(i => new SelectListItem(i.Numbered, ActionStore.Id(i.Id)))],
                IssueItemChoices =
                [
                    new SelectListItem("Choose an agenda item", string.Empty),
                    .. shown.Where(i => i.IssueReference is not null).Select(i => new SelectListItem($"{i.Order}. {i.IssueReference}: {i.IssueTitle}", ActionStore.Id(i.Id))),
                ],
            };
        }
    }
}
