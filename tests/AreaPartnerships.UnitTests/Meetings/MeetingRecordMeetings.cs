using AreaPartnerships.Domain.Meetings;

namespace AreaPartnerships.UnitTests.Meetings;

/// <summary>Meetings for the recording rules' tests: a tasking meeting of area 3 starting at <see cref="Start"/>.</summary>
internal static class MeetingRecordMeetings
{
    public const int Manager = 7;
    public const int Chair = 8;
    public static readonly DateTime Start = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Before = Start.AddDays(-1);
    public static readonly DateTime During = Start.AddMinutes(30);
    public static readonly DateTime After = Start.AddDays(1);

    public static Meeting Tasking(bool confidential = true) =>
        new(MeetingType.Tasking, "South Walsall tasking meeting", 3, null, null, new MeetingTime(Start, Start.AddHours(2)), "Council House", null, null,
            confidential, Chair, alreadyHappened: false, Manager, Before.AddDays(-7));

    /// <summary>Gives an item the id the database would (items compare by id).</summary>
    public static AgendaItem WithId(this AgendaItem item, int id)
    {
        typeof(AgendaItem).GetProperty(nameof(AgendaItem.Id))!.SetValue(item, id);
        return item;
    }
}
