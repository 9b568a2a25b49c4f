using System.Text.Encodings.Web;
using AreaPartnerships.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.UnitTests.Govuk;

/// <summary>One summary-list row (<c>&lt;govuk-summary-row&gt;</c>): GOV.UK's markup, the key encoded, attributes on the value.</summary>
public sealed class SummaryRowTests
{
    [Fact]
    public async Task A_row_is_GOVUK_summary_list_markup_with_the_attributes_on_the_value()
    {
        var html = await RenderAsync(new GovukSummaryRowTagHelper { Key = "Review <date>" },
            [new TagHelperAttribute("data-testid", "review"), new TagHelperAttribute("class", "app-preserve-lines")], "4 July 2026");

        Assert.Equal(
            "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Review &lt;date&gt;</dt>\n"
            + "<dd class=\"govuk-summary-list__value app-preserve-lines\" data-testid=\"review\">4 July 2026</dd></div>",
            html);
    }

    private static async Task<string> RenderAsync(GovukSummaryRowTagHelper helper, TagHelperAttributeList attributes, string content)
    {
        var context = new TagHelperContext(new TagHelperAttributeList(), new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("govuk-summary-row", attributes,
            (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetContent(content)));
        await helper.ProcessAsync(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
