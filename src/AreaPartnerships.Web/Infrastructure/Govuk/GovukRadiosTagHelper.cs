using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// GOV.UK radios for a single value; the item matching the posted value or, before a post, the model's
/// value is checked.
/// <code>&lt;govuk-radios asp-for="Priority" legend="How urgent is it?" asp-items="Model.Priorities" inline="true" /&gt;</code>
/// </summary>
[HtmlTargetElement("govuk-radios")]
public sealed class GovukRadiosTagHelper : GovukChoicesTagHelper
{
    /// <summary>Show the radios side by side (only for two short options).</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    private protected override string Block => "radios";

    private protected override string InputType => "radio";

    private protected override string? ListModifier => Inline ? "govuk-radios--inline" : null;

    private protected override Func<SelectListItem, bool> IsChecked()
    {
        // With no current value, fall back to the items' own Selected flags.
        var current = CurrentValue();
        return current is null ? item => item.Selected : item => SameValue(ValueOf(item), current);
    }
}
