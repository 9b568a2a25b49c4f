using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// GOV.UK checkboxes for a collection property, one checkbox per item, checked when its value is in
/// the posted values or, before a post, in the model's collection.
/// <code>&lt;govuk-checkboxes asp-for="WardIds" legend="Wards" hint="Select all that apply" asp-items="Model.Wards" /&gt;</code>
/// </summary>
[HtmlTargetElement("govuk-checkboxes")]
public sealed class GovukCheckboxesTagHelper : GovukChoicesTagHelper
{
    private protected override string Block => "checkboxes";

    private protected override string InputType => "checkbox";

    /// <summary>The first error for the collection itself or, failing that, for any of its elements (<c>WardIds[0]</c>).</summary>
    protected override string? ErrorMessage
    {
        get
        {
            if (base.ErrorMessage is { } own)
            {
                return own;
            }

            var prefix = FieldName + "[";
            return ViewContext.ViewData.ModelState
                .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(e => e.Value?.Errors.FirstOrDefault())
                .OfType<ModelError>()
                .Select(GovukMarkup.MessageOf)
                .FirstOrDefault();
        }
    }

    private protected override Func<SelectListItem, bool> IsChecked()
    {
        // Before a post with no collection in the model, fall back to the items' own Selected flags.
        if (CurrentValues() is not { } values)
        {
            return item => item.Selected;
        }

        return item => values.Any(v => SameValue(v, ValueOf(item)));
    }
}
