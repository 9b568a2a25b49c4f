using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// Who and what a task group's forms offer, and the checks that a posted choice is one of them: the areas a
/// person may set groups up in, the priorities of an area's plan, who may lead (partner users, or an area
/// manager of the group's area), the lead organisation, and who may join (partner users and the area's officers).
/// </summary>
public static class TaskGroupChoices
{
    /// <summary>A person who may lead or join a group. Built with an initialiser, not a constructor, so EF can translate filters on it.</summary>
    public sealed record Person
    {
        public required int Id { get; init; }

        public required string Name { get; init; }

        public required string Role { get; init; }

        public int? OrganisationId { get; init; }

        public string? Organisation { get; init; }

        /// <summary>"Name (Organisation)" for a partner; "Name (Area manager)" for an officer.</summary>
        public string Label => Role == Roles.PartnerUser
            ? $"{Name} ({Organisation ?? "no organisation"})"
            : $"{Name} ({Roles.DisplayName(Role)}{(Organisation is null ? "" : $", {Organisation}")})";
    }

    public sealed record PriorityOption
    {
        public required int Id { get; init; }

        public required string Title { get; init; }

        public required int AreaId { get; init; }

        public required string Area { get; init; }
    }

    /// <summary>The areas this person may set up task groups in: the partnership manager all active areas, an area manager theirs.</summary>
    public static IQueryable<Domain.Areas.Area> AreasToManage(AppDbContext db, Viewer viewer)
    {
        var areas = db.Areas.AsNoTracking().Where(a => a.IsActive);
        var areaIds = viewer.AreaIds;
        return viewer.Role switch
        {
            Roles.PartnershipManager => areas,
            Roles.AreaManager => areas.Where(a => areaIds.Contains(a.Id)),
            _ => areas.Where(a => false),
        };
    }

    /// <summary>Partner users, area managers and support officers whose accounts are enabled.</summary>
    public static IQueryable<Person> People(AppDbContext db) =>
        from u in db.Users.AsNoTracking()
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where !u.IsDisabled && (r.Name == Roles.PartnerUser || r.Name == Roles.AreaManager || r.Name == Roles.SupportOfficer)
        select new Person
        {
            Id = u.Id,
            Name = u.DisplayName,
            Role = r.Name!,
            OrganisationId = u.OrganisationId,
            Organisation = u.Organisation == null ? null : u.Organisation.Name,
        };

    /// <summary>Who may lead a group in one of these areas: any partner user, or an area manager of the area.</summary>
    public static IQueryable<Person> Leads(AppDbContext db, IReadOnlyList<int> areaIds) =>
        People(db).Where(p => p.Role == Roles.PartnerUser
            || (p.Role == Roles.AreaManager && db.UserAreas.Any(a => a.UserId == p.Id && areaIds.Contains(a.AreaId))));

    /// <summary>Who may join a group in one of these areas: any partner user, or an area manager or support officer of the area.</summary>
    public static IQueryable<Person> Members(AppDbContext db, IReadOnlyList<int> areaIds) =>
        People(db).Where(p => p.Role == Roles.PartnerUser || db.UserAreas.Any(a => a.UserId == p.Id && areaIds.Contains(a.AreaId)));

    /// <summary>The priorities of these areas' plans for the financial year, in the plans' order.</summary>
    public static IQueryable<PriorityOption> Priorities(AppDbContext db, IReadOnlyList<int> areaIds, FinancialYear year)
    {
        var start = year.StartYear;
        return from p in db.Priorities.AsNoTracking()
               join plan in db.AreaPlans on p.AreaPlanId equals plan.Id
               where plan.FinancialYearStart == start && areaIds.Contains(plan.AreaId)
               orderby plan.Area.Name, p.DisplayOrder, p.Title
               select new PriorityOption { Id = p.Id, Title = p.Title, AreaId = plan.AreaId, Area = plan.Area.Name };
    }

    /// <summary>Organisations an area manager may lead for: the council's services (and their own organisation, if they have one).</summary>
    public static async Task<IReadOnlyList<SelectListItem>> LeadOrganisationsAsync(AppDbContext db, int? alsoId, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => (o.IsActive && o.Kind == OrganisationKind.CouncilService) || o.Id == alsoId)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
        return [new SelectListItem("The lead's own organisation", ""), .. organisations];
    }

    public static IReadOnlyList<SelectListItem> LeadItems(IEnumerable<Person> people) =>
        [new SelectListItem("Choose who leads the group", ""), .. people.Select(p => new SelectListItem(p.Label, Value(p.Id)))];

    public static IReadOnlyList<SelectListItem> PriorityItems(IReadOnlyList<PriorityOption> priorities, bool withArea) =>
        [new SelectListItem("None", ""), .. priorities.Select(p => new SelectListItem(withArea ? $"{p.Area}: {p.Title}" : p.Title, Value(p.Id)))];

    /// <summary>
    /// The lead as the domain records it. A partner leads for their own organisation; an area manager for the
    /// organisation chosen, or their own when none is chosen (one of the two is needed).
    /// </summary>
    public static async Task<Lead> LeadAsync(AppDbContext db, int areaId, int? leadUserId, int? leadOrganisationId, int? currentLeadOrganisationId, CancellationToken ct)
    {
        var person = leadUserId is null ? null : await Leads(db, [areaId]).SingleOrDefaultAsync(p => p.Id == leadUserId, ct);
        if (person is null)
        {
            throw new DomainException("Select who leads the group: a partner, or an area manager of the group's area", "LeadUserId");
        }

        if (person.Role == Roles.PartnerUser)
        {
            return person is { OrganisationId: { } partnerOrganisation, Organisation: { } partnerOrganisationName }
                ? new Lead(person.Id, person.Name, partnerOrganisation, partnerOrganisationName, IsPartner: true)
                : throw new DomainException($"{person.Name} has no organisation recorded: choose another lead, or ask an administrator to set it", "LeadUserId");
        }

        var organisationId = leadOrganisationId ?? person.OrganisationId
            ?? throw new DomainException("Select the lead organisation: the council service the area manager leads the group for", "LeadOrganisationId");
        var ownId = person.OrganisationId;
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId
                && ((o.IsActive && o.Kind == OrganisationKind.CouncilService) || o.Id == ownId || o.Id == currentLeadOrganisationId))
            .Select(o => o.Name)
            .SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Select the lead organisation from the list", "LeadOrganisationId");
        return new Lead(person.Id, person.Name, organisationId, organisation, IsPartner: false);
    }

    /// <summary>Checks a chosen priority is in the area's plan for the year (or is the one the group already serves).</summary>
    public static async Task CheckPriorityAsync(AppDbContext db, int areaId, int? priorityId, int? currentPriorityId, FinancialYear year, CancellationToken ct)
    {
        if (priorityId is null || priorityId == currentPriorityId)
        {
            return;
        }

        if (!await Priorities(db, [areaId], year).AnyAsync(p => p.Id == priorityId, ct))
        {
            throw new DomainException($"Select a priority from this area's plan for {year}, or none", "PriorityId");
        }
    }

    public static string Value(int id) => id.ToString(CultureInfo.InvariantCulture);
}
