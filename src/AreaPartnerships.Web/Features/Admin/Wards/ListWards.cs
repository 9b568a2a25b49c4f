using AreaPartnerships.Domain;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Wards;

/// <summary>Wards with their area, profile and councillors, optionally for one area (a borough has a few dozen: one page).</summary>
public static class ListWards
{
    public sealed record Row(int Id, string Name, string AreaName, int? Population, int? DeprivationRank, bool IsActive, IReadOnlyList<string> Councillors);

    public sealed record Page(int? AreaId, IReadOnlyList<SelectListItem> Areas, IReadOnlyList<Row> Rows);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(int? areaId, CancellationToken ct)
        {
            var wards = db.Wards.AsNoTracking();
            if (areaId is not null)
            {
                wards = wards.Where(w => w.AreaId == areaId);
            }

            var rows = await wards
                .OrderBy(w => w.Area.Name).ThenBy(w => w.Name)
                .Select(w => new { w.Id, w.Name, AreaName = w.Area.Name, w.Population, w.DeprivationRank, w.IsActive })
                .ToListAsync(ct);

            var wardIds = rows.Select(r => r.Id).ToList();
            var councillors = (await db.UserWards.AsNoTracking()
                    .Where(uw => wardIds.Contains(uw.WardId))
                    .Join(db.Users, uw => uw.UserId, u => u.Id, (uw, u) => new { uw.WardId, u.DisplayName })
                    .OrderBy(x => x.DisplayName)
                    .ToListAsync(ct))
                .ToLookup(x => x.WardId, x => x.DisplayName);

            var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Name)
                .Select(a => new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToListAsync(ct);

            return new Page(areaId, areas,
                [.. rows.Select(r => new Row(r.Id, r.Name, r.AreaName, r.Population, r.DeprivationRank, r.IsActive, [.. councillors[r.Id]]))]);
        }
    }
}
