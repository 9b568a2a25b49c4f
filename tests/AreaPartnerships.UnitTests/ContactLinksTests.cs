using AreaPartnerships.Web.Infrastructure.Govuk;

namespace AreaPartnerships.UnitTests;

/// <summary>Issue 9, finding 17: a service's contact details show its addresses as links.</summary>
public sealed class ContactLinksTests
{
    private static string Html(string text) => ContactLinks.Render(text).ToString()!;

    [Theory]
    [InlineData("Call 101 or report online at west-midlands.police.uk",
        "Call <a class=\"govuk-link\" href=\"tel:101\">101</a> or report online at <a class=\"govuk-link\" href=\"https://west-midlands.police.uk\">west-midlands.police.uk</a>")]
    [InlineData("Tenancy team: 0800 345 345 or whg.uk.com.",
        "Tenancy team: <a class=\"govuk-link\" href=\"tel:0800345345\">0800 345 345</a> or <a class=\"govuk-link\" href=\"https://whg.uk.com\">whg.uk.com</a>.")]
    [InlineData("asb@demo.walsall.test or 01922 650000",
        "<a class=\"govuk-link\" href=\"mailto:asb@demo.walsall.test\">asb@demo.walsall.test</a> or <a class=\"govuk-link\" href=\"tel:01922650000\">01922 650000</a>")]
    [InlineData("See https://www.walsall.gov.uk/report?type=fly",
        "See <a class=\"govuk-link\" href=\"https://www.walsall.gov.uk/report?type=fly\">https://www.walsall.gov.uk/report?type=fly</a>")]
    public void Web_email_and_telephone_become_links(string text, string expected) =>
        Assert.Equal(expected, Html(text));

    [Fact]
    public void Everything_else_is_encoded() =>
        Assert.Equal("Ask for &lt;b&gt;Sam&lt;/b&gt; &amp; co", Html("Ask for <b>Sam</b> & co"));
}
