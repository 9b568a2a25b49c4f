using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Meetings;

public sealed class InviteTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_area_manager_invites_a_partner_who_is_shown_with_their_organisation_reply_and_agreement()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/meetings/{meeting.Id}";
        Assert.NotNull((await client.GetDocumentAsync(url)).QuerySelector($"#UserId option[value='{world.People.PoliceUser.Id}']"));

        var response = await client.PostFormAsync(url, [new("UserId", MeetingWorld.Id(world.People.PoliceUser.Id)), new("ConfirmCouncillor", "false")], $"{url}/invitees");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await MeetingWorld.FailureAsync(response));
        var page = await client.GetDocumentAsync(url);
        Assert.Equal($"{world.People.PoliceUser.DisplayName} invited", MeetingWorld.Banner(page));
        var row = Row(page, world.People.PoliceUser.DisplayName);
        Assert.Equal((world.People.Police.Name, "No reply", "No"), (Cell(row, "organisation"), Cell(row, "response"), Cell(row, "agreement")));
        Assert.Null(page.QuerySelector($"#UserId option[value='{world.People.PoliceUser.Id}']"));

        await IssueWorld.RecordAgreementAsync(app, world.People.PoliceUser.Id, world.People.AreaManagerA.Id);
        Assert.Equal("Yes", Cell(Row(await client.GetDocumentAsync(url), world.People.PoliceUser.DisplayName), "agreement"));
    }

    [Fact]
    public async Task Officers_are_shown_as_bound_by_their_own_terms_and_guests_by_their_recorded_agreement()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, invite: [world.People.SupportOfficerA]);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/meetings/{meeting.Id}";

        var response = await client.PostFormAsync(url,
            [new("GuestName", "Sam Okafor"), new("GuestOrganisation", "Walsall Housing Group"), new("GuestEmail", "sam.okafor@example.com"), new("GuestAgreement", "true")], $"{url}/guests");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await MeetingWorld.FailureAsync(response));
        var page = await client.GetDocumentAsync(url);
        Assert.Equal("Sam Okafor invited as a guest", MeetingWorld.Banner(page));
        Assert.Equal(("Walsall Housing Group", "Yes"), (Cell(Row(page, "Sam Okafor"), "organisation"), Cell(Row(page, "Sam Okafor"), "agreement")));
        Assert.Equal(("Support officer", "Council officer"), (Cell(Row(page, world.People.SupportOfficerA.DisplayName), "organisation"), Cell(Row(page, world.People.SupportOfficerA.DisplayName), "agreement")));
        var guest = (await MeetingWorld.StoredAsync(app, meeting.Id)).Attendees.Single(a => a.UserId is null);
        Assert.Equal(("Sam Okafor", "sam.okafor@example.com", true), (guest.GuestName, guest.GuestEmail, guest.ConfidentialityAgreementSigned));
    }

    [Theory]
    [InlineData("", "sam@example.com", "GuestName", "Enter the guest's name")]
    [InlineData("Sam Okafor", "sam.example.com", "GuestEmail", "Enter an email address in the correct format, like name@example.com")]
    public async Task A_guest_without_a_name_or_with_a_bad_email_is_refused_on_the_field_with_what_was_typed_kept(string name, string email, string field, string message)
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/meetings/{meeting.Id}";

        var response = await client.PostFormAsync(url, [new("GuestName", name), new("GuestOrganisation", "Walsall Housing Group"), new("GuestEmail", email)], $"{url}/guests");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(message, MeetingWorld.FieldError(page, field));
        Assert.Equal((name, "Walsall Housing Group", email), (
            page.QuerySelector("input[name=GuestName]")!.GetAttribute("value") ?? "",
            page.QuerySelector("input[name=GuestOrganisation]")!.GetAttribute("value"),
            page.QuerySelector("input[name=GuestEmail]")!.GetAttribute("value") ?? ""));
        Assert.Empty((await MeetingWorld.StoredAsync(app, meeting.Id)).Attendees);
    }

    [Fact]
    public async Task Inviting_a_councillor_to_a_confidential_meeting_warns_and_needs_confirming_and_the_timeline_records_who_confirmed()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, confidential: true);
        var manager = world.People.AreaManagerA;
        var client = app.ClientFor(manager.Id);
        var url = $"/meetings/{meeting.Id}";
        var councillor = MeetingWorld.Id(world.People.CouncillorA1.Id);

        var first = await client.PostFormAsync(url, [new("UserId", councillor), new("ConfirmCouncillor", "false")], $"{url}/invitees");

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var page = await Html.ReadAsync(first);
        Assert.Contains("is an elected member and this meeting is confidential", MeetingWorld.FieldError(page, "ConfirmCouncillor"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=councillor-warning]"));
        Assert.NotNull(page.QuerySelector($"#UserId option[value='{councillor}'][selected]"));
        Assert.Equal("Confirm: invite this councillor anyway", MeetingWorld.Text(page.QuerySelector("label[for=ConfirmCouncillor]")!.TextContent));
        Assert.Empty((await MeetingWorld.StoredAsync(app, meeting.Id)).Attendees);

        var second = await client.PostFormAsync(url, [new("UserId", councillor), new("ConfirmCouncillor", "true"), new("ConfirmCouncillor", "false")], $"{url}/invitees");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Single((await MeetingWorld.StoredAsync(app, meeting.Id)).Attendees, a => a.UserId == world.People.CouncillorA1.Id);
        var line = (await MeetingWorld.EventsAsync(app, meeting.Id)).Last();
        Assert.Equal(manager.Id, line.ActorId);
        Assert.Equal($"Councillor {world.People.CouncillorA1.DisplayName} invited to this confidential meeting (confirmed by the person inviting)", line.Summary);
    }

    [Fact]
    public async Task A_councillor_is_invited_to_a_meeting_that_is_not_confidential_without_confirming()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, type: MeetingType.Partnership, confidential: false);
        var client = app.ClientFor(world.People.SupportOfficerA.Id);
        var url = $"/meetings/{meeting.Id}";

        var response = await client.PostFormAsync(url, [new("UserId", MeetingWorld.Id(world.People.CouncillorA1.Id))], $"{url}/invitees");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task An_invitation_is_taken_back_before_the_meeting_and_the_remove_button_is_gone_once_it_has_started()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, invite: [world.People.PoliceUser]);
        var past = await world.MeetingAsync(app, on: MeetingWorld.Today.AddDays(-2), invite: [world.People.PoliceUser]);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var attendee = (await MeetingWorld.StoredAsync(app, meeting.Id)).Attendees.Single();

        var response = await client.PostFormAsync($"/meetings/{meeting.Id}", [], $"/meetings/{meeting.Id}/invitees/{attendee.Id}/remove");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty((await MeetingWorld.StoredAsync(app, meeting.Id)).Attendees);
        Assert.Equal($"{world.People.PoliceUser.DisplayName} no longer invited", (await MeetingWorld.EventsAsync(app, meeting.Id)).Last().Summary);
        Assert.Empty((await client.GetDocumentAsync($"/meetings/{past.Id}")).QuerySelectorAll("form[action$='/remove']"));
    }

    [Fact]
    public async Task Someone_who_sees_the_meeting_but_does_not_run_it_may_not_invite_and_gets_no_invite_form()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, invite: [world.People.PoliceUser]);
        var client = app.ClientFor(world.People.PoliceUser.Id);
        var url = $"/meetings/{meeting.Id}";
        Assert.Null((await client.GetDocumentAsync(url)).QuerySelector("[data-testid=invite-person]"));

        var person = await client.PostFormAsync(url, [new("UserId", MeetingWorld.Id(world.People.CleansingUser.Id))], $"{url}/invitees");
        var guest = await client.PostFormAsync(url, [new("GuestName", "Sam Okafor")], $"{url}/guests");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (person.StatusCode, guest.StatusCode));
        Assert.Single((await MeetingWorld.StoredAsync(app, meeting.Id)).Attendees);
    }

    private static AngleSharp.Dom.IElement Row(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelectorAll("[data-testid=invitees] tbody tr").Single(tr => MeetingWorld.Text(tr.QuerySelector("[data-testid=name]")!.TextContent) == name);

    private static string Cell(AngleSharp.Dom.IElement row, string testId) => MeetingWorld.Text(row.QuerySelector($"[data-testid={testId}]")!.TextContent);
}
