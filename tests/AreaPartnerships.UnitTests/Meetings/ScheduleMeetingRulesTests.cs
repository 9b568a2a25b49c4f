using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;

namespace AreaPartnerships.UnitTests.Meetings;

/// <summary>Scheduling, changing and cancelling a meeting: the rules on <see cref="Meeting"/>.</summary>
public sealed class ScheduleMeetingRulesTests
{
    internal const int Manager = 7;
    internal const int Area = 3;
    internal static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    internal static readonly MeetingTime NextWeek = new(Now.AddDays(7), Now.AddDays(7).AddHours(2));

    internal static Meeting Tasking(bool confidential = true, MeetingTime? time = null, bool alreadyHappened = false) =>
        new(MeetingType.Tasking, "South Walsall tasking meeting", Area, null, null, time ?? NextWeek, "Civic Centre", null, "Level 2 issues",
            confidential, null, alreadyHappened, Manager, Now);

    [Fact]
    public void A_scheduled_meeting_is_at_version_zero_of_its_calendar_event_with_a_scheduled_line_on_the_timeline()
    {
        var meeting = Tasking();

        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal(0, meeting.CalendarSequence);
        Assert.NotEqual(Guid.Empty, meeting.CalendarUid);
        Assert.Equal(["Meeting scheduled"], meeting.Events.Select(e => e.Summary));
    }

    [Fact]
    public void An_end_at_or_before_the_start_is_refused_on_the_end_time()
    {
        var ex = Assert.Throws<DomainException>(() => Tasking(time: new MeetingTime(NextWeek.StartsAt, NextWeek.StartsAt)));

        Assert.Equal("EndTime", ex.Field);
    }

    [Fact]
    public void A_start_in_the_past_is_refused_unless_the_meeting_is_being_recorded_after_it_happened()
    {
        var yesterday = new MeetingTime(Now.AddDays(-1), Now.AddDays(-1).AddHours(1));

        var ex = Assert.Throws<DomainException>(() => Tasking(time: yesterday));
        var recorded = Tasking(time: yesterday, alreadyHappened: true);

        Assert.Equal("StartDay", ex.Field);
        Assert.Equal(["Meeting recorded after it took place"], recorded.Events.Select(e => e.Summary));
    }

    [Fact]
    public void A_borough_meeting_has_no_area_and_an_area_meeting_needs_one()
    {
        var borough = Assert.Throws<DomainException>(() => new Meeting(MeetingType.OperationsGroup, "Operations Group meeting", Area, null, null, NextWeek, "Civic Centre", null, null, true, null, false, Manager, Now));
        var area = Assert.Throws<DomainException>(() => new Meeting(MeetingType.Tasking, "Tasking", null, null, null, NextWeek, "Civic Centre", null, null, true, null, false, Manager, Now));

        Assert.Equal(("AreaId", "AreaId"), (borough.Field, area.Field));
    }

    [Fact]
    public void A_task_group_meeting_names_its_group_and_a_community_meeting_its_ward()
    {
        var group = Assert.Throws<DomainException>(() => new Meeting(MeetingType.TaskGroup, "Group", Area, null, null, NextWeek, "Civic Centre", null, null, false, null, false, Manager, Now));
        var ward = Assert.Throws<DomainException>(() => new Meeting(MeetingType.Community, "Community", Area, null, null, NextWeek, "Civic Centre", null, null, false, null, false, Manager, Now));

        Assert.Equal(("TaskGroupId", "WardId"), (group.Field, ward.Field));
    }

    [Fact]
    public void A_meeting_needs_a_venue_or_an_https_link()
    {
        var none = Assert.Throws<DomainException>(() => new Meeting(MeetingType.Tasking, "Tasking", Area, null, null, NextWeek, " ", null, null, true, null, false, Manager, Now));
        var http = Assert.Throws<DomainException>(() => new Meeting(MeetingType.Tasking, "Tasking", Area, null, null, NextWeek, null, "http://example.com/meet", null, true, null, false, Manager, Now));

        Assert.Equal(("Venue", "OnlineLink"), (none.Field, http.Field));
    }

    [Theory]
    [InlineData(MeetingType.Partnership, true)]
    [InlineData(MeetingType.Tasking, true)]
    [InlineData(MeetingType.OperationsGroup, true)]
    [InlineData(MeetingType.BoroughManagementTeam, true)]
    [InlineData(MeetingType.TaskGroup, false)]
    [InlineData(MeetingType.Community, false)]
    [InlineData(MeetingType.ChairsAndViceChairs, false)]
    public void Partnership_tasking_and_borough_meetings_are_confidential_by_default(MeetingType type, bool confidential) =>
        Assert.Equal(confidential, Meeting.ConfidentialByDefault(type));

    [Fact]
    public void The_default_title_names_the_area_and_the_type()
    {
        Assert.Equal("South Walsall tasking meeting", Meeting.DefaultTitle(MeetingType.Tasking, "South Walsall"));
        Assert.Equal("Operations Group meeting", Meeting.DefaultTitle(MeetingType.OperationsGroup, null));
    }
}

/// <summary>Changing a meeting: a change of time or place moves the calendar event's sequence on; other changes do not.</summary>
public sealed class ChangeMeetingTests
{
    private static readonly DateTime Now = ScheduleMeetingRulesTests.Now;

    [Fact]
    public void A_new_time_moves_the_sequence_on_and_is_on_the_timeline()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking();
        var later = new MeetingTime(meeting.StartsAt.AddHours(1), meeting.EndsAt.AddHours(1));

