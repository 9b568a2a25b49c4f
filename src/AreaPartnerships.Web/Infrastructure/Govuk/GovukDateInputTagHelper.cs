using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// GOV.UK date input: day, month and year fields named <c>{prefix}Day</c>, <c>{prefix}Month</c>,
/// <c>{prefix}Year</c>, in a fieldset with its legend, hint and error message.
/// <code>&lt;govuk-date-input prefix="FollowUp" legend="Follow-up date" hint="For example 27 3 2027" day="@Model.FollowUpDay" month="@Model.FollowUpMonth" year="@Model.FollowUpYear" /&gt;</code>
/// Errors are recorded against <c>{prefix}Day</c> (the first field, where the error summary link lands);
/// what the person typed is shown back from ModelState, so nothing is lost after a failed post.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : TagHelper
{
    [HtmlAttributeName("prefix")]
    public string Prefix { get; set; } = string.Empty;

    [HtmlAttributeName("legend")]
    public string Legend { get; set; } = string.Empty;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("day")]
    public string? Day { get; set; }

    [HtmlAttributeName("month")]
    public string? Month { get; set; }

    [HtmlAttributeName("year")]
    public string? Year { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        var parts = new (string Suffix, string Label, string? Value, string Width)[]
        {
            ("Day", "Day", Day, "govuk-input--width-2"),
            ("Month", "Month", Month, "govuk-input--width-2"),
            ("Year", "Year", Year, "govuk-input--width-4"),
        };
        var error = parts
            .Select(p => modelState.TryGetValue(Prefix + p.Suffix, out var entry) && entry.Errors.Count > 0 ? GovukMarkup.MessageOf(entry.Errors[0]) : null)
            .FirstOrDefault(m => m is not null);
        var firstId = Prefix + "Day";
        var hintId = GovukMarkup.HintId(Prefix);
        var errorId = GovukMarkup.ErrorId(firstId);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovukMarkup.Classes("govuk-form-group", error is null ? null : "govuk-form-group--error"));

        var fieldset = GovukMarkup.Fieldset(Legend, "govuk-fieldset__legend--s", isPageHeading: false,
            GovukMarkup.DescribedBy(string.IsNullOrWhiteSpace(Hint) ? null : hintId, error is null ? null : errorId));
        fieldset.MergeAttribute("role", "group");
        fieldset.InnerHtml.AppendHtml(GovukMarkup.Hint(hintId, Hint));
        fieldset.InnerHtml.AppendHtml(GovukMarkup.ErrorMessage(errorId, error));

        var inputs = new TagBuilder("div");
        inputs.AddCssClass("govuk-date-input");
        foreach (var (suffix, label, value, width) in parts)
        {
            var name = Prefix + suffix;
            var shown = modelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null
                ? entry.AttemptedValue
                : value;
            var item = new TagBuilder("div");
            item.AddCssClass("govuk-date-input__item");
            var group = new TagBuilder("div");
            group.AddCssClass("govuk-form-group");
            group.InnerHtml.AppendHtml(GovukMarkup.Label(name, label, "govuk-date-input__label", isPageHeading: false));
            var input = GovukMarkup.Input("text", name, name, shown);
            input.MergeAttribute("class", GovukMarkup.Classes("govuk-input", "govuk-date-input__input", width, error is null ? null : "govuk-input--error"));
            input.MergeAttribute("inputmode", "numeric");
            group.InnerHtml.AppendHtml(input);
            item.InnerHtml.AppendHtml(group);
            inputs.InnerHtml.AppendHtml(item);
        }

        fieldset.InnerHtml.AppendHtml(inputs);
        output.Content.SetHtmlContent(fieldset);
    }
}
