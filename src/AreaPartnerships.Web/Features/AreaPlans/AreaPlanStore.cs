using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.AreaPlans;

/// <summary>The steps the plan's change handlers share: find the plan to change, and the lead organisations to choose from.</summary>
public static class AreaPlanStore
{
    /// <summary>The area's plan for the year with its priorities, tracked for change; null when none has been saved yet.</summary>
    public static Task<AreaPlan?> FindForChangeAsync(AppDbContext db, int areaId, int year, CancellationToken ct) =>
        db.AreaPlans.Include(p => p.Priorities).SingleOrDefaultAsync(p => p.AreaId == areaId && p.FinancialYearStart == year, ct);

    /// <summary>The plan in the area holding the priority, with its priorities, tracked for change; null when there is no such priority there.</summary>
    public static Task<AreaPlan?> FindHoldingAsync(AppDbContext db, int areaId, int priorityId, CancellationToken ct) =>
        db.AreaPlans.Include(p => p.Priorities).SingleOrDefaultAsync(p => p.AreaId == areaId && p.Priorities.Any(x => x.Id == priorityId), ct);

    /// <summary>Active organisations by name, and the current lead even if it has since been retired.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> OrganisationOptionsAsync(AppDbContext db, int? currentId, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.IsActive || o.Id == currentId)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
        return [new SelectListItem("Not chosen yet", ""), .. organisations];
    }

    /// <summary>Checks a chosen lead organisation is one offered (active, or the lead it already has).</summary>
    public static async Task CheckLeadAsync(AppDbContext db, int? leadOrganisationId, int? currentId, string field, CancellationToken ct)
    {
        if (leadOrganisationId is null || leadOrganisationId == currentId)
        {
            return;
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == leadOrganisationId && o.IsActive, ct))
        {
            throw new DomainException("Select the lead organisation from the list", field);
        }
    }

    /// <summary>Organisation names by id, to describe what a record holds now after a conflict.</summary>
    public static Task<Dictionary<int, string>> OrganisationNamesAsync(AppDbContext db, CancellationToken ct) =>
        db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>Long text cut short for a message.</summary>
    public static string Excerpt(string? text, int length = 150) =>
        text is null ? string.Empty : text.Length <= length ? text : string.Concat(text.AsSpan(0, length).TrimEnd(), "…");

    /// <summary>How a priority reads in a conflict: its title, lead organisation and description.</summary>
    public static ConflictText PriorityConflict(AppDbContext db) => new("priority", async (values, ct) =>
    {
        var organisations = await OrganisationNamesAsync(db, ct);
        var lead = values.GetValue<int?>(nameof(Priority.LeadOrganisationId));
        var description = values.GetValue<string?>(nameof(Priority.Description));
        return (IEnumerable<string>)
        [
            $"title ‘{values.GetValue<string>(nameof(Priority.Title))}’",
            $"lead organisation {(lead is { } id && organisations.TryGetValue(id, out var name) ? name : "not chosen")}",
            description is null ? "no description" : $"description ‘{Excerpt(description)}’",
        ];
    });
}
