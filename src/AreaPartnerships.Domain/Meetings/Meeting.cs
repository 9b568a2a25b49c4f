using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;

namespace AreaPartnerships.Domain.Meetings;

public enum MeetingType
{
    Partnership = 1,
    Tasking = 2,
    TaskGroup = 3,
    Community = 4,
    OperationsGroup = 5,
    BoroughManagementTeam = 6,
    ChairsAndViceChairs = 7,
}

public enum MeetingStatus
{
    Scheduled = 1,
    Cancelled = 2,
}

/// <summary>Whether an invitee came, recorded after the meeting starts.</summary>
public enum Attendance
{
    NotRecorded = 1,
    Attended = 2,
    Apologies = 3,
    Absent = 4,
}

/// <summary>An invitee's reply to the invitation.</summary>
public enum InviteResponse
{
    NoReply = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>When a meeting is: UTC instants (read from UK wall-clock times by <see cref="UkTime.ToUtc"/>).</summary>
public sealed record MeetingTime(DateTime StartsAt, DateTime EndsAt);

/// <summary>A person of the service being invited: who they are and whether they are an elected member.</summary>
public sealed record Invitee(int UserId, string Name, bool IsCouncillor);

/// <summary>
/// A partnership, tasking, task-group, community, chairs' or borough meeting. The area manager decides who
/// attends; a confidential meeting's papers are seen only by its attendees with a confidentiality agreement,
/// its area's managers and the partnership manager (the web layer's <c>MeetingAccess</c>). Every change goes
/// through a method here, which checks the rule and writes the meeting's timeline entry in the same step.
/// Once the minutes are approved, the record (attendance, minutes, decisions) is locked: only the area
/// manager may change it, giving a reason that goes on the timeline.
/// </summary>
public class Meeting : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int VenueMaxLength = 200;
    public const int OnlineLinkMaxLength = 500;
    public const int PurposeMaxLength = 2000;
    public const int MinutesMaxLength = 20000;
    public const int ReasonMaxLength = 1000;

    private readonly List<MeetingAttendee> _attendees = [];
    private readonly List<AgendaItem> _agendaItems = [];
    private readonly List<MeetingEvent> _events = [];

