using AreaPartnerships.Domain.Identity;
using AreaPartnerships.IntegrationTests.Meetings;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>An invalid e-mail address on a user or a guest is refused where it is entered, by the product's one rule.</summary>
public sealed class ContentBadAddressTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("rita@walsall")]
    [InlineData("rita@walsall..gov.uk")]
    [InlineData("rita patel@walsall.gov.uk")]
    public async Task A_user_with_an_invalid_address_is_refused_at_the_field_with_the_rest_kept(string email)
    {
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var response = await admin.PostFormAsync("/admin/users/new",
        [
            new("DisplayName", "Rita Patel"), new("Email", email), new("JobTitle", "Area manager"),
            new("Role", Roles.PartnershipManager), new("OrganisationId", ""), new("Password", "a long memorable passphrase"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Enter an e-mail address in the correct format, like name@example.com", Html.FieldError(page, "Email"));
        Assert.Equal(("Rita Patel", email, "Area manager"), (
            page.QuerySelector("input[name=DisplayName]")!.GetAttribute("value"),
            page.QuerySelector("input[name=Email]")!.GetAttribute("value"),
            page.QuerySelector("input[name=JobTitle]")!.GetAttribute("value")));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == "Rita Patel")));
    }

    [Theory]
    [InlineData("sam@example..com")]
    [InlineData("sam@example")]
    [InlineData("sam@@example.com")]
    public async Task A_guest_with_an_invalid_address_is_refused_at_the_field_with_the_rest_kept(string email)
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var url = $"/meetings/{meeting.Id}";

        var response = await app.ClientFor(world.People.AreaManagerA.Id).PostFormAsync(url,
            [new("GuestName", "Sam Okafor"), new("GuestOrganisation", "Walsall Housing Group"), new("GuestEmail", email)], $"{url}/guests");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Enter an email address in the correct format, like name@example.com", Html.FieldError(page, "GuestEmail"));
        Assert.Equal(("Sam Okafor", "Walsall Housing Group", email), (
            page.QuerySelector("input[name=GuestName]")!.GetAttribute("value"),
            page.QuerySelector("input[name=GuestOrganisation]")!.GetAttribute("value"),
            page.QuerySelector("input[name=GuestEmail]")!.GetAttribute("value")));
        Assert.Empty((await MeetingWorld.StoredAsync(app, meeting.Id)).Attendees);
    }
}
