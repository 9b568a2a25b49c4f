using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using static AreaPartnerships.UnitTests.Meetings.MeetingRecordMeetings;

namespace AreaPartnerships.UnitTests.Meetings;

public sealed class MeetingRecordingTests
{
    [Fact]
    public void Nothing_is_recorded_before_the_meeting_starts()
    {
        var meeting = Tasking();
        var item = meeting.AddAgendaItem("A", null, null, Manager, Before).WithId(1);

        Assert.Equal(nameof(Meeting.StartsAt), Assert.Throws<DomainException>(() => meeting.RecordMinutes("Early", new Dictionary<int, string?>(), false, null, Manager, Before)).Field);
        Assert.Throws<DomainException>(() => meeting.RecordDecision(item.Id, "Early", false, null, Manager, Before));
        Assert.Throws<DomainException>(() => meeting.RecordAttendance(new Dictionary<long, Attendance>(), new Dictionary<long, string>(), false, null, Manager, Before));
        Assert.Throws<DomainException>(() => meeting.RecordActionArising("Visit", "PC Smith", false, null, Manager, Before));
        Assert.Throws<DomainException>(() => meeting.ApproveMinutes(Chair, Before));
        Assert.Null(meeting.Minutes);
    }

    [Fact]
    public void Minutes_are_recorded_from_the_start_with_one_timeline_entry_and_an_over_long_minute_is_refused_on_its_field()
    {
        var meeting = Tasking();
        var item = meeting.AddAgendaItem("A", null, null, Manager, Before).WithId(4);
        var before = meeting.Events.Count;

        meeting.RecordMinutes("Quorate.", new Dictionary<int, string?> { [item.Id] = "Police to patrol" }, false, null, Manager, During);
        var error = Assert.Throws<DomainException>(() =>
            meeting.RecordMinutes(null, new Dictionary<int, string?> { [item.Id] = new string('x', AgendaItem.MinuteMaxLength + 1) }, false, null, Manager, During));

        Assert.Equal(("Quorate.", "Police to patrol"), (meeting.Minutes, item.Minute));
        Assert.Equal("Minutes recorded", Assert.Single(meeting.Events.Skip(before)).Summary);
        Assert.Equal("Minute[4]", error.Field);
    }

    [Fact]
    public void A_decision_is_appended_under_an_item_of_this_agenda_or_the_meeting()
    {
        var meeting = Tasking();
        var item = meeting.AddAgendaItem("A", null, null, Manager, Before).WithId(2);

        var underItem = meeting.RecordDecision(item.Id, " Close the alley ", false, null, Manager, During);
        var general = meeting.RecordDecision(null, "Meet monthly", false, null, Manager, During);

        Assert.Equal(("Close the alley", (int?)2), (underItem.Text, underItem.AgendaItemId));
        Assert.Null(general.AgendaItemId);
        Assert.Equal("AgendaItemId", Assert.Throws<DomainException>(() => meeting.RecordDecision(99, "Elsewhere", false, null, Manager, During)).Field);
        Assert.Equal("Text", Assert.Throws<DomainException>(() => meeting.RecordDecision(null, " ", false, null, Manager, During)).Field);
        Assert.Equal(2, meeting.Events.Count(e => e.Summary == "Decision recorded"));
    }

    [Fact]
    public void A_cancelled_meeting_is_not_recorded()
    {
        var meeting = Tasking();
        meeting.Cancel("The venue flooded", Manager, Before);

        Assert.Equal(nameof(Meeting.Status), Assert.Throws<DomainException>(() => meeting.RecordMinutes("Met anyway", new Dictionary<int, string?>(), false, null, Manager, During)).Field);
    }
}