    /// <summary>
    /// Schedules a meeting. A start in the past is refused unless <paramref name="alreadyHappened"/> says the meeting
    /// is being recorded after the event.
    /// </summary>
    public Meeting(MeetingType type, string? title, int? areaId, int? wardId, int? taskGroupId, MeetingTime time, string? venue, string? onlineLink,
        string? purpose, bool isConfidential, int? chairUserId, bool alreadyHappened, int actorId, DateTime now)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainException("Select the type of meeting", nameof(Type));
        }

        if (IsBoroughType(type) ? areaId is not null : areaId is null)
        {
            throw new DomainException(IsBoroughType(type) ? "A borough meeting belongs to no area" : "Select the area", nameof(AreaId));
        }

        if (type == MeetingType.TaskGroup && taskGroupId is null)
        {
            throw new DomainException("Select the task group the meeting is for", nameof(TaskGroupId));
        }

        if (type == MeetingType.Community && wardId is null)
        {
            throw new DomainException("Select the ward the community meeting is for", nameof(WardId));
        }

        if (time.StartsAt < now && !alreadyHappened)
        {
            throw new DomainException("The meeting starts in the past: to record a meeting that has already happened, say so", "StartDay");
        }

        Type = type;
        AreaId = areaId;
        WardId = type == MeetingType.Community ? wardId : null;
        TaskGroupId = type == MeetingType.TaskGroup ? taskGroupId : null;
        Title = Guard.Required(title, "Enter the meeting's title", nameof(Title), TitleMaxLength);
        SetTime(time);
        (Venue, OnlineLink) = Place(venue, onlineLink);
        Purpose = Guard.Optional(purpose, nameof(Purpose), PurposeMaxLength);
        IsConfidential = isConfidential;
        ChairUserId = chairUserId;
        Status = MeetingStatus.Scheduled;
        CalendarUid = Guid.NewGuid();
        CalendarSequence = 0;
        CreatedById = actorId;
        CreatedAt = now;
        Record(actorId, now, alreadyHappened && time.StartsAt < now ? "Meeting recorded after it took place" : "Meeting scheduled");
    }

    private Meeting()
    {
        Title = null!;
    }

    public int Id { get; private set; }

    public MeetingType Type { get; private set; }

    public string Title { get; private set; }

    /// <summary>Null for the borough meetings (Operations Group, Borough Management Team).</summary>
    public int? AreaId { get; private set; }

    /// <summary>The ward of a community meeting.</summary>
    public int? WardId { get; private set; }

    /// <summary>The task group of a task-group meeting.</summary>
    public int? TaskGroupId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime EndsAt { get; private set; }

    public string? Venue { get; private set; }

    public string? OnlineLink { get; private set; }

    public string? Purpose { get; private set; }

    /// <summary>Papers seen only by attendees with a confidentiality agreement, the area's managers and the partnership manager.</summary>
    public bool IsConfidential { get; private set; }

    /// <summary>Who chairs the meeting (may approve its minutes).</summary>
    public int? ChairUserId { get; private set; }

    public MeetingStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>General minutes (those not under an agenda item).</summary>
    public string? Minutes { get; private set; }

    public DateTime? MinutesApprovedAt { get; private set; }

    public int? MinutesApprovedById { get; private set; }

    /// <summary>The calendar event's UID: the same for every version of the .ics.</summary>
    public Guid CalendarUid { get; private set; }

    /// <summary>The calendar event's SEQUENCE: moves on with every change of time or place, and with cancellation.</summary>
    public int CalendarSequence { get; private set; }

    public int CreatedById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyCollection<MeetingAttendee> Attendees => _attendees;

    public IReadOnlyCollection<AgendaItem> AgendaItems => _agendaItems;

    /// <summary>Timeline entries added in this unit of work (the stored timeline is read by query).</summary>
    public IReadOnlyCollection<MeetingEvent> Events => _events;

    public Guid Version { get; set; }

    public bool IsCancelled => Status == MeetingStatus.Cancelled;

    public bool MinutesApproved => MinutesApprovedAt is not null;

    public bool HasStarted(DateTime now) => StartsAt <= now;

    public static bool IsBoroughType(MeetingType type) => type is MeetingType.OperationsGroup or MeetingType.BoroughManagementTeam;

    /// <summary>Partnership and tasking meetings are confidential and exclude elected members by default; borough meetings take Level 3 and 4 issues.</summary>
    public static bool ConfidentialByDefault(MeetingType type) =>
        type is MeetingType.Partnership or MeetingType.Tasking or MeetingType.OperationsGroup or MeetingType.BoroughManagementTeam;

    public static string TypeName(MeetingType type) => type switch
    {
        MeetingType.Partnership => "Partnership",
        MeetingType.Tasking => "Tasking",
        MeetingType.TaskGroup => "Task group",
        MeetingType.Community => "Community",
        MeetingType.OperationsGroup => "Operations Group",
        MeetingType.BoroughManagementTeam => "Borough Management Team",
        MeetingType.ChairsAndViceChairs => "Chairs and vice-chairs",
        _ => type.ToString(),
    };

    /// <summary>The title a meeting gets when none is typed: "South Walsall tasking meeting", "Operations Group meeting".</summary>
    public static string DefaultTitle(MeetingType type, string? areaName) =>
        IsBoroughType(type) || areaName is null
            ? $"{TypeName(type)} meeting"
            : $"{areaName} {TypeName(type).ToLowerInvariant()} meeting";

    public static string AttendanceName(Attendance attendance) => attendance switch
    {
        Attendance.NotRecorded => "Not recorded",
        Attendance.Attended => "Attended",
        Attendance.Apologies => "Apologies",
        Attendance.Absent => "Absent",
        _ => attendance.ToString(),
    };

    public static string ResponseName(InviteResponse response) => response switch
    {
        InviteResponse.NoReply => "No reply",
        InviteResponse.Accepted => "Accepted",
        InviteResponse.Declined => "Declined",
        _ => response.ToString(),
    };

    /// <summary>How the meeting is named on issues' and groups' timelines: "the South Walsall tasking meeting, 3 December 2026".</summary>
    public string Describe() => $"the {Title}, {UkTime.Format(UkTime.DateOf(StartsAt))}";

    /// <summary>
    /// Changes the meeting's details. A change of time or place moves the calendar event's sequence on, so a
    /// calendar that imported the .ics updates the same event.
    /// </summary>
    public void Change(string? title, MeetingTime time, string? venue, string? onlineLink, string? purpose, bool isConfidential, int? chairUserId, int actorId, DateTime now)
    {
        EnsureNotCancelled();
        var newTitle = Guard.Required(title, "Enter the meeting's title", nameof(Title), TitleMaxLength);
        var (newVenue, newLink) = Place(venue, onlineLink);
        var newPurpose = Guard.Optional(purpose, nameof(Purpose), PurposeMaxLength);
        if (time.EndsAt <= time.StartsAt)
        {
            throw new DomainException("The end time must be after the start time", "EndTime");
        }

        if (time.StartsAt != StartsAt && time.StartsAt < now && !HasStarted(now))
        {
            throw new DomainException("The new start is in the past: choose a time still to come", "StartDay");
        }

        var calendarChanged = false;
        if (time != new MeetingTime(StartsAt, EndsAt))
        {
            Record(actorId, now, "Time changed", $"From {UkTime.Describe(StartsAt, EndsAt)} to {UkTime.Describe(time.StartsAt, time.EndsAt)}");
            SetTime(time);
            calendarChanged = true;
        }

        if (newVenue != Venue || newLink != OnlineLink)
        {
            Record(actorId, now, "Place changed", string.Join("; ", new[] { newVenue, newLink }.Where(s => s is not null)));
            (Venue, OnlineLink) = (newVenue, newLink);
            calendarChanged = true;
        }

        if (newTitle != Title)
        {
            Record(actorId, now, $"Renamed from ‘{Title}’ to ‘{newTitle}’");
            Title = newTitle;
            calendarChanged = true;
        }

        if (newPurpose != Purpose)
        {
            Record(actorId, now, "Purpose changed");
            Purpose = newPurpose;
        }

        if (isConfidential != IsConfidential)
        {
            if (!isConfidential && MinutesApproved)
            {
                throw new DomainException("The minutes are approved: the meeting's confidentiality can no longer change", nameof(IsConfidential));
            }

            Record(actorId, now, isConfidential ? "Marked confidential" : "No longer confidential");
            IsConfidential = isConfidential;
        }

        if (chairUserId != ChairUserId)
        {
            Record(actorId, now, "Chair changed");
            ChairUserId = chairUserId;
        }

        if (calendarChanged)
        {
            CalendarSequence++;
        }
    }

    /// <summary>Cancels the meeting: its papers are kept, it says it was cancelled, and the calendar event is cancelled.</summary>
    public void Cancel(string? reason, int actorId, DateTime now)
    {
        EnsureNotCancelled();
        if (MinutesApproved)
        {
            throw new DomainException("The meeting took place and its minutes are approved: it cannot be cancelled", nameof(CancellationReason));
        }

        CancellationReason = Guard.Required(reason, "Enter why the meeting is cancelled", nameof(CancellationReason), ReasonMaxLength);
        Status = MeetingStatus.Cancelled;
        CalendarSequence++;
        Record(actorId, now, "Meeting cancelled", CancellationReason);
    }

    /// <summary>
    /// Invites a person of the service. An elected member invited to a confidential meeting must be confirmed
    /// (they will still never see its papers); the confirmation is recorded with who made it.
    /// </summary>
    public MeetingAttendee Invite(Invitee invitee, bool confirmedCouncillor, int actorId, DateTime now)
    {
        EnsureInvitationsOpen();
        if (_attendees.Any(a => a.UserId == invitee.UserId))
        {
            throw new DomainException($"{invitee.Name} is already invited", "UserId");
        }

        if (invitee.IsCouncillor && IsConfidential && !confirmedCouncillor)
        {
            throw new DomainException(
                $"{invitee.Name} is an elected member and this meeting is confidential: confirm you want to invite them. They will not see its agenda, minutes or decisions.",
                "ConfirmCouncillor");
        }

        var attendee = new MeetingAttendee { MeetingId = Id, UserId = invitee.UserId, InvitedById = actorId, InvitedAt = now };
        _attendees.Add(attendee);
        Record(actorId, now, invitee.IsCouncillor && IsConfidential
            ? $"Councillor {invitee.Name} invited to this confidential meeting (confirmed by the person inviting)"
            : $"{invitee.Name} invited");
        return attendee;
    }

    /// <summary>Invites a named guest from outside the service; whether they have signed a confidentiality agreement is recorded.</summary>
    public MeetingAttendee InviteGuest(string? name, string? organisation, string? email, bool agreementOnRecord, int actorId, DateTime now)
    {
        EnsureInvitationsOpen();
        var guestName = Guard.Required(name, "Enter the guest's name", "GuestName", MeetingAttendee.NameMaxLength);
        var guestOrganisation = Guard.Optional(organisation, "GuestOrganisation", MeetingAttendee.NameMaxLength);
        var guestEmail = Guard.Optional(email, "GuestEmail", MeetingAttendee.EmailMaxLength);
        if (guestEmail is not null && !MeetingAttendee.LooksLikeEmail(guestEmail))
        {
            throw new DomainException("Enter an email address in the correct format, like name@example.com", "GuestEmail");
        }

        var attendee = new MeetingAttendee
        {
            MeetingId = Id,
            GuestName = guestName,
            GuestOrganisation = guestOrganisation,
            GuestEmail = guestEmail,
            ConfidentialityAgreementSigned = agreementOnRecord,
            InvitedById = actorId,
            InvitedAt = now,
        };
        _attendees.Add(attendee);
        Record(actorId, now, $"{guestName} invited as a guest{(guestOrganisation is null ? string.Empty : $" ({guestOrganisation})")}");
        return attendee;
    }

    /// <summary>Takes an invitation back, before the meeting starts.</summary>
    public void Uninvite(MeetingAttendee attendee, string name, int actorId, DateTime now)
    {
        EnsureNotCancelled();
        if (HasStarted(now))
        {
            throw new DomainException("The meeting has started: record the person's attendance instead", nameof(Attendees));
        }

        _attendees.Remove(attendee);
        Record(actorId, now, $"{name} no longer invited");
    }

    /// <summary>An invitee accepts or declines (their own reply; the meeting's version does not move: it is theirs alone).</summary>
    public static void Respond(MeetingAttendee attendee, InviteResponse response)
    {
        if (!Enum.IsDefined(response) || response == InviteResponse.NoReply)
        {
            throw new DomainException("Select whether you will attend", "Response");
        }

        attendee.Response = response;
    }

    /// <summary>Records who attended, sent apologies or was absent. Only once the meeting has started.</summary>
    public void RecordAttendance(IReadOnlyDictionary<long, Attendance> attendance, IReadOnlyDictionary<long, string> names, bool canAmendApproved, string? amendReason, int actorId, DateTime now)
    {
        EnsureRecordable(now, canAmendApproved, amendReason, actorId);
        var changes = new List<string>();
        foreach (var attendee in _attendees)
        {
            if (attendance.TryGetValue(attendee.Id, out var value) && value != attendee.Attendance)
            {
                if (!Enum.IsDefined(value))
                {
                    throw new DomainException("Select whether each person attended", $"Attendance[{attendee.Id}]");
                }

                attendee.Attendance = value;
                changes.Add($"{names.GetValueOrDefault(attendee.Id, "Someone")}: {AttendanceName(value).ToLowerInvariant()}");
            }
        }

        if (changes.Count > 0)
        {
            Record(actorId, now, "Attendance recorded", string.Join("; ", changes));
        }
    }

    /// <summary>
    /// Records the minutes: the general minutes and each agenda item's. Only once the meeting has started;
    /// after approval only by those who may amend approved minutes, with a reason.
    /// </summary>
    public void RecordMinutes(string? general, IReadOnlyDictionary<int, string?> perItem, bool canAmendApproved, string? amendReason, int actorId, DateTime now)
    {
        // Every value is checked before any is applied: a refused minute leaves the others as they were.
        var newGeneral = Guard.Optional(general, nameof(Minutes), MinutesMaxLength);
        var minutes = _agendaItems
            .Where(item => perItem.ContainsKey(item.Id))
            .Select(item => (Item: item, Minute: Guard.Optional(perItem[item.Id], $"Minute[{item.Id}]", AgendaItem.MinuteMaxLength)))
            .ToList();
        EnsureRecordable(now, canAmendApproved, amendReason, actorId);
        var changed = 0;
        if (newGeneral != Minutes)
        {
            Minutes = newGeneral;
            changed++;
        }

        foreach (var (item, minute) in minutes.Where(m => m.Minute != m.Item.Minute))
        {
            item.Minute = minute;
            changed++;
        }

        if (changed > 0)
        {
            Record(actorId, now, "Minutes recorded");
        }
    }

    /// <summary>Records a decision (append-only), under an agenda item or the meeting as a whole.</summary>
    public Decision RecordDecision(int? agendaItemId, string? text, bool canAmendApproved, string? amendReason, int actorId, DateTime now)
    {
        EnsureRecordable(now, canAmendApproved, amendReason, actorId);
        if (agendaItemId is { } itemId && _agendaItems.All(i => i.Id != itemId))
        {
            throw new DomainException("Choose an item from this meeting's agenda", "AgendaItemId");
        }

        var body = Guard.Required(text, "Enter the decision", "Text", Decision.TextMaxLength);
        Record(actorId, now, "Decision recorded", body);
        return new Decision(Id, agendaItemId, body, now, actorId);
    }

    /// <summary>Notes an action arising on the meeting's timeline (the action itself is a <c>PlanAction</c> with this meeting's id).</summary>
    public void RecordActionArising(string description, string owner, bool canAmendApproved, string? amendReason, int actorId, DateTime now)
    {
        EnsureRecordable(now, canAmendApproved, amendReason, actorId);
        Record(actorId, now, $"Action arising for {owner}", description);
    }

    /// <summary>Notes an update agreed on a linked issue on the meeting's timeline (the update itself goes on the issue's timeline).</summary>
    public void RecordIssueUpdate(string reference, bool canAmendApproved, string? amendReason, int actorId, DateTime now)
    {
        EnsureRecordable(now, canAmendApproved, amendReason, actorId);
        Record(actorId, now, $"Update agreed on issue {reference}");
    }

    /// <summary>Approves the minutes (the chair or the area manager): from now on the record is locked.</summary>
    public void ApproveMinutes(int actorId, DateTime now)
    {
        EnsureNotCancelled();
        if (!HasStarted(now))
        {
            throw new DomainException("The meeting has not started yet: its minutes cannot be approved", nameof(MinutesApprovedAt));
        }

        if (MinutesApproved)
        {
            throw new DomainException("The minutes are already approved", nameof(MinutesApprovedAt));
        }

        MinutesApprovedAt = now;
        MinutesApprovedById = actorId;
        Record(actorId, now, "Minutes approved");
    }

    /// <summary>Adds an agenda item at the end: free text, or linked to an issue or a task group.</summary>
    public AgendaItem AddAgendaItem(string? title, int? issueId, int? taskGroupId, int actorId, DateTime now)
    {
        EnsureNotCancelled();
        if (MinutesApproved)
        {
            throw new DomainException("The minutes are approved: the agenda can no longer change", nameof(AgendaItems));
        }

        if (issueId is not null && taskGroupId is not null)
        {
            throw new DomainException("Link the item to an issue or a task group, not both", "IssueReference");
        }

        if (issueId is { } issue && _agendaItems.Any(i => i.IssueId == issue))
        {
            throw new DomainException("That issue is already on the agenda", "IssueReference");
        }

        if (taskGroupId is { } group && _agendaItems.Any(i => i.TaskGroupId == group))
        {
            throw new DomainException("That task group is already on the agenda", "TaskGroupId");
        }

        var order = _agendaItems.Count == 0 ? 1 : _agendaItems.Max(i => i.Order) + 1;
        var item = new AgendaItem(Id, order, title) { IssueId = issueId, TaskGroupId = taskGroupId };
        _agendaItems.Add(item);
        Record(actorId, now, $"Agenda item {order} added: {item.Title}");
        return item;
    }

    /// <summary>Moves an agenda item up or down one place.</summary>
    public void MoveAgendaItem(int itemId, bool up, int actorId, DateTime now)
    {
        EnsureAgendaOpen();
        var ordered = _agendaItems.OrderBy(i => i.Order).ToList();
        var index = ordered.FindIndex(i => i.Id == itemId);
        if (index < 0)
        {
            throw new DomainException("That item is not on this meeting's agenda", nameof(AgendaItems));
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.Count)
        {
            return;
        }

        (ordered[index].Order, ordered[other].Order) = (ordered[other].Order, ordered[index].Order);
        Record(actorId, now, $"Agenda item ‘{ordered[index].Title}’ moved {(up ? "up" : "down")}");
    }

    /// <summary>Takes an item off the agenda, while nothing has been minuted or decided under it.</summary>
    public void RemoveAgendaItem(AgendaItem item, bool hasDecisions, int actorId, DateTime now)
    {
        EnsureAgendaOpen();
        if (item.Minute is not null || hasDecisions)
        {
            throw new DomainException("This item has minutes or decisions: it stays on the record", nameof(AgendaItems));
        }

        _agendaItems.Remove(item);
        var order = 1;
        foreach (var rest in _agendaItems.OrderBy(i => i.Order))
        {
            rest.Order = order++;
        }

        Record(actorId, now, $"Agenda item removed: {item.Title}");
    }

    /// <summary>Puts an entry on the meeting's timeline.</summary>
    public void Record(int actorId, DateTime at, string summary, string? body = null) =>
        _events.Add(new MeetingEvent(Id, actorId, at, summary) { Body = body });

    private void SetTime(MeetingTime time)
    {
        if (time.EndsAt <= time.StartsAt)
        {
            throw new DomainException("The end time must be after the start time", "EndTime");
        }

        if (time.EndsAt - time.StartsAt > TimeSpan.FromHours(24))
        {
            throw new DomainException("A meeting must end within 24 hours of its start", "EndTime");
        }

        StartsAt = time.StartsAt;
        EndsAt = time.EndsAt;
    }

    private static (string? Venue, string? OnlineLink) Place(string? venue, string? onlineLink)
    {
        var v = Guard.Optional(venue, nameof(Venue), VenueMaxLength);
        var link = Guard.Optional(onlineLink, nameof(OnlineLink), OnlineLinkMaxLength);
        if (v is null && link is null)
        {
            throw new DomainException("Enter the venue or an online meeting link", nameof(Venue));
        }

        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            throw new DomainException("Enter the online meeting link as a full web address starting https://", nameof(OnlineLink));
        }

        return (v, link);
    }

    private void EnsureNotCancelled()
    {
        if (IsCancelled)
        {
            throw new DomainException("This meeting was cancelled: it can no longer be changed", nameof(Status));
        }
    }

    /// <summary>Who was invited is part of the record: once the minutes are approved, nobody is added.</summary>
    private void EnsureInvitationsOpen()
    {
        EnsureNotCancelled();
        if (MinutesApproved)
        {
            throw new DomainException("The minutes are approved: who was invited is part of the record and can no longer change", "UserId");
        }
    }

    private void EnsureAgendaOpen()
    {
        EnsureNotCancelled();
        if (MinutesApproved)
        {
            throw new DomainException("The minutes are approved: the agenda can no longer change", nameof(AgendaItems));
        }
    }

    /// <summary>
    /// The record may be written: the meeting has started and is not cancelled; once the minutes are approved,
    /// only someone who may amend approved minutes may change it, and the reason goes on the timeline.
    /// </summary>
    private void EnsureRecordable(DateTime now, bool canAmendApproved, string? amendReason, int actorId)
    {
        EnsureNotCancelled();
        if (!HasStarted(now))
        {
            throw new DomainException($"The meeting starts at {UkTime.Describe(StartsAt, EndsAt)}: it cannot be recorded before it starts", nameof(StartsAt));
        }

        if (!MinutesApproved)
        {
            return;
        }

        if (!canAmendApproved)
        {
            throw new DomainException("The minutes are approved: only the area manager can change them, giving a reason", "AmendReason");
        }

        var reason = Guard.Required(amendReason, "The minutes are approved: enter why you are changing them", "AmendReason", ReasonMaxLength);
        Record(actorId, now, "Approved minutes changed", reason);
    }
}

