using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// One row of a GOV.UK summary list: the key, and the element's content as the value. Other attributes
/// (<c>data-testid</c>, <c>class</c>) go on the value, where tests and styles look for them.
/// <code>&lt;govuk-summary-row key="Review date" data-testid="review"&gt;@UkFormat.Date(group.ReviewOn)&lt;/govuk-summary-row&gt;</code>
/// Put rows inside <c>&lt;dl class="govuk-summary-list"&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-summary-row")]
public sealed class GovukSummaryRowTagHelper : TagHelper
{
    [HtmlAttributeName("key")]
    public string Key { get; set; } = string.Empty;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var value = await output.GetChildContentAsync();
        var attributes = output.Attributes.ToList();
        output.Attributes.Clear();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-summary-list__row");

        var dd = new Microsoft.AspNetCore.Mvc.Rendering.TagBuilder("dd");
        var classes = attributes.FirstOrDefault(a => a.Name == "class")?.Value?.ToString();
        dd.MergeAttribute("class", GovukMarkup.Classes("govuk-summary-list__value", classes));
        foreach (var attribute in attributes.Where(a => a.Name != "class"))
        {
            dd.MergeAttribute(attribute.Name, attribute.Value?.ToString());
        }

        dd.InnerHtml.AppendHtml(value);

        var dt = new Microsoft.AspNetCore.Mvc.Rendering.TagBuilder("dt");
        dt.AddCssClass("govuk-summary-list__key");
        dt.InnerHtml.Append(Key);

        // A line break between key and value, as hand-written markup has, so copied or extracted text reads "Due 4 July 2026".
        output.Content.SetHtmlContent(dt);
        output.Content.AppendHtml("\n");
        output.Content.AppendHtml(dd);
    }
}
