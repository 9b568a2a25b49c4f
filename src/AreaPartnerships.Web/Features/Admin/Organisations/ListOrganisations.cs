using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Organisations;

/// <summary>Partner agencies and council services with their people count (a borough has tens: one page).</summary>
public static class ListOrganisations
{
    public sealed record Row(int Id, string Name, OrganisationKind Kind, bool IsFrontLineService, string? FrontLineContact, bool IsActive, int PeopleCount);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct) =>
            await db.Organisations.AsNoTracking()
                .OrderBy(o => o.Name)
                .Select(o => new Row(o.Id, o.Name, o.Kind, o.IsFrontLineService, o.FrontLineContact, o.IsActive,
                    db.Users.Count(u => u.OrganisationId == o.Id)))
                .ToListAsync(ct);
    }
}