/// <summary>Someone invited to a meeting: a user of the service, or a named guest.</summary>
public class MeetingAttendee
{
    public const int NameMaxLength = 150;
    public const int EmailMaxLength = 254;

    public long Id { get; set; }

    public int MeetingId { get; set; }

    public int? UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public string? GuestName { get; set; }

    public string? GuestOrganisation { get; set; }

    public string? GuestEmail { get; set; }

    public InviteResponse Response { get; set; } = InviteResponse.NoReply;

    public Attendance Attendance { get; set; } = Attendance.NotRecorded;

    /// <summary>For a guest: a confidentiality agreement is on record (a user's is read from their agreements).</summary>
    public bool ConfidentialityAgreementSigned { get; set; }

    public int? InvitedById { get; set; }

    public DateTime InvitedAt { get; set; }

    /// <summary>A guest's address: the product's one rule for an e-mail address (<see cref="Notifications.MailSettings.IsEmailAddress"/>).</summary>
    public static bool LooksLikeEmail(string value) => Notifications.MailSettings.IsEmailAddress(value);
}

/// <summary>An agenda item, linked to an issue or task group, with its minute.</summary>
public class AgendaItem
{
    public const int TitleMaxLength = 200;
    public const int MinuteMaxLength = 8000;

    public AgendaItem(int meetingId, int order, string? title)
    {
        MeetingId = meetingId;
        Order = order;
        Title = Guard.Required(title, "Enter the agenda item", nameof(Title), TitleMaxLength);
    }

