using System.Globalization;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Admin;

/// <summary>
/// The user form shows only the scope the chosen role uses, as GOV.UK conditional reveals on the role radios
/// (areas for an area manager, one area for a support officer, wards for a councillor, the organisation for a
/// partner user, nothing for the borough-wide roles). Without JavaScript every reveal is on the page and posts,
/// so whatever is posted for a role that does not use it is ignored and cleared.
/// </summary>
public sealed class UserScopeFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The names of the fields inside the reveal a role's radio controls (none when it controls none).</summary>
    private static IReadOnlyList<string> RevealedFor(IHtmlDocument form, string role)
    {
        var radio = form.QuerySelector($"input[name=Role][value={role}]")!;
        var controls = radio.GetAttribute("data-aria-controls");
        if (controls is null)
        {
            return [];
        }

        var reveal = form.GetElementById(controls)!;
        Assert.Contains("govuk-radios__conditional", reveal.ClassList);
        Assert.Same(radio.ParentElement, reveal.PreviousElementSibling);
        return [.. reveal.QuerySelectorAll("input, select").Select(e => e.GetAttribute("name")!).Where(n => n != "Role").Distinct()];
    }

    [Fact]
    public async Task Each_role_reveals_only_the_scope_it_uses()
    {
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var form = await admin.GetDocumentAsync("/admin/users/new");

        Assert.Equal(["AreaIds"], RevealedFor(form, Roles.AreaManager));
        Assert.Equal(["AreaId"], RevealedFor(form, Roles.SupportOfficer));
        Assert.Equal(["WardIds"], RevealedFor(form, Roles.Councillor));
        Assert.Equal(["OrganisationId"], RevealedFor(form, Roles.PartnerUser));
        Assert.Empty(RevealedFor(form, Roles.PartnershipManager));
        Assert.Empty(RevealedFor(form, Roles.Administrator));

        // No scope field sits outside a reveal, and with no role chosen every reveal starts hidden (to scripts).
        Assert.All(form.QuerySelectorAll("[name=AreaIds], [name=AreaId], [name=WardIds], [name=OrganisationId]"),
            field => Assert.NotNull(field.Closest(".govuk-radios__conditional")));
        Assert.All(form.QuerySelectorAll(".govuk-radios__conditional"), reveal => Assert.Contains("govuk-radios__conditional--hidden", reveal.ClassList));
    }

    [Fact]
    public async Task The_chosen_roles_scope_shows_open_with_its_values_when_the_form_is_read_again()
    {
        var area = await app.Data.CreateAreaAsync();
        var officer = await app.Data.CreateUserAsync(Roles.SupportOfficer, areaIds: [area.Id]);
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var form = await admin.GetDocumentAsync($"/admin/users/{officer.Id}/edit");

        var reveal = form.GetElementById(form.QuerySelector($"input[name=Role][value={Roles.SupportOfficer}]")!.GetAttribute("data-aria-controls")!)!;
        Assert.DoesNotContain("govuk-radios__conditional--hidden", reveal.ClassList);
        Assert.Equal(Id(area.Id), reveal.QuerySelector("select[name=AreaId] option[selected]")!.GetAttribute("value"));
    }

    public static TheoryData<string> EveryRole => [.. Roles.Assignable];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task Scope_posted_for_a_role_that_does_not_use_it_is_not_kept(string role)
    {
        var areaA = await app.Data.CreateAreaAsync();
        var areaB = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(areaA.Id);
        var organisation = await app.Data.CreateOrganisationAsync();
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var email = $"{Guid.NewGuid():N}@walsall.test";

        // What a browser without JavaScript posts when every reveal has something chosen in it.
        var response = await admin.PostFormAsync("/admin/users/new",
        [
            new("DisplayName", "Rita Patel"), new("Email", email), new("Role", role),
            new("AreaIds", Id(areaA.Id)), new("AreaIds", Id(areaB.Id)), new("AreaId", Id(areaB.Id)),
            new("WardIds", Id(ward.Id)), new("OrganisationId", Id(organisation.Id)),
            new("Password", "a long memorable passphrase"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            return (
                Areas: await db.UserAreas.Where(a => a.UserId == user.Id).Select(a => a.AreaId).OrderBy(a => a).ToListAsync(),
                Wards: await db.UserWards.Where(w => w.UserId == user.Id).Select(w => w.WardId).ToListAsync(),
                user.OrganisationId);
        });
        int[] expectedAreas = role switch
        {
            Roles.AreaManager => [areaA.Id, areaB.Id],
            Roles.SupportOfficer => [areaB.Id],
            _ => [],
        };
        Assert.Equal(expectedAreas, stored.Areas);
        Assert.Equal(role == Roles.Councillor ? [ward.Id] : [], stored.Wards);
        Assert.Equal(role == Roles.PartnerUser ? organisation.Id : null, stored.OrganisationId);
    }

    [Fact]
    public async Task A_support_officer_without_an_area_is_told_at_the_area_field()
    {
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var response = await admin.PostFormAsync("/admin/users/new",
        [
            new("DisplayName", "Tom Barker"), new("Email", $"{Guid.NewGuid():N}@walsall.test"), new("Role", Roles.SupportOfficer),
            new("AreaId", ""), new("Password", "a long memorable passphrase"),
        ]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var link = page.QuerySelector(".govuk-error-summary__list a")!;
        Assert.Equal("Select at least one area for a support officer", link.TextContent.Trim());
        Assert.Equal("#AreaId", link.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("AreaId"));
    }
}
