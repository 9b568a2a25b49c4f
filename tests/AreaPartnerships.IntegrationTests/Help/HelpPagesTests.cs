using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Hosting;

namespace AreaPartnerships.IntegrationTests.Help;

/// <summary>The accessibility statement and the privacy notice: public, and linked from every page's footer.</summary>
public sealed class HelpPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/accessibility", "Accessibility statement for Area Partnerships")]
    [InlineData("/privacy", "Privacy notice for Area Partnerships")]
    public async Task Each_page_is_open_to_anyone_signed_out(string path, string heading)
    {
        var response = await app.AnonymousClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, (await Html.ReadAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_footer_links_to_both_pages_signed_out_and_signed_in()
    {
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager);
        var pages = new[]
        {
            await app.AnonymousClient().GetDocumentAsync("/account/sign-in"),
            await app.ClientFor(manager.Id).GetDocumentAsync("/"),
            await Html.ReadAsync(await app.ClientFor(manager.Id).GetAsync(new Uri("/no-such-page", UriKind.Relative))),
            await app.AnonymousClient().GetDocumentAsync("/privacy"),
        };

        foreach (var page in pages)
        {
            var links = page.QuerySelectorAll("footer a.govuk-footer__link").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
            Assert.Equal("/accessibility", links["Accessibility"]);
            Assert.Equal("/privacy", links["Privacy"]);
        }
    }

    [Fact]
    public async Task The_accessibility_statement_says_what_has_and_has_not_been_tested()
    {
        var page = await app.AnonymousClient().GetDocumentAsync("/accessibility");
        var headings = page.QuerySelectorAll("main h2, main h3").Select(h => h.TextContent.Trim()).ToList();
        var text = page.QuerySelector("main")!.TextContent;

        Assert.Equal(
            ["How accessible this service is", "Feedback and contact information", "Reporting accessibility problems with this service",
             "Enforcement procedure", "Technical information about this service’s accessibility", "Compliance status",
             "Non-accessible content", "Disproportionate burden", "Content that is not within the scope of the accessibility regulations",
             "What we are doing to improve accessibility", "Preparation of this accessibility statement"],
            headings);
        Assert.Contains("partially compliant", page.QuerySelector("[data-testid=compliance-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("axe", text, StringComparison.Ordinal);
        Assert.Contains("No manual audit and no testing with assistive technology have been done yet", text, StringComparison.Ordinal);
        Assert.Contains("Equality and Human Rights Commission", text, StringComparison.Ordinal);
        Assert.Contains("Equality Commission for Northern Ireland", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_notice_covers_what_why_who_how_long_rights_and_contacts()
    {
        var page = await app.AnonymousClient().GetDocumentAsync("/privacy");
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        var text = page.QuerySelector("main")!.TextContent;

        Assert.Equal(
            ["Who we are", "What personal information we hold", "Why we hold it and our lawful basis", "Who we share it with",
             "How long we keep it", "Your rights", "Contact us", "How to complain", "Changes to this notice"],
            headings);
        Assert.Contains("public task", text, StringComparison.Ordinal);
        Assert.Contains("6 years after the issue is closed", text, StringComparison.Ordinal);
        Assert.Contains("Information Commissioner’s Office", text, StringComparison.Ordinal);
        foreach (var who in new[] { "About residents and other members of the public", "About ward councillors", "About council staff and partner agency staff who use the service" })
        {
            Assert.Contains(who, page.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        }
    }

    [Fact]
    public async Task The_councils_contact_details_come_from_configuration_or_show_as_marked_placeholders()
    {
        var unconfigured = await app.AnonymousClient().GetDocumentAsync("/privacy");
        Assert.Contains(unconfigured.QuerySelectorAll("[data-testid=placeholder]"),
            p => p.TextContent.Contains("Council__DataProtectionOfficerEmail", StringComparison.Ordinal));

        using var configured = app.WithWebHostBuilder(b => b
            .UseSetting("Council:DataProtectionOfficerEmail", "dpo@council.example.gov.uk")
            .UseSetting("Council:DataProtectionOfficerAddress", "Civic Centre, Darwall Street")
            .UseSetting("Council:AccessibilityEmail", "access@council.example.gov.uk"));
        var client = configured.CreateClient(new() { AllowAutoRedirect = false });
        var privacy = await client.GetDocumentAsync("/privacy");
        var accessibility = await client.GetDocumentAsync("/accessibility");

        Assert.Empty(privacy.QuerySelectorAll("[data-testid=placeholder]"));
        Assert.Empty(accessibility.QuerySelectorAll("[data-testid=placeholder]"));
        Assert.NotNull(privacy.QuerySelector("a[href='mailto:dpo@council.example.gov.uk']"));
        Assert.NotNull(accessibility.QuerySelector("a[href='mailto:access@council.example.gov.uk']"));
    }
}
