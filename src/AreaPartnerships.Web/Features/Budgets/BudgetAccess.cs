using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// Who may see and do what with quick-win budgets: the one place these rules live.
/// <list type="bullet">
/// <item>See a budget and its ledger (and its CSV): the partnership manager and the administrator (every area); area
/// managers and support officers (their areas). Councillors see only their wards' spend (totals and purposes, never a
/// payee marked sensitive), through issues in their wards; partners never see a ledger. Anything else is "not found".</item>
/// <item>Set or change an area's allocation for a year: the partnership manager or the administrator.</item>
/// <item>Record a spend, a correction or a reversal: the area's area manager, or the partnership manager for any area.
/// Support officers, councillors and partners may not (the pages say so; a post is refused).</item>
/// <item>Set the ceiling for one spend: the administrator.</item>
/// </list>
/// </summary>
public static class BudgetAccess
{
    extension(Viewer viewer)
    {
        /// <summary>The budgets whose figures and ledger this person may see.</summary>
        public IQueryable<QuickWinBudget> VisibleBudgets(AppDbContext db)
        {
            var budgets = db.QuickWinBudgets.AsQueryable();
            var areaIds = viewer.AreaIds;
            return viewer.Role switch
            {
                Roles.PartnershipManager or Roles.Administrator => budgets,
                Roles.AreaManager or Roles.SupportOfficer => budgets.Where(b => areaIds.Contains(b.AreaId)),
                _ => budgets.Where(b => false),
            };
        }

        /// <summary>Sees the quick-win pages at all (the navigation link, the monitor).</summary>
        public bool SeesBudgets =>
            viewer.Role is Roles.PartnershipManager or Roles.Administrator
            || (viewer.Role is Roles.AreaManager or Roles.SupportOfficer && viewer.AreaIds.Count > 0);

        /// <summary>Set or change allocations: the partnership manager or the administrator.</summary>
        public bool CanAllocate => viewer.Role is Roles.PartnershipManager or Roles.Administrator;

        /// <summary>Record a spend, correction or reversal against the area's budget: its area manager, or the partnership manager.</summary>
        public bool CanSpendFrom(int areaId) =>
            viewer.Role == Roles.PartnershipManager || (viewer.Role == Roles.AreaManager && viewer.AreaIds.Contains(areaId));

        /// <summary>Set the ceiling for one spend: the administrator.</summary>
        public bool CanSetSpendCeiling => viewer.Role == Roles.Administrator;
    }
}
