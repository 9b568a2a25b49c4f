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
