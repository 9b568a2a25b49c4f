using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Govuk;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// The task groups this person may see, filtered by area and status (active by default), sorted by name
/// and paged: who leads each (partner or area manager), how many members, open and overdue actions, and
/// the review date, flagged when past. This is the area manager's view of overdue actions. Rows are
/// projected without tracking, the counts as subqueries of the one page query.
/// </summary>
public static class ListTaskGroups
{
    public const int PageSize = 25;

    public const string Active = "active";
    public const string Closed = "closed";
    public const string Any = "all";

    public sealed class Query
    {
        public int? AreaId { get; set; }

        /// <summary><see cref="Active"/> (the default), <see cref="Closed"/> or <see cref="Any"/>.</summary>
        public string? Status { get; set; } = Active;

        /// <summary>Only groups needing attention: overdue actions, or past their review date.</summary>
        public bool Overdue { get; set; }

        public int Page { get; set; } = 1;

        public bool HasFilters => AreaId is not null || Status != Active || Overdue;
    }

    public sealed record Row(
        int Id,
        string Name,
        string Area,
        string Lead,
        string LeadOrganisation,
        bool LedByPartner,
        int Members,
        int OpenActions,
        int OverdueActions,
        DateOnly ReviewOn,
        TaskGroupStatus Status)
    {
        public bool IsReviewOverdue(DateOnly today) => Status == TaskGroupStatus.Active && ReviewOn < today;
    }

    public sealed record Result(Query Query, IReadOnlyList<Row> Rows, int TotalCount, int TotalPages, DateOnly Today, IReadOnlyList<SelectListItem> Areas, bool CanCreate);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Viewer viewer, Query query, CancellationToken ct)
        {
            var today = UkFormat.UkToday(clock);
            query.Status = query.Status?.ToLowerInvariant() is Closed or Any ? query.Status.ToLowerInvariant() : Active;
            var groups = viewer.VisibleTaskGroups(db).AsNoTracking();
            if (query.AreaId is { } areaId)
            {
                groups = groups.Where(g => g.AreaId == areaId);
            }

            groups = query.Status switch
            {
                Closed => groups.Where(g => g.Status == TaskGroupStatus.Closed),
                Any => groups,
                _ => groups.Where(g => g.Status == TaskGroupStatus.Active),
            };

            if (query.Overdue)
            {
                groups = groups.Where(g => (g.Status == TaskGroupStatus.Active && g.ReviewOn < today)
                    || db.PlanActions.Any(a => a.TaskGroupId == g.Id
                        && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked)
                        && a.DueOn < today));
            }

            var total = await groups.CountAsync(ct);
            var totalPages = PageLinks.PageCount(total, PageSize);
            query.Page = Math.Clamp(query.Page, 1, Math.Max(1, totalPages));
            var rows = await groups
                .OrderBy(g => g.Name).ThenBy(g => g.Id)
                .Skip((query.Page - 1) * PageSize).Take(PageSize)
                .Select(g => new Row(
                    g.Id, g.Name, g.Area.Name, g.LeadUser.DisplayName, g.LeadOrganisation.Name, g.LedByPartner,
                    g.Members.Count,
                    db.PlanActions.Count(a => a.TaskGroupId == g.Id
                        && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked)),
                    db.PlanActions.Count(a => a.TaskGroupId == g.Id
                        && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked)
                        && a.DueOn < today),
                    g.ReviewOn, g.Status))
                .ToListAsync(ct);

            return new Result(query, rows, total, totalPages, today, await AreasAsync(viewer, ct), viewer.CanCreateTaskGroups());
        }

        /// <summary>The areas to filter by: the partnership manager's all, an officer's own, a partner's those of their groups.</summary>
        private async Task<IReadOnlyList<SelectListItem>> AreasAsync(Viewer viewer, CancellationToken ct)
        {
            var areaIds = viewer.AreaIds;
            var visible = viewer.VisibleTaskGroups(db);
            var areas = viewer.Role switch
            {
                Roles.PartnershipManager => db.Areas.AsNoTracking(),
                Roles.AreaManager or Roles.SupportOfficer => db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)),
                _ => db.Areas.AsNoTracking().Where(a => visible.Any(g => g.AreaId == a.Id)),
            };
            return await areas.OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, TaskGroupChoices.Value(a.Id))).ToListAsync(ct);
        }
    }
}
