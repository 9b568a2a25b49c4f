using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// The pieces of GOV.UK Frontend markup the form tag helpers share (label, hint, error message,
/// fieldset), copied from govuk-frontend's component templates. All text is HTML-encoded.
/// </summary>
internal static class GovukMarkup
{
    /// <summary>The id ASP.NET generates for a field name: <c>Address.Line1</c> becomes <c>Address_Line1</c>.</summary>
    public static string IdFor(string fieldName) => TagBuilder.CreateSanitizedId(fieldName, "_");

    /// <summary>The text of a ModelState error; binding exceptions without a message get a plain one.</summary>
    public static string MessageOf(ModelError error) =>
        string.IsNullOrEmpty(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;

    /// <summary>Joins the non-empty classes with single spaces.</summary>
    public static string Classes(params string?[] classes) =>
        string.Join(' ', classes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()));

    /// <summary>Joins the non-empty ids for aria-describedby; null when there are none.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var joined = Classes(ids);
        return joined.Length == 0 ? null : joined;
    }

    public static string HintId(string fieldId) => fieldId + "-hint";

    public static string ErrorId(string fieldId) => fieldId + "-error";

    /// <summary><c>label.govuk-label</c>, wrapped in <c>h1.govuk-label-wrapper</c> when it is the page heading.</summary>
    public static IHtmlContent Label(string forId, string text, string? extraClasses, bool isPageHeading)
    {
        var label = new TagBuilder("label");
        label.MergeAttribute("class", Classes("govuk-label", extraClasses ?? (isPageHeading ? "govuk-label--l" : null)));
        label.MergeAttribute("for", forId);
        label.InnerHtml.Append(text);

        if (!isPageHeading)
        {
            return label;
        }

        var heading = new TagBuilder("h1");
        heading.AddCssClass("govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    /// <summary><c>div.govuk-hint</c>, or nothing when there is no hint.</summary>
    public static IHtmlContent Hint(string id, string? text, string? extraClasses = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }

        var hint = new TagBuilder("div");
        hint.MergeAttribute("id", id);
        hint.MergeAttribute("class", Classes("govuk-hint", extraClasses));
        hint.InnerHtml.Append(text);
        return hint;
    }

    /// <summary><c>p.govuk-error-message</c> with the visually hidden "Error:" prefix, or nothing when there is no error.</summary>
    public static IHtmlContent ErrorMessage(string id, string? message)
    {
        if (message is null)
        {
            return HtmlString.Empty;
        }

        var error = new TagBuilder("p");
        error.MergeAttribute("id", id);
        error.AddCssClass("govuk-error-message");
        error.InnerHtml.AppendHtml("<span class=\"govuk-visually-hidden\">Error:</span> ");
        error.InnerHtml.Append(message);
        return error;
    }

    /// <summary><c>fieldset.govuk-fieldset</c> with its legend (an h1 inside it when it is the page heading).</summary>
    public static TagBuilder Fieldset(string legendText, string? legendClasses, bool isPageHeading, string? describedBy)
    {
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        if (describedBy is not null)
        {
            fieldset.MergeAttribute("aria-describedby", describedBy);
        }

        var legend = new TagBuilder("legend");
        legend.MergeAttribute("class", Classes("govuk-fieldset__legend", legendClasses ?? (isPageHeading ? "govuk-fieldset__legend--l" : null)));
        if (isPageHeading)
        {
            var heading = new TagBuilder("h1");
            heading.AddCssClass("govuk-fieldset__heading");
            heading.InnerHtml.Append(legendText);
            legend.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legend.InnerHtml.Append(legendText);
        }

        fieldset.InnerHtml.AppendHtml(legend);
        return fieldset;
    }

    /// <summary>
    /// One <c>div.govuk-checkboxes__item</c> or <c>div.govuk-radios__item</c>: the input, its label and an
    /// optional item hint; <paramref name="controls"/> is the id of the conditional reveal it shows, if any. <paramref name="block"/> is <c>checkboxes</c> or <c>radios</c>.
    /// </summary>
    public static TagBuilder ChoiceItem(
        string block, string type, string id, string name, string value, string text,
        bool isChecked, bool isDisabled = false, string? describedBy = null, string? itemHint = null, string? controls = null)
    {
        var item = new TagBuilder("div");
        item.AddCssClass($"govuk-{block}__item");

        var hintId = id + "-item-hint";
        var input = Input(type, id, name, value);
        input.MergeAttribute("class", $"govuk-{block}__input");
        if (isChecked)
        {
            input.MergeAttribute("checked", "checked");
        }

        if (isDisabled)
        {
            input.MergeAttribute("disabled", "disabled");
        }

        if (controls is not null)
        {
            // GOV.UK Frontend reveals the element with this id when the input is chosen.
            input.MergeAttribute("data-aria-controls", controls);
        }

        if (DescribedBy(describedBy, string.IsNullOrWhiteSpace(itemHint) ? null : hintId) is { } ids)
        {
            input.MergeAttribute("aria-describedby", ids);
        }

        var label = new TagBuilder("label");
        label.MergeAttribute("class", $"govuk-label govuk-{block}__label");
        label.MergeAttribute("for", id);
        label.InnerHtml.Append(text);

        item.InnerHtml.AppendHtml(input);
        item.InnerHtml.AppendHtml(label);
        item.InnerHtml.AppendHtml(Hint(hintId, itemHint, $"govuk-{block}__hint"));
        return item;
    }

    /// <summary>The id of the nth (1-based) choice: the field id for the first, so the error summary lands on it, then <c>-2</c>, <c>-3</c>…</summary>
    public static string ChoiceId(string fieldId, int index) =>
        index == 1 ? fieldId : $"{fieldId}-{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>An <c>input</c> start tag (GOV.UK writes <c>&lt;input ...&gt;</c>, not self-closing).</summary>
    public static TagBuilder Input(string type, string? id, string name, string? value)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        if (id is not null)
        {
            input.MergeAttribute("id", id);
        }

        input.MergeAttribute("name", name);
        input.MergeAttribute("type", type);
        if (value is not null)
        {
            input.MergeAttribute("value", value);
        }

        return input;
    }
}
