using AreaPartnerships.Domain;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Areas;

/// <summary>All areas with their ward counts (a borough has a handful, so one page).</summary>
public static class ListAreas
{
    public sealed record Row(int Id, string Name, bool IsActive, int WardCount, string WardNames);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct)
        {
            var rows = await db.Areas.AsNoTracking()
                .OrderBy(a => a.Name)
                .Select(a => new { a.Id, a.Name, a.IsActive, Wards = a.Wards.OrderBy(w => w.Name).Select(w => w.Name).ToList() })
                .ToListAsync(ct);
            return [.. rows.Select(a => new Row(a.Id, a.Name, a.IsActive, a.Wards.Count, string.Join(", ", a.Wards)))];
        }
    }
}
