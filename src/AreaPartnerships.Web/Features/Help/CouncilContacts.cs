namespace AreaPartnerships.Web.Features.Help;

/// <summary>
/// The council's own contact details for the accessibility statement and the privacy notice, from the
/// <c>Council</c> configuration section (e.g. <c>Council__DataProtectionOfficerEmail</c>). Anything not
/// configured is shown on the pages as a clearly marked placeholder for the council to fill in.
/// </summary>
public sealed class CouncilContacts
{
    public const string Section = "Council";

    public string Name { get; set; } = "Walsall Council";

    /// <summary>Where people ask for the service in another format or report an accessibility problem.</summary>
    public string? AccessibilityEmail { get; set; }

    /// <summary>The council's Data Protection Officer.</summary>
    public string? DataProtectionOfficerEmail { get; set; }

    public string? DataProtectionOfficerAddress { get; set; }
}

/// <summary>Shows one of the council's contact details: configured, or a clearly marked placeholder naming its setting.</summary>
public static class CouncilContact
{
    public static Microsoft.AspNetCore.Html.IHtmlContent Show(string? value, string setting, string what, bool isEmail = false)
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return new Microsoft.AspNetCore.Html.HtmlString(
                $"<strong data-testid=\"placeholder\">[To be completed by the council: {encoder.Encode(what)} – setting {encoder.Encode(setting)}]</strong>");
        }

        return new Microsoft.AspNetCore.Html.HtmlString(isEmail
            ? $"<a class=\"govuk-link\" href=\"mailto:{encoder.Encode(value)}\">{encoder.Encode(value)}</a>"
            : encoder.Encode(value));
    }
}
