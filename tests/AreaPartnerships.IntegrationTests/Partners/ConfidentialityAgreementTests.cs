using System.Globalization;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Partners;

public sealed class ConfidentialityAgreementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Only_area_managers_and_the_partnership_manager_may_see_partners_or_record_agreements(string role)
    {
        var (area, ward, _, partner) = await WorldAsync();
        var client = app.ClientFor((await app.Data.CreateUserAsync(role, areaIds: [area], wardIds: [ward], organisationId: partner.OrganisationId)).Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/partners", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/partners/{partner.Id}", UriKind.Relative))).StatusCode);
        var forged = await client.PostFormAsync("/", Agreement("1", "3", "2026", "v1"), $"/partners/{partner.Id}/agreements");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(await HasAgreementAsync(partner.Id));
    }

    [Theory]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.PartnershipManager)]
    public async Task Recording_an_agreement_lets_the_partner_see_confidential_issues_for_their_work(string recorder)
    {
        var (area, ward, organisation, partner) = await WorldAsync();
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area]);
        var recordedBy = recorder == Roles.AreaManager ? manager : await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var lead = new AreaPartnerships.Domain.Issues.Assignment(partner.Id, partner.DisplayName, organisation.Id, organisation.Name);
        var issue = await app.Data.CreateIssueAsync(ward, manager.Id, confidential: true,
            then: i => i.Triage(AreaPartnerships.Domain.Issues.IssueLevel.MultiAgency, "Serious", lead, manager.Id, DateTime.UtcNow, 30));
        var partnerClient = app.ClientFor(partner.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerClient.GetAsync(new Uri($"/issues/{issue.Reference}", UriKind.Relative))).StatusCode);

        var client = app.ClientFor(recordedBy.Id);
        var before = await client.GetDocumentAsync($"/partners/{partner.Id}");
        Assert.NotNull(before.QuerySelector("[data-testid=no-agreements]"));
        var response = await client.PostFormAsync($"/partners/{partner.Id}", Agreement("14", "3", "2026", " 2026-1 "), $"/partners/{partner.Id}/agreements");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", Html.ErrorSummary(await Html.ReadAsync(response))));
        var page = await client.GetDocumentAsync($"/partners/{partner.Id}");
        Assert.Contains("Confidentiality agreement recorded", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector("[data-testid=agreements] tbody tr")!.TextContent;
        Assert.Contains("14 March 2026", row, StringComparison.Ordinal);
        Assert.Contains("2026-1", row, StringComparison.Ordinal);
        Assert.Contains(recordedBy.DisplayName, row, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.ConfidentialityAgreements.AsNoTracking().SingleAsync(a => a.UserId == partner.Id));
        Assert.Equal((new DateOnly(2026, 3, 14), "2026-1", recordedBy.Id), (stored.SignedOn, stored.WordingVersion, stored.RecordedById));
        Assert.Equal(HttpStatusCode.OK, (await partnerClient.GetAsync(new Uri($"/issues/{issue.Reference}", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("", "", "", "v1", "Enter the date they signed it, like 27 3 2026")]
    [InlineData("31", "2", "2026", "v1", "Enter the date they signed it, like 27 3 2026")]
    [InlineData("1", "1", "2099", "v1", "The date they signed it must be today or in the past")]
    [InlineData("1", "3", "2026", "", "Enter the version of the agreement's wording they signed")]
    [InlineData("x", "3", "2026", "v1", "Enter the date they signed it, like 27 3 2026")]
    public async Task Bad_input_is_refused_with_a_message_and_what_was_typed_kept(string day, string month, string year, string wording, string message)
    {
        var (_, _, _, partner) = await WorldAsync();
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.PartnershipManager)).Id);

        var response = await client.PostFormAsync($"/partners/{partner.Id}", Agreement(day, month, year, wording), $"/partners/{partner.Id}/agreements");
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.ErrorSummary(page));
        Assert.Equal(day, page.QuerySelector("input[name=SignedDay]")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(year, page.QuerySelector("input[name=SignedYear]")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(wording, page.QuerySelector("input[name=WordingVersion]")!.GetAttribute("value") ?? string.Empty);
        Assert.False(await HasAgreementAsync(partner.Id));
    }

    [Fact]
    public async Task A_person_who_is_not_a_partner_user_has_no_partner_page()
    {
        var (area, _, _, partner) = await WorldAsync();
        var officer = await app.Data.CreateUserAsync(Roles.SupportOfficer, areaIds: [area]);
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.PartnershipManager)).Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/partners/{officer.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/partners/999999", UriKind.Relative))).StatusCode);
        var posted = await client.PostFormAsync($"/partners/{partner.Id}", Agreement("1", "3", "2026", "v1"), $"/partners/{officer.Id}/agreements");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(await HasAgreementAsync(officer.Id));
    }

    [Fact]
    public async Task The_partner_list_filters_by_organisation_and_agreement()
    {
        var (_, _, organisation, withAgreement) = await WorldAsync();
        var without = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: organisation.Id);
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.PartnershipManager)).Id);
        await client.PostFormAsync($"/partners/{withAgreement.Id}", Agreement("1", "3", "2026", "v1"), $"/partners/{withAgreement.Id}/agreements");

        var all = Names(await client.GetDocumentAsync($"/partners?OrganisationId={organisation.Id}"));
        var signed = Names(await client.GetDocumentAsync($"/partners?OrganisationId={organisation.Id}&Agreement=yes"));
        var unsigned = Names(await client.GetDocumentAsync($"/partners?OrganisationId={organisation.Id}&Agreement=no"));
        var nobody = await client.GetDocumentAsync($"/partners?OrganisationId={organisation.Id}&Q=no-such-person");

        Assert.Equal(new[] { withAgreement.DisplayName, without.DisplayName }.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal([withAgreement.DisplayName], signed);
        Assert.Equal([without.DisplayName], unsigned);
        Assert.NotNull(nobody.QuerySelector("[data-testid=no-partners]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/partners?OrganisationId=abc&Page=999", UriKind.Relative))).StatusCode);
    }

    private async Task<(int Area, int Ward, Organisation Organisation, ApplicationUser Partner)> WorldAsync()
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var organisation = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.Housing);
        var partner = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: organisation.Id);
        return (area.Id, ward.Id, organisation, partner);
    }

    private Task<bool> HasAgreementAsync(int userId) =>
        app.WithDbAsync(db => db.ConfidentialityAgreements.AnyAsync(a => a.UserId == userId));

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=partners] tbody tr td:first-child a").Select(a => a.TextContent.Trim())];

    private static KeyValuePair<string, string>[] Agreement(string day, string month, string year, string wording) =>
        [new("SignedDay", day), new("SignedMonth", month), new("SignedYear", year), new("WordingVersion", wording)];
}
