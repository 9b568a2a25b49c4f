using AreaPartnerships.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Admin;

public sealed class OrganisationsAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Non_administrators_are_refused_the_organisations_pages(string role)
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var organisation = await app.Data.CreateOrganisationAsync();
        var client = app.ClientFor((await app.Data.CreateUserAsync(role, areaIds: [area.Id], wardIds: [ward.Id], organisationId: organisation.Id)).Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/organisations", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/admin/organisations/{organisation.Id}/edit", UriKind.Relative))).StatusCode);
        var forged = await client.PostFormAsync("/", [new("Name", "Renamed"), new("Kind", "Police")], "/admin/organisations/new");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "Renamed")));
    }

    [Fact]
    public async Task Administrator_adds_a_front_line_service_and_sees_its_contact_and_people()
    {
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var name = TestData.Unique("Street Cleansing");

        var response = await client.PostFormAsync("/admin/organisations/new",
        [
            new("Name", name), new("Kind", "CouncilService"), new("IsFrontLineService", "true"),
            new("FrontLineContact", "Report it at walsall.gov.uk/report"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
        await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: id);
        var list = await client.GetDocumentAsync("/admin/organisations");
        Assert.Contains($"Organisation “{name}” added", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Council service", "Report it at walsall.gov.uk/report", "1"], cells.Skip(1).Take(3));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_and_what_was_typed_kept()
    {
        var existing = await app.Data.CreateOrganisationAsync();
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var noContact = await client.PostFormAsync("/admin/organisations/new",
            [new("Name", "Highways North"), new("IsFrontLineService", "true"), new("FrontLineContact", "")]);
        var page = await Html.ReadAsync(noContact);
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        Assert.Contains("Enter how to contact the front-line service", Html.ErrorSummary(page));
        Assert.Contains("Select the kind of organisation", Html.ErrorSummary(page));
        Assert.Equal("Highways North", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name=IsFrontLineService][checked]"));

        var badKind = await client.PostFormAsync("/admin/organisations/new", [new("Name", "Pirate Radio"), new("Kind", "Pirates")]);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.NotEmpty(Html.ErrorSummary(await Html.ReadAsync(badKind)));

        var duplicate = await client.PostFormAsync("/admin/organisations/new", [new("Name", existing.Name), new("Kind", "Police")]);
        var duplicatePage = await Html.ReadAsync(duplicate);
        Assert.Contains("An organisation with this name already exists", Html.ErrorSummary(duplicatePage));
        Assert.NotNull(duplicatePage.QuerySelector("input[name=Kind][value=Police][checked]"));
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_and_the_first_kept()
    {
        var organisation = await app.Data.CreateOrganisationAsync();
        var adminId = (await app.Data.CreateUserAsync(Roles.Administrator)).Id;
        var first = app.ClientFor(adminId);
        var second = app.ClientFor(adminId);
        var url = $"/admin/organisations/{organisation.Id}/edit";
        var version = (await second.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var saved = await first.PostFormAsync(url, [new("Name", organisation.Name + " (West)"), new("Kind", "Police"), new("IsActive", "true"), new("Version", version)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.PostFormAsync(url, [new("Name", organisation.Name + " (East)"), new("Kind", "Police"), new("IsActive", "true"), new("Version", version)]);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains("Someone else changed this organisation", StringComparison.Ordinal) && e.Contains("(West)", StringComparison.Ordinal));
        Assert.Equal(organisation.Name + " (East)", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.Equal(organisation.Name + " (West)", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisation.Id).Select(o => o.Name).SingleAsync()));
    }
}
