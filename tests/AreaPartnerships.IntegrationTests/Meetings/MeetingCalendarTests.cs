using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.Web.Features.Meetings;
using Ical.Net;

namespace AreaPartnerships.IntegrationTests.Meetings;

/// <summary>The .ics, read back with the library that wrote it (Ical.Net): one event, the same UID for every version, a higher sequence after a change, cancelled after a cancellation.</summary>
public sealed class MeetingCalendarTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_calendar_file_is_the_meeting_in_UTC_with_its_uid_sequence_title_place_and_page()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, title: "South Walsall tasking meeting");
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await client.GetAsync(new Uri($"/meetings/{meeting.Id}/calendar.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"meeting-{meeting.Id}.ics", response.Content.Headers.ContentDisposition!.FileName);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(("PUBLISH", MeetingCalendar.ProductId), (calendar.Method, calendar.ProductId));
        Assert.Equal((meeting.CalendarUid.ToString(), 0, "South Walsall tasking meeting", "Civic Centre"),
            (calendarEvent.Uid, calendarEvent.Sequence, calendarEvent.Summary, calendarEvent.Location));
        Assert.Equal(meeting.StartsAt, calendarEvent.DtStart!.AsUtc);
        Assert.Equal(meeting.EndsAt, calendarEvent.DtEnd!.AsUtc);
        Assert.True(calendarEvent.DtStart.IsUtc);
        Assert.EndsWith($"/meetings/{meeting.Id}", calendarEvent.Url!.ToString(), StringComparison.Ordinal);
        Assert.Equal("Level 2 issues in the area", calendarEvent.Description);
    }

    [Fact]
    public async Task After_a_change_of_time_the_same_event_has_a_higher_sequence_and_after_cancelling_it_is_cancelled()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var before = await LoadAsync(client, meeting.Id);

        var edit = $"/meetings/{meeting.Id}/edit";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(edit, EditMeetingTests.FieldsFrom(await client.GetDocumentAsync(edit), ("StartTime", "13:00"), ("EndTime", "14:30")))).StatusCode);
        var changed = await LoadAsync(client, meeting.Id);

        Assert.Equal(before.Events.Single().Uid, changed.Events.Single().Uid);
        Assert.True(changed.Events.Single().Sequence > before.Events.Single().Sequence);
        Assert.Equal(before.Events.Single().DtStart!.AsUtc.AddHours(3), changed.Events.Single().DtStart!.AsUtc);

        Assert.Equal(HttpStatusCode.Redirect, (await IssueWorld.PostWithVersionAsync(client, $"/meetings/{meeting.Id}/cancel", [new("CancellationReason", "Venue closed")])).StatusCode);
        var cancelled = await LoadAsync(client, meeting.Id);

        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal(before.Events.Single().Uid, cancelled.Events.Single().Uid);
        Assert.Equal("CANCELLED", cancelled.Events.Single().Status);
        Assert.True(cancelled.Events.Single().Sequence > changed.Events.Single().Sequence);
    }

    [Fact]
    public async Task The_purpose_of_a_confidential_meeting_stays_out_of_the_file_for_those_who_may_not_read_its_papers()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, confidential: true, invite: [world.People.CouncillorA1, world.People.PoliceUser]);

        foreach (var user in new[] { world.People.CouncillorA1, world.People.PoliceUser })
        {
            var calendar = await LoadAsync(app.ClientFor(user.Id), meeting.Id);
            Assert.Null(calendar.Events.Single().Description);
        }

        Assert.Equal("Level 2 issues in the area", (await LoadAsync(app.ClientFor(world.People.PartnershipManager.Id), meeting.Id)).Events.Single().Description);
    }

    private static async Task<Calendar> LoadAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync(new Uri($"/meetings/{id}/calendar.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }
}
