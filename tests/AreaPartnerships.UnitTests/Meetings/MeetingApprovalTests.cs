using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using static AreaPartnerships.UnitTests.Meetings.MeetingRecordMeetings;

namespace AreaPartnerships.UnitTests.Meetings;

public sealed class MeetingApprovalTests
{
    [Fact]
    public void Approving_records_who_and_when_once()
    {
        var meeting = Tasking();

        meeting.ApproveMinutes(Chair, After);

        Assert.Equal((After, (int?)Chair), (meeting.MinutesApprovedAt, meeting.MinutesApprovedById));
        Assert.True(meeting.MinutesApproved);
        Assert.Throws<DomainException>(() => meeting.ApproveMinutes(Manager, After));
    }

    [Fact]
    public void Approved_minutes_are_locked_for_those_who_may_not_amend_them()
    {
        var meeting = Tasking();
        meeting.RecordMinutes("Quorate.", new Dictionary<int, string?>(), false, null, Manager, During);
        meeting.ApproveMinutes(Chair, After);

        var minutes = Assert.Throws<DomainException>(() => meeting.RecordMinutes("Changed", new Dictionary<int, string?>(), canAmendApproved: false, "Because", Manager, After));
        var decision = Assert.Throws<DomainException>(() => meeting.RecordDecision(null, "Late", canAmendApproved: false, "Because", Manager, After));

        Assert.Equal(("AmendReason", "AmendReason"), (minutes.Field, decision.Field));
        Assert.Equal("Quorate.", meeting.Minutes);
    }

    [Fact]
    public void The_area_manager_changes_approved_minutes_only_with_a_reason_which_goes_on_the_timeline()
    {
        var meeting = Tasking();
        meeting.RecordMinutes("Quorate.", new Dictionary<int, string?>(), false, null, Manager, During);
        meeting.ApproveMinutes(Chair, After);

        var noReason = Assert.Throws<DomainException>(() => meeting.RecordMinutes("Quorate, with the police.", new Dictionary<int, string?>(), canAmendApproved: true, " ", Manager, After));
        meeting.RecordMinutes("Quorate, with the police.", new Dictionary<int, string?>(), canAmendApproved: true, "The police were left out", Manager, After);

        Assert.Equal("AmendReason", noReason.Field);
        Assert.Equal("Quorate, with the police.", meeting.Minutes);
        var change = Assert.Single(meeting.Events, e => e.Summary == "Approved minutes changed");
        Assert.Equal("The police were left out", change.Body);
    }

    [Fact]
    public void Once_the_minutes_are_approved_who_was_invited_is_part_of_the_record()
    {
        var meeting = Tasking();
        meeting.ApproveMinutes(Chair, After);

        var person = Assert.Throws<DomainException>(() => meeting.Invite(new Invitee(99, "Janet Moore", IsCouncillor: false), false, Manager, After));
        var guest = Assert.Throws<DomainException>(() => meeting.InviteGuest("Ruth Adeyemi", null, null, false, Manager, After));
        var cancel = Assert.Throws<DomainException>(() => meeting.Cancel("Too late", Manager, After));

        Assert.Equal(("UserId", "UserId", "CancellationReason"), (person.Field, guest.Field, cancel.Field));
        Assert.Empty(meeting.Attendees);
    }
}
