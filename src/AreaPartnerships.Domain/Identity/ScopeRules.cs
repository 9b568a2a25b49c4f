using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Identity;

/// <summary>
/// What scope each role needs. One rule, used by the admin screens and the seeding alike:
/// area managers and support officers need at least one area, councillors at least one ward,
/// partner users an organisation; the borough-wide roles need none.
/// </summary>
public static class ScopeRules
{
    public static void Check(string role, IReadOnlyCollection<int> areaIds, IReadOnlyCollection<int> wardIds, int? organisationId)
    {
        if (!Roles.All.Contains(role))
        {
            throw new DomainException("Select a role", "Role");
        }

        switch (role)
        {
            case Roles.AreaManager or Roles.SupportOfficer when areaIds.Count == 0:
                throw new DomainException($"Select at least one area for a {Roles.DisplayName(role).ToLowerInvariant()}", "AreaIds");
            case Roles.SupportOfficer when areaIds.Count > 1:
                throw new DomainException("A support officer works in one area: select only one", "AreaIds");
            case Roles.Councillor when wardIds.Count == 0:
                throw new DomainException("Select at least one ward for a ward councillor", "WardIds");
            case Roles.PartnerUser when organisationId is null:
                throw new DomainException("Select the partner user's organisation", "OrganisationId");
        }
    }

    /// <summary>Which scope kinds a role keeps; the others are cleared when the role is saved.</summary>
    public static (bool Areas, bool Wards) Uses(string role) => role switch
    {
        Roles.AreaManager or Roles.SupportOfficer => (true, false),
        Roles.Councillor => (false, true),
        _ => (false, false),
    };
}
