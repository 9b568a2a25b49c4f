using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// What the checkboxes and radios tag helpers share: a fieldset and legend around a hint, an error
/// message and one input per item. The first input's id is the field id (so the error summary link
/// lands on it); the others are <c>{id}-2</c>, <c>{id}-3</c>…
/// A <c>&lt;govuk-conditional value="..."&gt;</c> child (<see cref="GovukConditionalTagHelper"/>) is revealed under
/// the item with that value when it is chosen (GOV.UK conditional reveal): GOV.UK Frontend's script hides the
/// others; without JavaScript every reveal shows, so the server must ignore what a choice not made posts.
/// </summary>
public abstract class GovukChoicesTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Another name for <c>legend</c>, for symmetry with the other form tag helpers.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>A legend size class such as <c>govuk-fieldset__legend--m</c> (default: none, or <c>--l</c> as the page heading).</summary>
    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Use the small variant.</summary>
    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    /// <summary><c>checkboxes</c> or <c>radios</c>.</summary>
    private protected abstract string Block { get; }

    /// <summary><c>checkbox</c> or <c>radio</c>.</summary>
    private protected abstract string InputType { get; }

    /// <summary>Classes for the list beyond <c>govuk-{block}</c> and the small modifier.</summary>
    private protected virtual string? ListModifier => null;

    /// <summary>Reads the current value(s) once and says which items start checked.</summary>
    private protected abstract Func<SelectListItem, bool> IsChecked();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var reveals = new Dictionary<string, IHtmlContent>(StringComparer.OrdinalIgnoreCase);
        context.Items[typeof(GovukChoicesTagHelper)] = reveals;
        await output.GetChildContentAsync();
        Render(output, reveals);
    }

    private void Render(TagHelperOutput output, Dictionary<string, IHtmlContent> reveals)
    {
        var id = FieldId;
        var error = ErrorMessage;
        var hintId = GovukMarkup.HintId(id);
        var errorId = GovukMarkup.ErrorId(id);
        var describedBy = GovukMarkup.DescribedBy(string.IsNullOrWhiteSpace(Hint) ? null : hintId, error is null ? null : errorId);

        var fieldset = GovukMarkup.Fieldset(TextOr(Legend ?? Label), LegendClass, LegendIsPageHeading, describedBy);
        fieldset.InnerHtml.AppendHtml(GovukMarkup.Hint(hintId, Hint));
        fieldset.InnerHtml.AppendHtml(GovukMarkup.ErrorMessage(errorId, error));

        var list = new TagBuilder("div");
        list.MergeAttribute("class", GovukMarkup.Classes($"govuk-{Block}", Small ? $"govuk-{Block}--small" : null, ListModifier));
        list.MergeAttribute("data-module", $"govuk-{Block}");

        var isChecked = IsChecked();
        var index = 0;
        foreach (var item in Items)
        {
            index++;
            var itemId = GovukMarkup.ChoiceId(id, index);
            var chosen = isChecked(item);
            var reveal = reveals.GetValueOrDefault(ValueOf(item));
            var revealId = reveal is null ? null : $"conditional-{itemId}";
            list.InnerHtml.AppendHtml(GovukMarkup.ChoiceItem(
                Block, InputType, itemId, FieldName, ValueOf(item), item.Text, chosen, item.Disabled, controls: revealId));
            if (reveal is not null)
            {
                var conditional = new TagBuilder("div");
                conditional.MergeAttribute("class", GovukMarkup.Classes($"govuk-{Block}__conditional", chosen ? null : $"govuk-{Block}__conditional--hidden"));
                conditional.MergeAttribute("id", revealId);
                conditional.InnerHtml.AppendHtml(reveal);
                list.InnerHtml.AppendHtml(conditional);
            }
        }

        fieldset.InnerHtml.AppendHtml(list);

        StartFormGroup(output, error is not null);
        output.Content.AppendHtml(fieldset);
    }
}
