using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.AreaPlans;

/// <summary>
/// Who may see and change which area's plan: the one place these rules live.
/// <list type="bullet">
/// <item>See: the partnership manager (every area); area managers and support officers (their areas).
/// Another area's plan is "not found". Councillors, partners and administrators never reach these pages.</item>
/// <item>Change (priorities, their order, the summary): the area's area manager and the partnership manager.
/// A support officer sees the plan but may not change it.</item>
/// </list>
/// </summary>
public static class AreaPlanAccess
{
    public static bool CanSeePlan(this Viewer viewer, int areaId) =>
        viewer.Role == Roles.PartnershipManager
        || ((viewer.Role is Roles.AreaManager or Roles.SupportOfficer) && viewer.AreaIds.Contains(areaId));

    public static bool CanChangePlan(this Viewer viewer, int areaId) => viewer.CanTriage(areaId);

    /// <summary>The areas whose plans this person may see.</summary>
    public static IQueryable<Area> VisibleAreas(this Viewer viewer, AppDbContext db)
    {
        var areas = db.Areas.AsNoTracking();
        var areaIds = viewer.AreaIds;
        return viewer.Role switch
        {
            Roles.PartnershipManager => areas,
            Roles.AreaManager or Roles.SupportOfficer => areas.Where(a => areaIds.Contains(a.Id)),
            _ => areas.Where(a => false),
        };
    }

    /// <summary>
    /// The area, if it exists and this person may see its plan; otherwise null, and the attempt is logged
    /// (another area's plan is "not found", so its existence is not revealed).
    /// </summary>
    public static async Task<PlanArea?> FindAreaAsync(this Viewer viewer, AppDbContext db, int areaId, ILogger logger, CancellationToken ct)
    {
        var area = await viewer.VisibleAreas(db).Where(a => a.Id == areaId).Select(a => new PlanArea(a.Id, a.Name, false)).SingleOrDefaultAsync(ct);
        if (area is null)
        {
            logger.LogWarning("User {UserId} ({Role}) asked for the plan of area {AreaId}, which does not exist or they may not see", viewer.UserId, viewer.Role, areaId);
            return null;
        }

        return area with { CanChange = viewer.CanChangePlan(areaId) };
    }
}

/// <summary>An area as the plan pages show it, and whether this person may change its plan.</summary>
public sealed record PlanArea(int Id, string Name, bool CanChange);

/// <summary>The financial year a plan page is for, and the years offered by the year chooser.</summary>
public static class PlanYears
{
    public const int Earliest = 2000;
    public const int Latest = 2099;

    /// <summary>The year asked for, or the current UK financial year; null for a year out of range (not found).</summary>
    public static FinancialYear? Resolve(int? year, TimeProvider clock) => year switch
    {
        null => FinancialYear.Containing(UkFormat.UkToday(clock)),
        >= Earliest and <= Latest => new FinancialYear(year.Value),
        _ => null,
    };

    /// <summary>Last year, this year, next year, every year with a plan, and the one shown.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> OptionsAsync(AppDbContext db, FinancialYear shown, TimeProvider clock, CancellationToken ct)
    {
        var current = FinancialYear.Containing(UkFormat.UkToday(clock)).StartYear;
        var planned = await db.AreaPlans.AsNoTracking().Select(p => p.FinancialYearStart).Distinct().ToListAsync(ct);
        return [.. planned.Concat([current - 1, current, current + 1, shown.StartYear])
            .Distinct()
            .Order()
            .Select(y => new SelectListItem(
                y == current ? $"{new FinancialYear(y)} (this year)" : new FinancialYear(y).ToString(),
                y.ToString(CultureInfo.InvariantCulture),
                y == shown.StartYear))];
    }

    public static string Query(FinancialYear year) => $"year={year.StartYear.ToString(CultureInfo.InvariantCulture)}";
}
