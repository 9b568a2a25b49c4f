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
}

public enum Attendance
{
    Invited = 1,
    Attended = 2,
    Apologies = 3,
}

/// <summary>
/// A partnership, tasking, task-group, community or borough meeting. The area manager decides who
/// attends; a confidential meeting's papers are seen only by attendees with a confidentiality agreement.
/// </summary>
public class Meeting : IVersioned
{
    private readonly List<MeetingAttendee> _attendees = [];
    private readonly List<AgendaItem> _agendaItems = [];

    public Meeting(MeetingType type, string title, DateTime startsAt, int? areaId, int? wardId, int? taskGroupId)
    {
        Type = type;
        Title = Guard.Required(title, "Enter the meeting's title", nameof(Title), 200);
        StartsAt = startsAt;
        AreaId = areaId;
        WardId = wardId;
        TaskGroupId = taskGroupId;
    }

    private Meeting()
    {
        Title = null!;
    }

    public int Id { get; private set; }

    public MeetingType Type { get; private set; }

    public string Title { get; private set; }

    public int? AreaId { get; private set; }

    public int? WardId { get; private set; }

    public int? TaskGroupId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }

    public string? Venue { get; set; }

    public bool IsConfidential { get; set; }

    public string? Minutes { get; set; }

    public IReadOnlyCollection<MeetingAttendee> Attendees => _attendees;

    public IReadOnlyCollection<AgendaItem> AgendaItems => _agendaItems;

    public Guid Version { get; set; }
}

/// <summary>Someone invited to a meeting: a user of the service, or a named guest.</summary>
public class MeetingAttendee
{
    public long Id { get; set; }

    public int MeetingId { get; set; }

    public int? UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public string? GuestName { get; set; }

    public string? GuestOrganisation { get; set; }

    public Attendance Attendance { get; set; } = Attendance.Invited;

    public bool ConfidentialityAgreementSigned { get; set; }
}

/// <summary>An agenda item, linked to an issue or task group, with its minute and decisions.</summary>
public class AgendaItem : IVersioned
{
    public AgendaItem(int meetingId, int order, string title)
    {
        MeetingId = meetingId;
        Order = order;
        Title = Guard.Required(title, "Enter the agenda item", nameof(Title), 200);
    }

    private AgendaItem()
    {
        Title = null!;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int Order { get; set; }

    public string Title { get; private set; }

    public int? IssueId { get; set; }

    public int? TaskGroupId { get; set; }

    public string? Minute { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A decision taken at a meeting. Append-only.</summary>
public class Decision
{
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
