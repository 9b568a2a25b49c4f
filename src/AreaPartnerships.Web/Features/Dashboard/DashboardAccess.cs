using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.Web.Features.Dashboard;

/// <summary>
/// Who sees the borough dashboard (docs/decisions/0027): the partnership manager, for every area; area managers and
/// support officers, for their own areas (officers see every issue in their areas, confidential ones included, so
/// the summaries' counts are exactly what they may see). Councillors, partner users and the administrator do not
/// (403): their homes show their own wards' and organisation's figures instead.
/// </summary>
public static class DashboardAccess
{
    extension(Viewer viewer)
    {
        public bool SeesDashboard => viewer.Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer;

        /// <summary>The areas the dashboard counts for this person; null means every area (the partnership manager).</summary>
        public IReadOnlyList<int>? DashboardAreas => viewer.Role == Roles.PartnershipManager ? null : viewer.AreaIds;
    }
}
