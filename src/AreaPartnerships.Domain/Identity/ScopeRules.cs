using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Identity;

/// <summary>
/// What scope each role needs. One rule, used by the admin screens and the seeding alike:
/// area managers and support officers need at least one area, councillors at least one ward,
/// partner users an organisation; the borough-wide roles need none, and no role keeps a scope it does not use.
/// </summary>
public static class ScopeRules
{
    /// <summary>
    /// Checks that the role has the scope it needs and returns only the scope it keeps: scopes the role does not
    /// use are cleared (so a form that posts wards for an area manager, or an organisation for a councillor,
    /// stores none), and repeated ids are kept once.
    /// </summary>
    public static Scope Check(string role, IReadOnlyCollection<int> areaIds, IReadOnlyCollection<int> wardIds, int? organisationId)
    {
        if (!Roles.All.Contains(role))
        {
            throw new DomainException("Select a role", "Role");
        }

        var uses = Uses(role);
        var kept = new Scope(
            uses.Areas ? [.. areaIds.Distinct()] : [],
            uses.Wards ? [.. wardIds.Distinct()] : [],
            uses.Organisation ? organisationId : null);

        switch (role)
        {
            case Roles.AreaManager or Roles.SupportOfficer when kept.AreaIds.Count == 0:
                throw new DomainException($"Select at least one area for a {Roles.DisplayName(role).ToLowerInvariant()}", "AreaIds");
            case Roles.SupportOfficer when kept.AreaIds.Count > 1:
                throw new DomainException("A support officer works in one area: select only one", "AreaIds");
            case Roles.Councillor when kept.WardIds.Count == 0:
                throw new DomainException("Select at least one ward for a ward councillor", "WardIds");
            case Roles.PartnerUser when kept.OrganisationId is null:
                throw new DomainException("Select the partner user's organisation", "OrganisationId");
        }

        return kept;
    }

    /// <summary>Which scope kinds a role keeps; the others are cleared when the role is saved.</summary>
    public static (bool Areas, bool Wards, bool Organisation) Uses(string role) => role switch
    {
        Roles.AreaManager or Roles.SupportOfficer => (true, false, false),
        Roles.Councillor => (false, true, false),
        Roles.PartnerUser => (false, false, true),
        _ => (false, false, false),
    };
}

/// <summary>What a person looks after: their areas, their wards, their organisation (each empty unless the role uses it).</summary>
public sealed record Scope(IReadOnlyList<int> AreaIds, IReadOnlyList<int> WardIds, int? OrganisationId);
