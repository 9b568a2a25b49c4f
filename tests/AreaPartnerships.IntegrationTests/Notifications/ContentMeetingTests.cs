using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.IntegrationTests.Meetings;
using AreaPartnerships.Web.Infrastructure;
using static AreaPartnerships.IntegrationTests.Notifications.ContentWorld;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>Meeting invitations, changes and cancellations: who is told, what the e-mail says, and the calendar event attached.</summary>
public sealed class ContentMeetingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_invitation_is_emailed_with_the_meeting_calendar_request_attached()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var meeting = await world.Meetings.MeetingAsync(app, confidential: false, title: "Pleck tasking");
        var mark = await MarkAsync(app);

        var response = await app.ClientFor(people.AreaManagerA.Id).PostFormAsync($"/meetings/{meeting.Id}",
            [new("UserId", Id(people.PoliceUser.Id)), new("ConfirmCouncillor", "false")], $"/meetings/{meeting.Id}/invitees");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal((people.PoliceUser.Email, $"Invitation: Pleck tasking, {UkFormat.DateAndTime(meeting.StartsAt)}"), (message.ToAddress, message.Subject));
        Assert.Contains("at Civic Centre", message.Body, StringComparison.Ordinal);
        Assert.Contains(Link($"/meetings/{meeting.Id}"), message.Body, StringComparison.Ordinal);
        Assert.Equal($"meeting-{meeting.Id}.ics", message.AttachmentName);
        Assert.StartsWith("text/calendar", message.AttachmentType, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST", message.Attachment, StringComparison.Ordinal);
        Assert.Contains($"UID:{meeting.CalendarUid}", message.Attachment, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Pleck tasking", message.Attachment, StringComparison.Ordinal);
        Assert.Contains("Level 2 issues in the area", message.Attachment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_is_emailed_at_their_own_address()
    {
        var world = await CreateAsync(app);
        var meeting = await world.Meetings.MeetingAsync(app, confidential: false);
        var mark = await MarkAsync(app);

        var response = await app.ClientFor(world.People.AreaManagerA.Id).PostFormAsync($"/meetings/{meeting.Id}",
            [new("GuestName", "Sam Okafor"), new("GuestOrganisation", "Walsall Housing Group"), new("GuestEmail", "sam.okafor@example.com")], $"/meetings/{meeting.Id}/guests");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal(("sam.okafor@example.com", "Sam Okafor", (int?)null), (message.ToAddress, message.ToName, message.RecipientUserId));
        Assert.Contains("Dear Sam Okafor,", message.Body, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST", message.Attachment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_tells_every_invitee_but_the_person_who_made_it_each_by_their_choice()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var meeting = await world.Meetings.MeetingAsync(app, confidential: false, title: "Pleck tasking", invite: [people.PoliceUser, people.SupportOfficerA, people.AreaManagerA]);
        await SetPreferenceAsync(app, people.SupportOfficerA.Id, NotificationKind.MeetingChanged, Delivery.InDailyDigest);
        var mark = await MarkAsync(app);
        var client = app.ClientFor(people.AreaManagerA.Id);
        var url = $"/meetings/{meeting.Id}/edit";

        var response = await client.PostFormAsync(url, EditMeetingTests.FieldsFrom(await client.GetDocumentAsync(url), ("StartTime", "14:00"), ("EndTime", "15:00")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await MeetingWorld.StoredAsync(app, meeting.Id);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal((people.PoliceUser.Email, $"Changed: Pleck tasking, now {UkFormat.DateAndTime(stored.StartsAt)}"), (message.ToAddress, message.Subject));
        Assert.Contains("METHOD:REQUEST", message.Attachment, StringComparison.Ordinal);
        Assert.Contains($"SEQUENCE:{stored.CalendarSequence}", message.Attachment, StringComparison.Ordinal);
        Assert.Contains($"UID:{meeting.CalendarUid}", message.Attachment, StringComparison.Ordinal);

        var notifications = await NotificationsSinceAsync(app, mark);
        var change = Assert.Single(notifications, n => n.RecipientUserId is null);
        Assert.Equal((NotificationKind.MeetingChanged, NotificationState.Emailed), (change.Kind, change.State));
        var waiting = Assert.Single(notifications, n => n.RecipientUserId == people.SupportOfficerA.Id);
        Assert.Equal((NotificationKind.MeetingChanged, NotificationState.AwaitingDigest, meeting.Id), (waiting.Kind, waiting.State, waiting.MeetingId));
    }

    [Fact]
    public async Task A_cancellation_is_emailed_with_a_calendar_cancel_and_the_reason()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var meeting = await world.Meetings.MeetingAsync(app, confidential: false, title: "Pleck tasking", invite: [people.PoliceUser]);
        var mark = await MarkAsync(app);

        var response = await IssueWorld.PostWithVersionAsync(app.ClientFor(people.AreaManagerA.Id), $"/meetings/{meeting.Id}/cancel",
            [new("CancellationReason", "The venue is closed for repairs")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal((people.PoliceUser.Email, $"Cancelled: Pleck tasking, {UkFormat.DateAndTime(meeting.StartsAt)}"), (message.ToAddress, message.Subject));
        Assert.Contains("The reason given: The venue is closed for repairs", message.Body, StringComparison.Ordinal);
        Assert.Contains("METHOD:CANCEL", message.Attachment, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", message.Attachment, StringComparison.Ordinal);
        Assert.Contains($"UID:{meeting.CalendarUid}", message.Attachment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_meeting_invitation_is_neutral_and_its_calendar_event_has_neither_title_nor_purpose()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var meeting = await world.Meetings.MeetingAsync(app, confidential: true, title: "Operation Nightjar", purpose: "Gang activity around the park");
        var mark = await MarkAsync(app);

        await app.ClientFor(people.AreaManagerA.Id).PostFormAsync($"/meetings/{meeting.Id}",
            [new("UserId", Id(people.PoliceUser.Id)), new("ConfirmCouncillor", "false")], $"/meetings/{meeting.Id}/invitees");

        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal($"A meeting in {world.AreaAName} needs your attention", message.Subject);
        foreach (var secret in new[] { "Nightjar", "Gang activity" })
        {
            Assert.DoesNotContain(secret, message.Subject + message.Body + message.Attachment, StringComparison.Ordinal);
        }

        Assert.Contains("METHOD:REQUEST", message.Attachment, StringComparison.Ordinal);
        Assert.Contains($"UID:{meeting.CalendarUid}", message.Attachment, StringComparison.Ordinal);
        Assert.Contains(Link($"/notifications/{message.NotificationId}"), message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_switched_off_sends_nothing_and_says_why()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        await SetPreferenceAsync(app, people.PoliceUser.Id, NotificationKind.MeetingInvitation, Delivery.Off);
        var meeting = await world.Meetings.MeetingAsync(app, confidential: false);
        var mark = await MarkAsync(app);

        await app.ClientFor(people.AreaManagerA.Id).PostFormAsync($"/meetings/{meeting.Id}",
            [new("UserId", Id(people.PoliceUser.Id)), new("ConfirmCouncillor", "false")], $"/meetings/{meeting.Id}/invitees");

        Assert.Empty(await SentSinceAsync(app, mark));
        var notification = Assert.Single(await NotificationsSinceAsync(app, mark));
        Assert.Equal((NotificationState.Skipped, "Switched off by the person"), (notification.State, notification.Outcome));
    }

    [Fact]
    public async Task A_change_refused_as_a_conflict_writes_no_notification()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var meeting = await world.Meetings.MeetingAsync(app, confidential: false, invite: [people.PoliceUser]);
        var mark = await MarkAsync(app);
        var first = app.ClientFor(people.AreaManagerA.Id);
        var second = app.ClientFor(people.SupportOfficerA.Id);
        var url = $"/meetings/{meeting.Id}/edit";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, EditMeetingTests.FieldsFrom(firstForm, ("StartTime", "14:00"), ("EndTime", "15:00")))).StatusCode);
        var refused = await second.PostFormAsync(url, EditMeetingTests.FieldsFrom(secondForm, ("StartTime", "16:00"), ("EndTime", "17:00")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var notification = Assert.Single(await NotificationsSinceAsync(app, mark));
        Assert.Equal(NotificationKind.MeetingChanged, notification.Kind);
        Assert.Single(await SentSinceAsync(app, mark));
    }
}
