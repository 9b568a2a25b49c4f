using AreaPartnerships.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Admin;

public sealed class AreasAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Non_administrators_are_refused_the_areas_pages(string role)
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var organisation = await app.Data.CreateOrganisationAsync();
        var user = await app.Data.CreateUserAsync(role, areaIds: [area.Id], wardIds: [ward.Id], organisationId: organisation.Id);
        var client = app.ClientFor(user.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/areas", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/admin/areas/{area.Id}/edit", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await app.AnonymousClient().GetAsync(new Uri("/admin/areas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_adds_an_area_and_sees_it_listed()
    {
        var admin = await app.Data.CreateUserAsync(Roles.Administrator);
        var client = app.ClientFor(admin.Id);
        var name = TestData.Unique("Darlaston");

        var response = await client.PostFormAsync("/admin/areas/new", [new("Name", name)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetDocumentAsync("/admin/areas");
        Assert.Contains(name, list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Area “{name}” added", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_or_duplicate_name_is_refused_with_a_message_and_what_was_typed_kept()
    {
        var existing = await app.Data.CreateAreaAsync();
        var admin = await app.Data.CreateUserAsync(Roles.Administrator);
        var client = app.ClientFor(admin.Id);

        var blank = await client.PostFormAsync("/admin/areas/new", [new("Name", "  ")]);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Enter the area's name", Html.ErrorSummary(await Html.ReadAsync(blank)));

        var duplicate = await client.PostFormAsync("/admin/areas/new", [new("Name", existing.Name)]);
        var page = await Html.ReadAsync(duplicate);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("An area with this name already exists", Html.ErrorSummary(page));
        Assert.Equal(existing.Name, page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_with_a_conflict_message()
    {
        var area = await app.Data.CreateAreaAsync();
        var admin = await app.Data.CreateUserAsync(Roles.Administrator);
        var first = app.ClientFor(admin.Id);
        var second = app.ClientFor(admin.Id);
        var url = $"/admin/areas/{area.Id}/edit";

        // Both open the form and see the same version.
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);
        var version = secondForm.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(version, firstForm.QuerySelector("input[name=Version]")!.GetAttribute("value"));

        var saved = await first.PostFormAsync(url, [new("Name", area.Name + " North"), new("IsActive", "true"), new("Version", version)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await second.PostFormAsync(url, [new("Name", area.Name + " South"), new("IsActive", "true"), new("Version", version)]);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains("Someone else changed this area", StringComparison.Ordinal) && e.Contains(area.Name + " North", StringComparison.Ordinal));
        Assert.Equal(area.Name + " South", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        var stored = await app.WithDbAsync(db => db.Areas.AsNoTracking().SingleAsync(a => a.Id == area.Id));
        Assert.Equal(area.Name + " North", stored.Name);
    }
}
