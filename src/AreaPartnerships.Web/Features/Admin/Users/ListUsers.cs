using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Users;

/// <summary>
/// Everyone who can sign in, filtered by name or e-mail, role, area, organisation and status, sorted by
/// name and paged (a council has hundreds of accounts). One query for the page of rows, one for their
/// scopes: no query per row.
/// </summary>
public static class ListUsers
{
    public const int PageSize = 25;

    public enum StatusFilter
    {
        Any = 0,
        Active = 1,
        Locked = 2,
    }

    public sealed class Query
    {
        public string? Q { get; set; }

        public string? Role { get; set; }

        public int? AreaId { get; set; }

        public int? OrganisationId { get; set; }

        public StatusFilter Status { get; set; }

        public int Page { get; set; } = 1;
    }

    public sealed record Row(int Id, string DisplayName, string Email, string Role, string Scope, string? Organisation, bool IsDisabled, DateTimeOffset? LockedOutUntil);

    public sealed record Result(
        Query Query,
        IReadOnlyList<Row> Rows,
        int TotalCount,
        int TotalPages,
        IReadOnlyList<SelectListItem> Roles,
        IReadOnlyList<SelectListItem> Areas,
        IReadOnlyList<SelectListItem> Organisations);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim();
                var upper = text.ToUpperInvariant();
                users = users.Where(u => u.DisplayName.Contains(text) || u.NormalizedEmail!.Contains(upper));
            }

            if (!string.IsNullOrEmpty(query.Role) && Domain.Identity.Roles.All.Contains(query.Role))
            {
                var roleId = db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id);
                users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
            }

            if (query.AreaId is { } areaId)
            {
                users = users.Where(u => u.Areas.Any(a => a.AreaId == areaId) || u.Wards.Any(w => w.Ward.AreaId == areaId));
            }

            if (query.OrganisationId is { } organisationId)
            {
                users = users.Where(u => u.OrganisationId == organisationId);
            }

            users = query.Status switch
            {
                StatusFilter.Active => users.Where(u => !u.IsDisabled && (u.LockoutEnd == null || u.LockoutEnd <= now)),
                StatusFilter.Locked => users.Where(u => u.IsDisabled || (u.LockoutEnd != null && u.LockoutEnd > now)),
                _ => users,
            };

            var total = await users.CountAsync(ct);
            var totalPages = PageLinks.PageCount(total, PageSize);
            query.Page = Math.Clamp(query.Page, 1, Math.Max(1, totalPages));

            var page = await users
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                .Skip((query.Page - 1) * PageSize).Take(PageSize)
                .Select(u => new
                {
                    u.Id,
                    u.DisplayName,
                    u.Email,
                    Organisation = u.Organisation == null ? null : u.Organisation.Name,
                    u.IsDisabled,
                    u.LockoutEnd,
                })
                .ToListAsync(ct);

            var ids = page.Select(u => u.Id).ToList();
            var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                    .ToListAsync(ct))
                .ToLookup(x => x.UserId, x => x.Name!);
            var areas = (await db.UserAreas.AsNoTracking().Where(ua => ids.Contains(ua.UserId))
                    .Select(ua => new { ua.UserId, ua.Area.Name }).ToListAsync(ct))
                .ToLookup(x => x.UserId, x => x.Name);
            var wards = (await db.UserWards.AsNoTracking().Where(uw => ids.Contains(uw.UserId))
                    .Select(uw => new { uw.UserId, uw.Ward.Name }).ToListAsync(ct))
                .ToLookup(x => x.UserId, x => x.Name);

            var rows = page.Select(u =>
            {
                var scope = string.Join(", ", areas[u.Id].Concat(wards[u.Id]).Order(StringComparer.CurrentCulture));
                var role = string.Join(", ", roles[u.Id].Select(Domain.Identity.Roles.DisplayName));
                return new Row(u.Id, u.DisplayName, u.Email ?? string.Empty, role, scope, u.Organisation, u.IsDisabled,
                    u.LockoutEnd > now ? u.LockoutEnd : null);
            }).ToList();

            return new Result(query, rows, total, totalPages,
                [.. Domain.Identity.Roles.Assignable.Select(r => new SelectListItem(Domain.Identity.Roles.DisplayName(r), r))],
                await db.Areas.AsNoTracking().OrderBy(a => a.Name)
                    .Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
                await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
                    .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct));
        }
    }
}
