using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.AreaPlans;

/// <summary>
/// The plans of the person's areas for a financial year, side by side: each area's priorities in order,
/// with their lead organisation and the active task groups serving them. The partnership manager sees
/// every area.
/// </summary>
public static class ListAreaPlans
{
    public sealed class Page
    {
        /// <summary>The financial year shown, by the year it starts in (the year chooser's value).</summary>
        public int Year { get; init; }

        public FinancialYear FinancialYear => new(Year);

        public bool AllAreas { get; init; }

        public IReadOnlyList<SelectListItem> Years { get; init; } = [];

        public IReadOnlyList<AreaCard> Areas { get; init; } = [];
    }

    /// <summary>One area's plan; <see cref="HasPlan"/> is false when nothing has been saved for the year yet.</summary>
    public sealed record AreaCard(int AreaId, string Name, bool HasPlan, string? Summary, IReadOnlyList<PriorityLine> Priorities);

    public sealed record PriorityLine(int Id, string Title, string? LeadOrganisation, IReadOnlyList<GroupLink> TaskGroups);

    public sealed record GroupLink(int Id, string Name);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Page> HandleAsync(Viewer viewer, FinancialYear year, CancellationToken ct)
        {
            var start = year.StartYear;
            // Retired areas drop out, unless they had a plan that year (history stays readable).
            var areas = await viewer.VisibleAreas(db)
                .Where(a => a.IsActive || db.AreaPlans.Any(p => p.AreaId == a.Id && p.FinancialYearStart == start))
                .OrderBy(a => a.Name)
                .Select(a => new { a.Id, a.Name })
                .ToListAsync(ct);
            var areaIds = areas.Select(a => a.Id).ToList();
            var plans = await db.AreaPlans.AsNoTracking()
                .Where(p => p.FinancialYearStart == start && areaIds.Contains(p.AreaId))
                .Select(p => new { p.Id, p.AreaId, p.Summary })
                .ToListAsync(ct);
            var planIds = plans.Select(p => p.Id).ToList();
            var priorities = await db.Priorities.AsNoTracking()
                .Where(p => planIds.Contains(p.AreaPlanId))
                .OrderBy(p => p.DisplayOrder).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.AreaPlanId, p.Title, LeadOrganisation = p.LeadOrganisation == null ? null : p.LeadOrganisation.Name })
                .ToListAsync(ct);
            var priorityIds = priorities.Select(p => (int?)p.Id).ToList();
            var groups = await viewer.VisibleTaskGroups(db).AsNoTracking()
                .Where(g => g.Status == TaskGroupStatus.Active && priorityIds.Contains(g.PriorityId))
                .OrderBy(g => g.Name)
                .Select(g => new { g.Id, g.Name, g.PriorityId })
                .ToListAsync(ct);

            var cards = areas.Select(area =>
            {
                var plan = plans.SingleOrDefault(p => p.AreaId == area.Id);
                IReadOnlyList<PriorityLine> lines = plan is null
                    ? []
                    : [.. priorities.Where(p => p.AreaPlanId == plan.Id).Select(p => new PriorityLine(p.Id, p.Title, p.LeadOrganisation,
                        [.. groups.Where(g => g.PriorityId == p.Id).Select(g => new GroupLink(g.Id, g.Name))]))];
                return new AreaCard(area.Id, area.Name, plan is not null, plan?.Summary, lines);
            }).ToList();

            return new Page
            {
                Year = start,
                AllAreas = viewer.Role == Roles.PartnershipManager,
                Years = await PlanYears.OptionsAsync(db, year, clock, ct),
                Areas = cards,
            };
        }
    }
}
