using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.AreaPlans;

/// <summary>
/// One area's plan for a financial year: its summary and priorities in order, each with its lead
/// organisation, description and the task groups serving it (who leads them, whether a partner leads,
/// their status, and a flag when a group is past its review date).
/// </summary>
public static class ViewAreaPlan
{
    public sealed class Page
    {
        public required PlanArea Area { get; init; }

        /// <summary>The financial year shown, by the year it starts in (the year chooser's value).</summary>
        public int Year { get; init; }

        public FinancialYear FinancialYear => new(Year);

        public bool HasPlan { get; init; }

        public string? Summary { get; init; }

        public IReadOnlyList<SelectListItem> Years { get; init; } = [];

        public IReadOnlyList<PriorityCard> Priorities { get; init; } = [];
    }

    public sealed record PriorityCard(int Id, string Title, string? Description, string? LeadOrganisation, IReadOnlyList<GroupRow> TaskGroups);

    public sealed record GroupRow(int Id, string Name, string LeadName, string LeadOrganisation, bool LedByPartner, bool IsActive, DateOnly ReviewOn, bool ReviewOverdue);

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The plan page, or null when the area does not exist or this person may not see it.</summary>
        public async Task<Page?> HandleAsync(Viewer viewer, int areaId, FinancialYear year, CancellationToken ct)
        {
            var area = await viewer.FindAreaAsync(db, areaId, logger, ct);
            if (area is null)
            {
                return null;
            }

            var start = year.StartYear;
            var plan = await db.AreaPlans.AsNoTracking()
                .Where(p => p.AreaId == areaId && p.FinancialYearStart == start)
                .Select(p => new { p.Id, p.Summary })
                .SingleOrDefaultAsync(ct);
            var priorities = plan is null
                ? []
                : await db.Priorities.AsNoTracking()
                    .Where(p => p.AreaPlanId == plan.Id)
                    .OrderBy(p => p.DisplayOrder).ThenBy(p => p.Id)
                    .Select(p => new { p.Id, p.Title, p.Description, LeadOrganisation = p.LeadOrganisation == null ? null : p.LeadOrganisation.Name })
                    .ToListAsync(ct);
            var priorityIds = priorities.Select(p => (int?)p.Id).ToList();
            var today = UkFormat.UkToday(clock);
            var groups = await viewer.VisibleTaskGroups(db).AsNoTracking()
                .Where(g => priorityIds.Contains(g.PriorityId))
                .OrderBy(g => g.Status).ThenBy(g => g.Name)
                .Select(g => new
                {
                    g.Id,
                    g.Name,
                    g.PriorityId,
                    LeadName = g.LeadUser.DisplayName,
                    LeadOrganisation = g.LeadOrganisation.Name,
                    g.LedByPartner,
                    g.Status,
                    g.ReviewOn,
                })
                .ToListAsync(ct);

            return new Page
            {
                Area = area,
                Year = start,
                HasPlan = plan is not null,
                Summary = plan?.Summary,
                Years = await PlanYears.OptionsAsync(db, year, clock, ct),
                Priorities = [.. priorities.Select(p => new PriorityCard(p.Id, p.Title, p.Description, p.LeadOrganisation,
                    [.. groups.Where(g => g.PriorityId == p.Id).Select(g => new GroupRow(g.Id, g.Name, g.LeadName, g.LeadOrganisation, g.LedByPartner,
                        g.Status == TaskGroupStatus.Active, g.ReviewOn, g.Status == TaskGroupStatus.Active && g.ReviewOn < today))]))],
            };
        }
    }
}
