using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.Web.Features.Costs;

/// <summary>
/// Who may see and do what with costs on a case, cost-avoidance estimates, unit costs and the value-for-money report:
/// the one place these rules live (docs/decisions/0026).
/// <list type="bullet">
/// <item>An issue's costs and estimate: officers and partner users, on issues they may see (<c>VisibleIssues</c>
/// decides which); a payee marked sensitive only to officers. Councillors see their wards' spend totals and purposes on
/// the quick-win pages, not the costs on a case.</item>
/// <item>Record or withdraw a cost, and make or change an estimate: the area's officers (its area manager and support
/// officers, the partnership manager).</item>
/// <item>Keep the unit-cost table: the administrator only (everyone who records costs reads it).</item>
/// <item>The value-for-money report: the partnership manager (every area), area managers and support officers (their
/// areas).</item>
/// </list>
/// </summary>
public static class CostAccess
{
    extension(Viewer viewer)
    {
        /// <summary>Sees the costs and estimate on an issue they may see.</summary>
        public bool SeesCosts => viewer.IsOfficer || viewer.Role == Roles.PartnerUser;

        /// <summary>Sees the payee of a spend marked sensitive (a person's name).</summary>
        public bool SeesSensitivePayees => viewer.IsOfficer;

        /// <summary>Record or withdraw a cost on an issue in this area, and make or change its estimate.</summary>
        public bool CanRecordCosts(int areaId) =>
            viewer.Role == Roles.PartnershipManager || (viewer.Role is Roles.AreaManager or Roles.SupportOfficer && viewer.AreaIds.Contains(areaId));

        /// <summary>Add, change, retire and reinstate unit costs.</summary>
        public bool CanKeepUnitCosts => viewer.Role == Roles.Administrator;

        /// <summary>Sees the value-for-money report at all.</summary>
        public bool SeesValueForMoney =>
            viewer.Role == Roles.PartnershipManager || (viewer.Role is Roles.AreaManager or Roles.SupportOfficer && viewer.AreaIds.Count > 0);

        /// <summary>The areas whose value for money this person may read: null for every area.</summary>
        public IReadOnlyList<int>? ValueForMoneyAreas => viewer.Role == Roles.PartnershipManager ? null : viewer.AreaIds;
    }
}
