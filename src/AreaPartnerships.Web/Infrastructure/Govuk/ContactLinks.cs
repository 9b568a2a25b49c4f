using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// Contact details typed as plain text ("Report it online at walsall.gov.uk/report or 01922 650000") shown
/// with each web address, e-mail address and telephone number as a GOV.UK link (https, mailto, tel); the
/// rest of the text is HTML-encoded as it is.
/// </summary>
public static partial class ContactLinks
{
    public static IHtmlContent Render(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }

        var html = new StringBuilder();
        var at = 0;
        foreach (Match match in Contact().Matches(text))
        {
            var value = match.Value.TrimEnd('.', ',', ';', ':', ')');
            html.Append(HtmlEncoder.Default.Encode(text[at..match.Index]));
            var href = match.Groups["email"].Success ? $"mailto:{value}"
                : match.Groups["phone"].Success ? $"tel:{new string([.. value.Where(char.IsDigit)])}"
                : value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? value : $"https://{value}";
            html.Append("<a class=\"govuk-link\" href=\"").Append(HtmlEncoder.Default.Encode(href)).Append("\">")
                .Append(HtmlEncoder.Default.Encode(value)).Append("</a>");
            at = match.Index + value.Length;
        }

        html.Append(HtmlEncoder.Default.Encode(text[at..]));
        return new HtmlString(html.ToString());
    }

    [GeneratedRegex(
        @"(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
        + @"|(?<web>(?:https?://)?(?:[A-Za-z0-9-]+\.)+(?:uk|com|org|net|gov|info)\b(?:/[^\s,;]*)?)"
        + @"|(?<phone>\b0\d{2,4}(?:[ ]?\d){6,8}\b|\b(?:101|111)\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Contact();
}
