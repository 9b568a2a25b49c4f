using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// GOV.UK textarea with its label, hint and error message.
/// <code>&lt;govuk-textarea asp-for="Description" label="Describe the issue" hint="Do not include personal details" rows="8" /&gt;</code>
/// </summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

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

        var textarea = new TagBuilder("textarea");
        textarea.MergeAttribute("id", id);
        textarea.MergeAttribute("name", FieldName);
        textarea.MergeAttribute("rows", Rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        textarea.MergeAttribute("class", GovukMarkup.Classes("govuk-textarea", error is null ? null : "govuk-textarea--error"));
        if (Spellcheck is { } spellcheck)
        {
            textarea.MergeAttribute("spellcheck", spellcheck ? "true" : "false");
        }

        if (GovukMarkup.DescribedBy(string.IsNullOrWhiteSpace(Hint) ? null : hintId, error is null ? null : errorId) is { } describedBy)
        {
            textarea.MergeAttribute("aria-describedby", describedBy);
        }

        if (!string.IsNullOrWhiteSpace(Autocomplete))
        {
            textarea.MergeAttribute("autocomplete", Autocomplete);
        }

        // A newline straight after <textarea> is dropped by the browser, so one is added (as ASP.NET
        // does) to keep a value that itself starts with a newline.
        textarea.InnerHtml.AppendHtml("\n");
        textarea.InnerHtml.Append(CurrentValue() ?? string.Empty);

        StartFormGroup(output, error is not null);
        output.Content
            .AppendHtml(GovukMarkup.Label(id, TextOr(Label), LabelClass, LabelIsPageHeading))
            .AppendHtml(GovukMarkup.Hint(hintId, Hint))
            .AppendHtml(GovukMarkup.ErrorMessage(errorId, error))
            .AppendHtml(textarea);
    }
}
