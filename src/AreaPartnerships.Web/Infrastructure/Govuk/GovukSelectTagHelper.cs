using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// GOV.UK select with its label, hint and error message. The items are rendered as given, so add a
/// blank "Choose…" item first when one is wanted; the option matching the current value is selected.
/// <code>&lt;govuk-select asp-for="AreaId" label="Area" asp-items="Model.Areas" /&gt;</code>
/// </summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var error = ErrorMessage;
        var hintId = GovukMarkup.HintId(id);
        var errorId = GovukMarkup.ErrorId(id);
        var current = CurrentValue();

        var select = new TagBuilder("select");
        select.MergeAttribute("id", id);
        select.MergeAttribute("name", FieldName);
        select.MergeAttribute("class", GovukMarkup.Classes("govuk-select", error is null ? null : "govuk-select--error"));
        if (GovukMarkup.DescribedBy(string.IsNullOrWhiteSpace(Hint) ? null : hintId, error is null ? null : errorId) is { } describedBy)
        {
            select.MergeAttribute("aria-describedby", describedBy);
        }

        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            option.MergeAttribute("value", ValueOf(item));
            if (current is null ? item.Selected : SameValue(ValueOf(item), current))
            {
                option.MergeAttribute("selected", "selected");
            }

            if (item.Disabled)
            {
                option.MergeAttribute("disabled", "disabled");
            }

            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }

        StartFormGroup(output, error is not null);
        output.Content
            .AppendHtml(GovukMarkup.Label(id, TextOr(Label), LabelClass, LabelIsPageHeading))
            .AppendHtml(GovukMarkup.Hint(hintId, Hint))
            .AppendHtml(GovukMarkup.ErrorMessage(errorId, error))
            .AppendHtml(select);
    }
}