        meeting.Change(meeting.Title, later, meeting.Venue, null, meeting.Purpose, true, null, 7, Now);

        Assert.Equal(1, meeting.CalendarSequence);
        Assert.Equal(later.StartsAt, meeting.StartsAt);
        Assert.Contains(meeting.Events, e => e.Summary == "Time changed");
    }

    [Fact]
    public void A_new_venue_moves_the_sequence_on()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking();

        meeting.Change(meeting.Title, new MeetingTime(meeting.StartsAt, meeting.EndsAt), "Darlaston Town Hall", null, meeting.Purpose, true, null, 7, Now);

        Assert.Equal(1, meeting.CalendarSequence);
        Assert.Contains(meeting.Events, e => e.Summary == "Place changed");
    }

    [Fact]
    public void A_change_of_purpose_or_confidentiality_alone_leaves_the_calendar_event_as_it_was()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking();

        meeting.Change(meeting.Title, new MeetingTime(meeting.StartsAt, meeting.EndsAt), meeting.Venue, null, "Something else", false, null, 7, Now);

        Assert.Equal(0, meeting.CalendarSequence);
        Assert.False(meeting.IsConfidential);
    }
}

/// <summary>Cancelling a meeting: a reason is needed, the calendar event is cancelled, and nothing changes afterwards.</summary>
public sealed class CancelMeetingTests
{
    private static readonly DateTime Now = ScheduleMeetingRulesTests.Now;

    [Fact]
    public void A_cancellation_needs_a_reason()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking();

        var ex = Assert.Throws<DomainException>(() => meeting.Cancel("  ", 7, Now));

        Assert.Equal("CancellationReason", ex.Field);
        Assert.False(meeting.IsCancelled);
    }

    [Fact]
    public void A_cancelled_meeting_keeps_its_reason_moves_its_sequence_on_and_can_no_longer_change()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking();

        meeting.Cancel("The venue is closed", 7, Now);

        Assert.Equal((MeetingStatus.Cancelled, "The venue is closed", 1), (meeting.Status, meeting.CancellationReason, meeting.CalendarSequence));
        Assert.Throws<DomainException>(() => meeting.Change("New", new MeetingTime(meeting.StartsAt, meeting.EndsAt), meeting.Venue, null, null, true, null, 7, Now));
        Assert.Throws<DomainException>(() => meeting.InviteGuest("Sam Guest", null, null, false, 7, Now));
    }
}

/// <summary>Inviting: an elected member invited to a confidential meeting needs confirming, and the confirmation is recorded.</summary>
public sealed class InviteCouncillorTests
{
    private static readonly DateTime Now = ScheduleMeetingRulesTests.Now;
    private static readonly Invitee Councillor = new(21, "Cllr Aisha Khan", IsCouncillor: true);

    [Fact]
    public void A_councillor_invited_to_a_confidential_meeting_without_confirming_is_refused_on_the_confirmation()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking(confidential: true);

        var ex = Assert.Throws<DomainException>(() => meeting.Invite(Councillor, confirmedCouncillor: false, 7, Now));

        Assert.Equal("ConfirmCouncillor", ex.Field);
        Assert.Empty(meeting.Attendees);
    }

    [Fact]
    public void A_confirmed_councillor_is_invited_and_the_timeline_records_the_confirmation_by_the_person_inviting()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking(confidential: true);

        meeting.Invite(Councillor, confirmedCouncillor: true, 7, Now);

        Assert.Single(meeting.Attendees, a => a.UserId == 21);
        var line = meeting.Events.Last();
        Assert.Equal(7, line.ActorId);
        Assert.Contains("confirmed", line.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_councillor_is_invited_to_a_meeting_that_is_not_confidential_without_confirming()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking(confidential: false);

        meeting.Invite(Councillor, confirmedCouncillor: false, 7, Now);

        Assert.Equal("Cllr Aisha Khan invited", meeting.Events.Last().Summary);
    }

    [Fact]
    public void A_guest_needs_a_name_and_a_well_formed_email()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking();

        var name = Assert.Throws<DomainException>(() => meeting.InviteGuest(" ", "Walsall Housing", null, false, 7, Now));
        var email = Assert.Throws<DomainException>(() => meeting.InviteGuest("Sam Guest", null, "sam.example.com", false, 7, Now));

        Assert.Equal(("GuestName", "GuestEmail"), (name.Field, email.Field));
    }

    [Fact]
    public void An_invitation_is_taken_back_only_before_the_meeting_starts()
    {
        var meeting = ScheduleMeetingRulesTests.Tasking();
        var guest = meeting.InviteGuest("Sam Guest", null, null, false, 7, Now);

        Assert.Throws<DomainException>(() => meeting.Uninvite(guest, "Sam Guest", 7, meeting.StartsAt.AddMinutes(1)));
        meeting.Uninvite(guest, "Sam Guest", 7, Now);

        Assert.Empty(meeting.Attendees);
    }

    [Fact]
    public void A_reply_is_accepted_or_declined_never_no_reply()
    {
        var attendee = new MeetingAttendee();

        Assert.Throws<DomainException>(() => Meeting.Respond(attendee, InviteResponse.NoReply));
        Meeting.Respond(attendee, InviteResponse.Declined);

        Assert.Equal(InviteResponse.Declined, attendee.Response);
    }
}
