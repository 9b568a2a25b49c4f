using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// GOV.UK text input with its label, hint and error message.
/// <code>&lt;govuk-input asp-for="Email" label="Email address" type="email" autocomplete="email" spellcheck="false" /&gt;</code>
/// A password is never written back into the page.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>text (the default), email, number, password, tel, url or search.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>For example <c>numeric</c>: GOV.UK prefers <c>type="text" inputmode="numeric"</c> to <c>type="number"</c>.</summary>
    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    /// <summary>A width class such as <c>govuk-input--width-20</c> or <c>govuk-!-width-two-thirds</c>.</summary>
    [HtmlAttributeName("width-class")]
    public string? WidthClass { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    /// <summary>A label size class such as <c>govuk-label--m</c> (default: none, or <c>govuk-label--l</c> as the page heading).</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var error = ErrorMessage;
        var hintId = GovukMarkup.HintId(id);
        var errorId = GovukMarkup.ErrorId(id);
        var isPassword = string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase);

        var input = GovukMarkup.Input(Type, id, FieldName, isPassword ? null : CurrentValue());
        input.MergeAttribute("class", GovukMarkup.Classes("govuk-input", WidthClass, error is null ? null : "govuk-input--error"));
        if (Spellcheck is { } spellcheck)
        {
            input.MergeAttribute("spellcheck", spellcheck ? "true" : "false");
        }

        if (GovukMarkup.DescribedBy(string.IsNullOrWhiteSpace(Hint) ? null : hintId, error is null ? null : errorId) is { } describedBy)
        {
            input.MergeAttribute("aria-describedby", describedBy);
        }

        if (!string.IsNullOrWhiteSpace(Autocomplete))
        {
            input.MergeAttribute("autocomplete", Autocomplete);
        }

        if (!string.IsNullOrWhiteSpace(InputMode))
        {
            input.MergeAttribute("inputmode", InputMode);
        }

        StartFormGroup(output, error is not null);
        output.Content
            .AppendHtml(GovukMarkup.Label(id, TextOr(Label), LabelClass, LabelIsPageHeading))
            .AppendHtml(GovukMarkup.Hint(hintId, Hint))
            .AppendHtml(GovukMarkup.ErrorMessage(errorId, error))
            .AppendHtml(input);
    }
}
