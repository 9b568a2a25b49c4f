using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Categories;

/// <summary>Categories of issue by theme and name, with their front-line service and its contact (a borough has a few dozen: one page).</summary>
public static class ListCategories
{
    public sealed record Row(int Id, string Name, string Code, IssueTheme Theme, string? FrontLineService, string? FrontLineContact, bool IsActive);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct) =>
            await db.Categories.AsNoTracking()
                .OrderBy(c => c.Theme).ThenBy(c => c.Name)
                .Select(c => new Row(c.Id, c.Name, c.Code, c.Theme,
                    c.FrontLineOrganisation == null ? null : c.FrontLineOrganisation.Name,
                    c.FrontLineOrganisation == null ? null : c.FrontLineOrganisation.FrontLineContact,
                    c.IsActive))
                .ToListAsync(ct);
    }
}
