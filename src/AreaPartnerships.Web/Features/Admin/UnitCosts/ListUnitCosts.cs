using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Web.Infrastructure.Govuk;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.UnitCosts;

/// <summary>The unit-cost table: those in use first, then the retired, each by name (a borough keeps tens: one page).</summary>
public static class ListUnitCosts
{
    public static readonly TagStyle InUse = new("In use", "green");

    public static readonly TagStyle Retired = new("Retired", "grey");

    public sealed record Row(int Id, string Name, decimal Cost, string Unit, OrganisationKind BorneBy, string? Source, DateOnly? SourceDate, bool IsActive)
    {
        public string Agency => OrganisationKinds.DisplayName(BorneBy);

        public TagStyle Status => IsActive ? InUse : Retired;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct) =>
            await db.UnitCosts.AsNoTracking()
                .OrderByDescending(u => u.IsActive).ThenBy(u => u.Name)
                .Select(u => new Row(u.Id, u.Name, u.Cost, u.Unit, u.BorneBy, u.Source, u.SourceDate, u.IsActive))
                .ToListAsync(ct);
    }
}
