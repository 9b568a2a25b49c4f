namespace AreaPartnerships.Domain.Identity;

/// <summary>The seven roles of the product brief (DOMAIN.md, "Who uses it").</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string PartnershipManager = "PartnershipManager";
    public const string AreaManager = "AreaManager";
    public const string SupportOfficer = "SupportOfficer";
    public const string Councillor = "Councillor";
    public const string PartnerUser = "PartnerUser";
    public const string Resident = "Resident";

    public static readonly IReadOnlyList<string> All =
        [Administrator, PartnershipManager, AreaManager, SupportOfficer, Councillor, PartnerUser, Resident];

    /// <summary>Roles an administrator may give to a staff account (residents do not sign in to the staff site).</summary>
    public static readonly IReadOnlyList<string> Assignable =
        [Administrator, PartnershipManager, AreaManager, SupportOfficer, Councillor, PartnerUser];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Administrator",
        PartnershipManager => "Partnership manager",
        AreaManager => "Area manager",
        SupportOfficer => "Support officer",
        Councillor => "Ward councillor",
        PartnerUser => "Partner user",
        Resident => "Resident",
        _ => role,
    };
}
