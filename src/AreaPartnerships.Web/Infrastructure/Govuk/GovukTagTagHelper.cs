using AreaPartnerships.Domain.Issues;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// A GOV.UK tag for a status, in the one name and colour <see cref="StatusTags"/> gives it.
/// <code>&lt;govuk-tag for-status="issue.Status" /&gt;  &lt;govuk-tag for-level="issue.Level" /&gt;  &lt;govuk-tag for-status="StatusTags.Overdue" inline="true" /&gt;</code>
/// <c>for-level</c> takes an issue's (nullable) level, so "Not triaged" has a tag too. <c>inline</c> adds the
/// app's small-margin modifier for tags inside table cells. Other attributes (<c>data-testid</c>) pass through.
/// </summary>
[HtmlTargetElement("govuk-tag", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTagTagHelper : TagHelper
{
    [HtmlAttributeName("for-status")]
    public object? ForStatus { get; set; }

    [HtmlAttributeName("for-level")]
    public IssueLevel? ForLevel { get; set; }

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var style = context.AllAttributes.ContainsName("for-level")
            ? StatusTags.For(ForLevel)
            : StatusTags.For(ForStatus ?? throw new InvalidOperationException("<govuk-tag> needs for-status or for-level"));

        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovukMarkup.Classes("govuk-tag", style.CssClass, Inline ? "app-tag--inline" : null));
        output.Content.SetContent(style.Text);
    }
}
