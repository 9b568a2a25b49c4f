using System.Globalization;
using AreaPartnerships.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Admin;

public sealed class WardsAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Non_administrators_are_refused_the_wards_pages(string role)
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var organisation = await app.Data.CreateOrganisationAsync();
        var client = app.ClientFor((await app.Data.CreateUserAsync(role, areaIds: [area.Id], wardIds: [ward.Id], organisationId: organisation.Id)).Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/wards", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/admin/wards/{ward.Id}/edit", UriKind.Relative))).StatusCode);
        var forged = await client.PostFormAsync("/", [new("Name", "Renamed"), new("AreaId", Id(area.Id))], $"/admin/wards/{ward.Id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(ward.Name, await app.WithDbAsync(db => db.Wards.Where(w => w.Id == ward.Id).Select(w => w.Name).SingleAsync()));
    }

    [Fact]
    public async Task Administrator_adds_a_ward_and_sees_it_listed_under_its_area_only()
    {
        var area = await app.Data.CreateAreaAsync();
        var other = await app.Data.CreateAreaAsync();
        var otherWard = await app.Data.CreateWardAsync(other.Id);
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var name = TestData.Unique("Palfrey");

        var response = await client.PostFormAsync("/admin/wards/new",
            [new("Name", name), new("AreaId", Id(area.Id)), new("Population", "15100"), new("DeprivationRank", "6")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetDocumentAsync($"/admin/wards?areaId={area.Id}");
        Assert.Contains($"Ward “{name}” added", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var rows = list.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var row = Assert.Single(rows);
        Assert.Contains(name, row, StringComparison.Ordinal);
        Assert.Contains("15,100", row, StringComparison.Ordinal);
        Assert.DoesNotContain(otherWard.Name, row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Councillors_are_shown_against_their_ward()
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var councillor = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [ward.Id]);
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var list = await client.GetDocumentAsync($"/admin/wards?areaId={area.Id}");
        Assert.Contains(councillor.DisplayName, list.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        var edit = await client.GetDocumentAsync($"/admin/wards/{ward.Id}/edit");
        Assert.Contains(councillor.DisplayName, edit.QuerySelector("ul.govuk-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_per_field_and_what_was_typed_kept()
    {
        var area = await app.Data.CreateAreaAsync();
        var existing = await app.Data.CreateWardAsync(area.Id);
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var blank = await client.PostFormAsync("/admin/wards/new", [new("Name", ""), new("AreaId", ""), new("Population", "lots"), new("DeprivationRank", "0")]);
        var page = await Html.ReadAsync(blank);
        var errors = Html.ErrorSummary(page);

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Enter the ward's name", errors);
        Assert.Contains("Select the ward's area", errors);
        Assert.Contains(errors, e => e.Contains("Population", StringComparison.Ordinal));
        Assert.Contains("Deprivation rank must be a whole number, 1 or more (1 is the most deprived)", errors);
        Assert.Equal("lots", page.QuerySelector("input[name=Population]")!.GetAttribute("value"));
        Assert.Equal("0", page.QuerySelector("input[name=DeprivationRank]")!.GetAttribute("value"));

        var duplicate = await client.PostFormAsync("/admin/wards/new", [new("Name", existing.Name), new("AreaId", Id(area.Id))]);
        var duplicatePage = await Html.ReadAsync(duplicate);
        Assert.Contains("A ward with this name already exists", Html.ErrorSummary(duplicatePage));
        Assert.Equal(existing.Name, duplicatePage.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.NotNull(duplicatePage.QuerySelector($"select[name=AreaId] option[value='{area.Id}'][selected]"));
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_and_the_first_kept()
    {
        var area = await app.Data.CreateAreaAsync();
        var moveTo = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var adminId = (await app.Data.CreateUserAsync(Roles.Administrator)).Id;
        var first = app.ClientFor(adminId);
        var second = app.ClientFor(adminId);
        var url = $"/admin/wards/{ward.Id}/edit";
        var version = (await second.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var saved = await first.PostFormAsync(url,
            [new("Name", ward.Name), new("AreaId", Id(moveTo.Id)), new("Population", "12000"), new("IsActive", "true"), new("Version", version)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await second.PostFormAsync(url,
            [new("Name", ward.Name), new("AreaId", Id(area.Id)), new("Population", "9999"), new("IsActive", "true"), new("Version", version)]);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains("Someone else changed this ward", StringComparison.Ordinal) && e.Contains(moveTo.Name, StringComparison.Ordinal));
        Assert.Equal("9999", page.QuerySelector("input[name=Population]")!.GetAttribute("value"));
        var stored = await app.WithDbAsync(db => db.Wards.AsNoTracking().SingleAsync(w => w.Id == ward.Id));
        Assert.Equal((moveTo.Id, 12000), (stored.AreaId, stored.Population!.Value));
    }

    [Fact]
    public async Task Editing_a_ward_that_does_not_exist_is_not_found()
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/admin/wards/999999/edit", UriKind.Relative))).StatusCode);
        var posted = await client.PostFormAsync($"/admin/wards/{ward.Id}/edit",
            [new("Name", TestData.Unique("Nowhere")), new("AreaId", Id(area.Id)), new("Version", Guid.NewGuid().ToString())], "/admin/wards/999999/edit");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