    private AgendaItem()
    {
        Title = null!;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int Order { get; set; }

    public string Title { get; private set; }

    public int? IssueId { get; init; }

    public int? TaskGroupId { get; init; }

    public string? Minute { get; set; }
}

/// <summary>A decision taken at a meeting. Append-only.</summary>
public class Decision
{
    public const int TextMaxLength = 4000;

    public Decision(int meetingId, int? agendaItemId, string text, DateTime recordedAt, int recordedById)
    {
        MeetingId = meetingId;
        AgendaItemId = agendaItemId;
        Text = text;
        RecordedAt = recordedAt;
        RecordedById = recordedById;
    }

    public long Id { get; private set; }

    public int MeetingId { get; private set; }

    public int? AgendaItemId { get; private set; }

    public string Text { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public int RecordedById { get; private set; }
}

/// <summary>One entry on a meeting's timeline: who, when, what. Append-only; read by one range seek on (MeetingId, Id).</summary>
public class MeetingEvent
{
    public const int SummaryMaxLength = 500;

    public MeetingEvent(int meetingId, int actorId, DateTime occurredAt, string summary)
    {
        MeetingId = meetingId;
        ActorId = actorId;
        OccurredAt = occurredAt;
        Summary = summary.Length <= SummaryMaxLength ? summary : string.Concat(summary.AsSpan(0, SummaryMaxLength - 1), "…");
    }

    public long Id { get; private set; }

    public int MeetingId { get; private set; }

    public int ActorId { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string Summary { get; private set; }

    public string? Body { get; init; }
}
