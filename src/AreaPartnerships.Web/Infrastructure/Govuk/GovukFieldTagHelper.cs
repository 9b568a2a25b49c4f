using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// What every GOV.UK form field tag helper shares: the bound property (<c>asp-for</c>), its hint, its
/// name and id as ASP.NET generates them, its first error, and the value to show — the value the user
/// attempted (from ModelState) wins over the model's, so nothing typed is lost after a failed post.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>Hint text shown under the label or legend and linked with aria-describedby.</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The form field name, including any HtmlFieldPrefix (as ASP.NET's own tag helpers use).</summary>
    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    /// <summary>The id ASP.NET would generate for the field: the name with <c>.</c>, <c>[</c> and <c>]</c> made <c>_</c>.</summary>
    protected string FieldId => GovukMarkup.IdFor(FieldName);

    /// <summary>The first error recorded against the field, or null.</summary>
    protected virtual string? ErrorMessage =>
        ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.Errors.Count > 0
            ? GovukMarkup.MessageOf(entry.Errors[0])
            : null;

    /// <summary>The label or legend text: the given one, else the property's display name.</summary>
    protected string TextOr(string? given) =>
        !string.IsNullOrWhiteSpace(given) ? given : For.Metadata.GetDisplayName();

    /// <summary>The values the user posted for this field, or null when nothing was posted for it.</summary>
    protected string[]? AttemptedValues()
    {
        if (!ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry))
        {
            return null;
        }

        return entry.RawValue switch
        {
            null => null,
            string value => [value],
            string[] values => values,
            IEnumerable values => [.. values.Cast<object?>().Select(Format).OfType<string>()],
            var value => Format(value) is { } text ? [text] : null,
        };
    }

    /// <summary>The single value to show: the attempted one if there is one, else the model's.</summary>
    protected string? CurrentValue() =>
        AttemptedValues() is { } attempted ? attempted.FirstOrDefault() : Format(For.Model);

    /// <summary>The values to show for a collection property: the attempted ones if any were posted, else the model's.</summary>
    protected IReadOnlyList<string>? CurrentValues()
    {
        if (AttemptedValues() is { } attempted)
        {
            return attempted;
        }

        return For.Model switch
        {
            null => null,
            string value => [value],
            IEnumerable values => [.. values.Cast<object?>().Select(Format).OfType<string>()],
            var value => Format(value) is { } text ? [text] : null,
        };
    }

    /// <summary>Starts the output as a <c>div.govuk-form-group</c>, keeping any class the page put on the element.</summary>
    protected void StartFormGroup(TagHelperOutput output, bool hasError)
    {
        var classes = output.Attributes.TryGetAttribute("class", out var existing) ? existing.Value?.ToString() : null;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovukMarkup.Classes("govuk-form-group", hasError ? "govuk-form-group--error" : null, classes));
    }

    private string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        _ when !string.IsNullOrEmpty(For.Metadata.EditFormatString) =>
            string.Format(CultureInfo.CurrentCulture, For.Metadata.EditFormatString, value),
        _ => Convert.ToString(value, CultureInfo.CurrentCulture),
    };

    /// <summary>Compares a posted or model value with an option's value, ignoring case (so <c>True</c> matches <c>true</c>).</summary>
    protected static bool SameValue(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value an option submits: its Value, or its Text when it has none (as HTML does).</summary>
    protected static string ValueOf(SelectListItem item) => item.Value ?? item.Text;
}
