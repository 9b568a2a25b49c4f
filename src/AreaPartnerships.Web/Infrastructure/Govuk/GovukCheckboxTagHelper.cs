using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// A single GOV.UK checkbox for a bool property, posting <c>true</c> when checked. As with ASP.NET's own
/// checkbox, a hidden <c>false</c> follows it: a checked box posts "true,false" and binding takes the
/// first value; an unchecked box posts only "false".
/// <code>&lt;govuk-checkbox asp-for="RememberMe" label="Keep me signed in on this device" /&gt;</code>
/// </summary>
[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>Use the small variant.</summary>
    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var error = ErrorMessage;
        var errorId = GovukMarkup.ErrorId(id);
        var isChecked = bool.TryParse(CurrentValue(), out var value) && value;

        var list = new TagBuilder("div");
        list.MergeAttribute("class", GovukMarkup.Classes("govuk-checkboxes", Small ? "govuk-checkboxes--small" : null));
        list.MergeAttribute("data-module", "govuk-checkboxes");
        list.InnerHtml.AppendHtml(GovukMarkup.ChoiceItem(
            "checkboxes", "checkbox", id, FieldName, "true", TextOr(Label), isChecked,
            describedBy: error is null ? null : errorId, itemHint: Hint));

        StartFormGroup(output, error is not null);
        output.Content
            .AppendHtml(GovukMarkup.ErrorMessage(errorId, error))
            .AppendHtml(list)
            .AppendHtml(GovukMarkup.Input("hidden", id: null, FieldName, "false"));
    }
}
