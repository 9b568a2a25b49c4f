using AreaPartnerships.Domain.Meetings;

namespace AreaPartnerships.IntegrationTests.Meetings;

public sealed class RespondTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_invitee_accepts_from_the_meeting_page_and_the_meetings_version_does_not_move()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, invite: [world.People.PoliceUser]);
        var partner = app.ClientFor(world.People.PoliceUser.Id);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/meetings/{meeting.Id}";
        var editForm = await manager.GetDocumentAsync($"{url}/edit");
        Assert.NotNull((await partner.GetDocumentAsync(url)).QuerySelector("[data-testid=respond] input[name=Response][value=Accepted]"));

        var response = await partner.PostFormAsync(url, [new("Response", "Accepted")], $"{url}/response");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await MeetingWorld.StoredAsync(app, meeting.Id);
        Assert.Equal(InviteResponse.Accepted, stored.Attendees.Single().Response);
        Assert.Equal(meeting.Version, stored.Version);
        var page = await partner.GetDocumentAsync(url);
        Assert.Equal("You have accepted the invitation", MeetingWorld.Banner(page));
        Assert.NotNull(page.QuerySelector("input[name=Response][value=Accepted][checked]"));

        // A change form read before the reply still saves.
        var saved = await manager.PostFormAsync($"{url}/edit", EditMeetingTests.FieldsFrom(editForm, ("Title", "Renamed")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task A_reply_must_say_accept_or_decline()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, invite: [world.People.PoliceUser]);
        var partner = app.ClientFor(world.People.PoliceUser.Id);
        var url = $"/meetings/{meeting.Id}";

        var response = await partner.PostFormAsync(url, [], $"{url}/response");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Select whether you will attend", MeetingWorld.FieldError(await Html.ReadAsync(response), "Response"));
    }

    [Fact]
    public async Task Someone_who_sees_the_meeting_but_is_not_invited_has_no_reply_to_give()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/meetings/{meeting.Id}";
        Assert.Null((await manager.GetDocumentAsync(url)).QuerySelector("[data-testid=respond]"));

        var response = await manager.PostFormAsync(url, [new("Response", "Declined")], $"{url}/response");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_meeting_gets_not_found_for_a_reply()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var partner = app.ClientFor(world.People.CleansingUser.Id);

        var response = await MeetingWorld.PostFromHomeAsync(partner, $"/meetings/{meeting.Id}/response", [new("Response", "Accepted")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
