using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// What the meeting forms offer, and the checks that a posted choice is one of them: the areas a person may run
/// meetings in, the task groups and wards of those areas, who may chair, and who may be invited.
/// </summary>
public static class MeetingChoices
{
    /// <summary>A person of the service, as the chair and invite lists show them. Built with an initialiser so EF can translate filters on it.</summary>
    public sealed record Person
    {
        public required int Id { get; init; }

        public required string Name { get; init; }

        public required string Role { get; init; }

        public string? Organisation { get; init; }

        /// <summary>"Name (Organisation)" for a partner; "Name (Area manager)" for an officer or councillor.</summary>
        public string Label => Role == Roles.PartnerUser
            ? $"{Name} ({Organisation ?? "no organisation"})"
            : $"{Name} ({Roles.DisplayName(Role)}{(Organisation is null ? "" : $", {Organisation}")})";
    }

    public sealed record Option(int Id, string Name, int AreaId, string Area);

    /// <summary>The active areas this person may run meetings in: the partnership manager's all, an area manager's or support officer's own.</summary>
    public static IQueryable<Domain.Areas.Area> Areas(AppDbContext db, Viewer viewer)
    {
        var areas = db.Areas.AsNoTracking().Where(a => a.IsActive);
        var areaIds = viewer.AreaIds;
        return viewer.Role switch
        {
            Roles.PartnershipManager => areas,
            Roles.AreaManager or Roles.SupportOfficer => areas.Where(a => areaIds.Contains(a.Id)),
            _ => areas.Where(a => false),
        };
    }

    /// <summary>Active task groups of these areas that the person may see.</summary>
    public static IQueryable<Domain.TaskGroups.TaskGroup> TaskGroups(AppDbContext db, Viewer viewer, IReadOnlyList<int> areaIds) =>
        viewer.VisibleTaskGroups(db).AsNoTracking().Where(g => g.Status == Domain.TaskGroups.TaskGroupStatus.Active && areaIds.Contains(g.AreaId));

    public static Task<List<Option>> TaskGroupOptionsAsync(AppDbContext db, Viewer viewer, IReadOnlyList<int> areaIds, CancellationToken ct) =>
        TaskGroups(db, viewer, areaIds).OrderBy(g => g.Area.Name).ThenBy(g => g.Name).ThenBy(g => g.Id)
            .Select(g => new Option(g.Id, g.Name, g.AreaId, g.Area.Name)).ToListAsync(ct);

    /// <summary>Active wards of these areas.</summary>
    public static IQueryable<Domain.Areas.Ward> Wards(AppDbContext db, IReadOnlyList<int> areaIds) =>
        db.Wards.AsNoTracking().Where(w => w.IsActive && areaIds.Contains(w.AreaId));

    public static Task<List<Option>> WardOptionsAsync(AppDbContext db, IReadOnlyList<int> areaIds, CancellationToken ct) =>
        Wards(db, areaIds).OrderBy(w => w.Area.Name).ThenBy(w => w.Name).ThenBy(w => w.Id)
            .Select(w => new Option(w.Id, w.Name, w.AreaId, w.Area.Name)).ToListAsync(ct);

    /// <summary>Everyone with an enabled account who works in the partnership (not administrators or residents).</summary>
    public static IQueryable<Person> People(AppDbContext db) =>
        from u in db.Users.AsNoTracking()
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where !u.IsDisabled && (r.Name == Roles.PartnershipManager || r.Name == Roles.AreaManager || r.Name == Roles.SupportOfficer
            || r.Name == Roles.Councillor || r.Name == Roles.PartnerUser)
        select new Person
        {
            Id = u.Id,
            Name = u.DisplayName,
            Role = r.Name!,
            Organisation = u.Organisation == null ? null : u.Organisation.Name,
        };

    /// <summary>
    /// Who may chair a meeting of the area (null: a borough meeting): the partnership manager, partners, the area's
    /// officers and its wards' councillors; for a borough meeting, the partnership manager, partners and area managers.
    /// </summary>
    public static IQueryable<Person> Chairs(AppDbContext db, IReadOnlyList<int> areaIds, bool borough) =>
        People(db).Where(p => p.Role == Roles.PartnershipManager || p.Role == Roles.PartnerUser
            || (borough && p.Role == Roles.AreaManager)
            || ((p.Role == Roles.AreaManager || p.Role == Roles.SupportOfficer) && db.UserAreas.Any(a => a.UserId == p.Id && areaIds.Contains(a.AreaId)))
            || (p.Role == Roles.Councillor && db.UserWards.Any(w => w.UserId == p.Id && areaIds.Contains(w.Ward.AreaId))));

    /// <summary>Checks the chosen chair is one offered for the meeting's area.</summary>
    public static async Task CheckChairAsync(AppDbContext db, int? chairUserId, int? areaId, int? currentChairId, CancellationToken ct)
    {
        if (chairUserId is null || chairUserId == currentChairId)
        {
            return;
        }

        if (!await Chairs(db, areaId is { } a ? [a] : [], areaId is null).AnyAsync(p => p.Id == chairUserId, ct))
        {
            throw new DomainException("Select the chair from the list, or no one", "ChairUserId");
        }
    }

    public static IReadOnlyList<SelectListItem> PersonItems(string first, IEnumerable<Person> people) =>
        [new SelectListItem(first, ""), .. people.Select(p => new SelectListItem(p.Label, Value(p.Id)))];

    public static IReadOnlyList<SelectListItem> OptionItems(string first, IEnumerable<Option> options, bool withArea) =>
        [new SelectListItem(first, ""), .. options.Select(o => new SelectListItem(withArea ? $"{o.Name} ({o.Area})" : o.Name, Value(o.Id)))];

    public static IReadOnlyList<SelectListItem> YesNo =>
        [new SelectListItem("Yes", "true"), new SelectListItem("No", "false")];

    public static string Value(int id) => id.ToString(CultureInfo.InvariantCulture);
}
