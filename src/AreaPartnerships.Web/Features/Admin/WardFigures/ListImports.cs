using AreaPartnerships.Domain;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.WardFigures;

/// <summary>The latest ward figure imports, newest first: when, by whom, from which file, how many figures.</summary>
public static class ListImports
{
    /// <summary>How many imports the page lists.</summary>
    public const int Latest = 25;

    public sealed record Row(int Id, DateTime ImportedAt, string ImportedBy, string FileName, int FigureCount);

    /// <summary>The imports, and how many wards have figures now out of how many wards there are.</summary>
    public sealed record Page(IReadOnlyList<Row> Rows, int WardsWithFigures, int Wards);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(CancellationToken ct)
        {
            var rows = await db.WardFigureImports.AsNoTracking()
                .OrderByDescending(i => i.ImportedAt).ThenByDescending(i => i.Id)
                .Take(Latest)
                .Join(db.Users, i => i.ImportedById, u => u.Id, (i, u) => new Row(i.Id, i.ImportedAt, u.DisplayName, i.FileName, i.FigureCount))
                .ToListAsync(ct);
            var withFigures = await db.WardFigures.AsNoTracking().Where(f => f.ReplacedByImportId == null).Select(f => f.WardId).Distinct().CountAsync(ct);
            var wards = await db.Wards.AsNoTracking().CountAsync(ct);

            // Ordered again in memory: the join may not keep the order the database sorted by.
            return new Page([.. rows.OrderByDescending(r => r.ImportedAt).ThenByDescending(r => r.Id)], withFigures, wards);
        }

        /// <summary>
        /// The example file, as a template to fill in: the headings, source and date rows with example values, and one
        /// row per active ward with its figures blank (so uploading it unchanged imports nothing).
        /// </summary>
        public async Task<IReadOnlyList<string>> ExampleAsync(CancellationToken ct)
        {
            var wards = await db.Wards.AsNoTracking().Where(w => w.IsActive).OrderBy(w => w.Name).Select(w => w.Name).ToListAsync(ct);
            return
            [
                $"{WardFigureFile.WardHeading},{WardFigureFile.Population},Households,{WardFigureFile.DeprivationRank},Claimant count",
                $"{WardFigureFile.SourceLabel},ONS mid-year population estimates 2022,ONS Census 2021,English Indices of Deprivation 2019,DWP claimant count",
                $"{WardFigureFile.DateLabel},30/06/2022,21/03/2021,26/09/2019,31/10/2026",
                .. wards.Select(w => Infrastructure.Csv.Cell(w) + ",,,,"),
            ];
        }
    }
}
