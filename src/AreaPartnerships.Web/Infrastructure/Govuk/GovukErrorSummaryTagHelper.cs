using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// The GOV.UK error summary for the page's ModelState: nothing when there are no errors; otherwise
/// "There is a problem" and, for each field with an error, its first message linking to the field
/// (<c>#{id}</c>, the id the form tag helpers give it: the key with <c>.</c>, <c>[</c>, <c>]</c> made <c>_</c>).
/// Errors not tied to a field (empty key) come first, without a link; the rest follow the order the
/// model declares its properties. Put it first in the main column, above the h1.
/// <code>&lt;govuk-error-summary /&gt;</code>
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed partial class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var fieldOrder = FieldOrder(ViewContext.ViewData.ModelMetadata);
        var errors = modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => e.Key.Length == 0 ? -1 : fieldOrder.GetValueOrDefault(Unindexed(e.Key), int.MaxValue))
            .SelectMany(e => e.Key.Length == 0
                ? e.Value!.Errors.Select(error => (Target: (string?)null, Message: GovukMarkup.MessageOf(error)))
                : [(Target: GovukMarkup.IdFor(WithoutTrailingIndex(e.Key)), Message: GovukMarkup.MessageOf(e.Value!.Errors[0]))])
            .DistinctBy(e => e.Target ?? "\n" + e.Message);

        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-list govuk-error-summary__list");
        foreach (var (target, message) in errors)
        {
            var item = new TagBuilder("li");
            if (target is null)
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.MergeAttribute("href", "#" + target);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(item);
        }

        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-error-summary__title");
        title.InnerHtml.Append("There is a problem");

        var body = new TagBuilder("div");
        body.AddCssClass("govuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);

        // role="alert" sits on a child so GOV.UK Frontend's focusing does not cut the announcement short.
        var alert = new TagBuilder("div");
        alert.MergeAttribute("role", "alert");
        alert.InnerHtml.AppendHtml(title);
        alert.InnerHtml.AppendHtml(body);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(alert);
    }

    /// <summary>
    /// The position of each property path of the page's model (<c>Name</c>, <c>Address.Line1</c>) in
    /// declaration order, so the summary lists errors in the order the fields usually appear on the
    /// page, as GOV.UK asks. Errors for keys not found keep their ModelState order, after the others.
    /// </summary>
    private static Dictionary<string, int> FieldOrder(ModelMetadata model)
    {
        var order = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Walk(model, prefix: "", depth: 0);
        return order;

        void Walk(ModelMetadata metadata, string prefix, int depth)
        {
            foreach (var property in metadata.Properties)
            {
                var path = prefix.Length == 0 ? property.PropertyName! : $"{prefix}.{property.PropertyName}";
                order.TryAdd(path, order.Count);
                if (depth < 3 && property.IsComplexType && !property.IsEnumerableType)
                {
                    Walk(property, path, depth + 1);
                }
            }
        }
    }

    /// <summary><c>Items[2].Name</c> becomes <c>Items.Name</c>.</summary>
    private static string Unindexed(string key) => IndexPattern().Replace(key, "");

    /// <summary>
    /// <c>WardIds[0]</c> becomes <c>WardIds</c>: an error on one element of a collection of simple values
    /// links to the collection's field (the first checkbox), which shows it.
    /// </summary>
    private static string WithoutTrailingIndex(string key) => TrailingIndexPattern().Replace(key, "");

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex IndexPattern();

    [GeneratedRegex(@"\[[^\]]*\]$")]
    private static partial Regex TrailingIndexPattern();
}
