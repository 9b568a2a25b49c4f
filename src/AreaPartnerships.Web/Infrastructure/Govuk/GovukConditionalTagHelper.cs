using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// Content revealed under one radio or checkbox when it is chosen (GOV.UK "conditional reveal"), written inside
/// the <c>&lt;govuk-radios&gt;</c> or <c>&lt;govuk-checkboxes&gt;</c> it belongs to, for the item with this value:
/// <code>
/// &lt;govuk-radios asp-for="Role" legend="Role" asp-items="Model.Roles"&gt;
///     &lt;govuk-conditional value="Councillor"&gt;&lt;govuk-checkboxes asp-for="WardIds" ... /&gt;&lt;/govuk-conditional&gt;
/// &lt;/govuk-radios&gt;
/// </code>
/// The parent renders it (after the item, with the ids GOV.UK Frontend's script needs); this renders nothing itself.
/// </summary>
[HtmlTargetElement("govuk-conditional", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-conditional", ParentTag = "govuk-checkboxes")]
public sealed class GovukConditionalTagHelper : TagHelper
{
    /// <summary>The value of the item that reveals this content.</summary>
    [HtmlAttributeName("value")]
    public string Value { get; set; } = string.Empty;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        if (context.Items.TryGetValue(typeof(GovukChoicesTagHelper), out var found) && found is Dictionary<string, Microsoft.AspNetCore.Html.IHtmlContent> reveals)
        {
            reveals[Value] = content;
        }

        output.SuppressOutput();
    }
}
