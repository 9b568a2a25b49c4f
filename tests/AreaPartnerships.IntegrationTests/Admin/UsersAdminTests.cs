using System.Globalization;
using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Admin;

public sealed class UsersAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Non_administrators_are_refused_the_users_pages_and_actions(string role)
    {
        var (area, ward, organisation) = await ScopeAsync();
        var user = await app.Data.CreateUserAsync(role, areaIds: [area], wardIds: [ward], organisationId: organisation);
        var victim = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [ward]);
        var client = app.ClientFor(user.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/users", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/users/new", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/admin/users/{victim.Id}/edit", UriKind.Relative))).StatusCode);

        // A forged POST (the home page has a sign-out form, so a valid anti-forgery token) is refused too.
        var locked = await client.PostFormAsync("/", [], $"/admin/users/{victim.Id}/lock");
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == victim.Id).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task Administrator_creates_an_area_manager_who_can_then_sign_in_with_that_scope()
    {
        var (area, _, _) = await ScopeAsync();
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var email = $"{Guid.NewGuid():N}@walsall.test";

        var response = await admin.PostFormAsync("/admin/users/new",
        [
            new("DisplayName", "Rita Patel"), new("Email", email), new("JobTitle", "Area manager"),
            new("Role", Roles.AreaManager), new("AreaIds", area.ToString(CultureInfo.InvariantCulture)),
            new("OrganisationId", ""), new("Password", "a long memorable passphrase"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetDocumentAsync($"/admin/users?Q={Uri.EscapeDataString(email)}");
        Assert.Contains("Account for Rita Patel created", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector("tbody tr")!.TextContent;
        Assert.Contains("Area manager", row, StringComparison.Ordinal);

        var browser = app.BrowserLikeClient();
        var signIn = await browser.SignInThroughFormAsync(email, "a long memorable passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var areas = await app.WithDbAsync(db => db.UserAreas.Where(a => db.Users.Any(u => u.Id == a.UserId && u.Email == email)).Select(a => a.AreaId).ToListAsync());
        Assert.Equal([area], areas);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_per_field_and_what_was_typed_kept()
    {
        var existing = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var response = await admin.PostFormAsync("/admin/users/new",
        [
            new("DisplayName", "Rita Patel"), new("Email", existing.Email!), new("Role", Roles.Councillor),
            new("Password", "password1234"), new("JobTitle", "Councillor for somewhere"),
        ]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Html.ErrorSummary(page);
        Assert.Contains("Another account already uses this e-mail address", errors);
        Assert.Contains("Select at least one ward for a ward councillor", errors);
        Assert.Contains(errors, e => e.StartsWith("Choose a password that is harder to guess", StringComparison.Ordinal));
        Assert.Equal("Rita Patel", page.QuerySelector("input[name=DisplayName]")!.GetAttribute("value"));
        Assert.Equal("Councillor for somewhere", page.QuerySelector("input[name=JobTitle]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"input[name=Role][value={Roles.Councillor}][checked]"));
        Assert.Null(page.QuerySelector("input[name=Password]")!.GetAttribute("value"));

        var shortPassword = await admin.PostFormAsync("/admin/users/new",
            [new("DisplayName", "Sam"), new("Email", "not-an-email"), new("Role", Roles.PartnerUser), new("Password", "short")]);
        var shortErrors = Html.ErrorSummary(await Html.ReadAsync(shortPassword));
        Assert.Contains("Enter an e-mail address in the correct format, like name@example.com", shortErrors);
        Assert.Contains("Select the partner user's organisation", shortErrors);
        Assert.Contains(shortErrors, e => e.Contains("12 characters", StringComparison.Ordinal));

        var noRole = await admin.PostFormAsync("/admin/users/new", [new("DisplayName", ""), new("Email", ""), new("Role", "Emperor"), new("AreaIds", "abc")]);
        var noRoleErrors = Html.ErrorSummary(await Html.ReadAsync(noRole));
        Assert.Equal(HttpStatusCode.BadRequest, noRole.StatusCode);
        Assert.Contains("Enter the person's name", noRoleErrors);
        Assert.Contains("Select a role", noRoleErrors);
        Assert.Contains("Enter a password for the new account", noRoleErrors);
    }

    [Fact]
    public async Task Changing_role_moves_scope_and_ends_the_persons_sessions()
    {
        var (area, ward, _) = await ScopeAsync();
        var person = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area]);
        var stampBefore = person.SecurityStamp;
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var url = $"/admin/users/{person.Id}/edit";
        var form = await admin.GetDocumentAsync(url);

        var response = await admin.PostFormAsync(url,
        [
            new("DisplayName", person.DisplayName), new("Email", person.Email!), new("Role", Roles.Councillor),
            new("AreaIds", area.ToString(CultureInfo.InvariantCulture)), new("WardIds", ward.ToString(CultureInfo.InvariantCulture)),
            new("Version", form.QuerySelector("input[name=Version]")!.GetAttribute("value")!),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = (await users.FindByIdAsync(person.Id.ToString(CultureInfo.InvariantCulture)))!;
        Assert.Equal([Roles.Councillor], await users.GetRolesAsync(stored));
        Assert.NotEqual(stampBefore, stored.SecurityStamp);
        var scopes = await app.WithDbAsync(async db => (
            await db.UserAreas.CountAsync(a => a.UserId == person.Id),
            await db.UserWards.Where(w => w.UserId == person.Id).Select(w => w.WardId).ToListAsync()));
        Assert.Equal(0, scopes.Item1);
        Assert.Equal([ward], scopes.Item2);
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_with_a_conflict_message()
    {
        var person = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var adminId = (await app.Data.CreateUserAsync(Roles.Administrator)).Id;
        var first = app.ClientFor(adminId);
        var second = app.ClientFor(adminId);
        var url = $"/admin/users/{person.Id}/edit";
        var version = (await first.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        KeyValuePair<string, string>[] Fields(string name) =>
            [new("DisplayName", name), new("Email", person.Email!), new("Role", Roles.PartnershipManager), new("Version", version)];

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, Fields("Helen First"))).StatusCode);
        var refused = await second.PostFormAsync(url, Fields("Helen Second"));
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains("Someone else changed this account", StringComparison.Ordinal) && e.Contains("Helen First", StringComparison.Ordinal));
        Assert.Equal("Helen Second", page.QuerySelector("input[name=DisplayName]")!.GetAttribute("value"));
        Assert.Equal("Helen First", await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.DisplayName).SingleAsync()));

        // Saving again, deliberately, with the new version now works.
        var newVersion = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var again = await second.PostFormAsync(url,
            [new("DisplayName", "Helen Second"), new("Email", person.Email!), new("Role", Roles.PartnershipManager), new("Version", newVersion)]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Locked_account_cannot_sign_in_until_unlocked()
    {
        var person = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var editUrl = $"/admin/users/{person.Id}/edit";

        var locked = await admin.PostFormAsync(editUrl, [], $"/admin/users/{person.Id}/lock");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var page = await admin.GetDocumentAsync(editUrl);
        Assert.Contains("is locked", page.QuerySelector("[data-testid=account-status]")!.TextContent, StringComparison.Ordinal);
        var refused = await app.BrowserLikeClient().SignInThroughFormAsync(person.Email!, TestData.Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var lockedList = await admin.GetDocumentAsync($"/admin/users?Status=Locked&Q={Uri.EscapeDataString(person.Email!)}");
        Assert.Single(lockedList.QuerySelectorAll("tbody tr"));

        var unlocked = await admin.PostFormAsync(editUrl, [], $"/admin/users/{person.Id}/unlock");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var signedIn = await app.BrowserLikeClient().SignInThroughFormAsync(person.Email!, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Administrator_cannot_lock_themselves_or_drop_their_own_administrator_role()
    {
        var self = await app.Data.CreateUserAsync(Roles.Administrator);
        var client = app.ClientFor(self.Id);
        var url = $"/admin/users/{self.Id}/edit";

        await client.PostFormAsync(url, [], $"/admin/users/{self.Id}/lock");
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == self.Id).Select(u => u.IsDisabled).SingleAsync()));
        Assert.Contains("You cannot lock your own account", (await client.GetDocumentAsync(url)).Body!.TextContent, StringComparison.Ordinal);

        var version = (await client.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var demoted = await client.PostFormAsync(url,
            [new("DisplayName", self.DisplayName), new("Email", self.Email!), new("Role", Roles.PartnershipManager), new("Version", version)]);
        Assert.Equal(HttpStatusCode.BadRequest, demoted.StatusCode);
        Assert.Contains("You cannot take away your own administrator role: ask another administrator", Html.ErrorSummary(await Html.ReadAsync(demoted)));
    }

    [Fact]
    public async Task List_filters_by_role_area_and_organisation_and_pages_by_25()
    {
        var (area, ward, organisation) = await ScopeAsync();
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area]);
        var councillor = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [ward]);
        var partner = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: organisation);

        var inArea = await admin.GetDocumentAsync($"/admin/users?AreaId={area}");
        var areaText = inArea.QuerySelector("tbody")!.TextContent;
        Assert.Contains(manager.DisplayName, areaText, StringComparison.Ordinal);
        Assert.Contains(councillor.DisplayName, areaText, StringComparison.Ordinal);
        Assert.DoesNotContain(partner.DisplayName, areaText, StringComparison.Ordinal);

        var inOrganisation = await admin.GetDocumentAsync($"/admin/users?OrganisationId={organisation}&Role={Roles.PartnerUser}");
        Assert.Equal(partner.DisplayName, inOrganisation.QuerySelector("tbody td")!.FirstChild!.TextContent.Trim());
        Assert.Single(inOrganisation.QuerySelectorAll("tbody tr"));

        for (var i = 0; i < 26; i++)
        {
            await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: organisation, password: null);
        }

        var first = await admin.GetDocumentAsync($"/admin/users?OrganisationId={organisation}");
        Assert.Equal(25, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("27 users", first.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        var second = await admin.GetDocumentAsync($"/admin/users?OrganisationId={organisation}&page=2");
        Assert.Equal(2, second.QuerySelectorAll("tbody tr").Length);

        var nothing = await admin.GetDocumentAsync("/admin/users?Q=nobody-is-called-this&AreaId=abc");
        Assert.Equal("No users match these filters.", nothing.QuerySelector("[data-testid=no-users]")!.TextContent);
    }

    private async Task<(int Area, int Ward, int Organisation)> ScopeAsync()
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var organisation = await app.Data.CreateOrganisationAsync();
        return (area.Id, ward.Id, organisation.Id);
    }
}
