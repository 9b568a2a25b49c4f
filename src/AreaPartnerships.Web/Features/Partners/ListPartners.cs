using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Partners;

/// <summary>Partner users by name, filtered by organisation or by whether they have a confidentiality agreement, paged.</summary>
public static class ListPartners
{
    public const int PageSize = 50;

    public sealed class Query
    {
        public int? OrganisationId { get; set; }

        /// <summary>"yes" or "no": with or without a confidentiality agreement on record.</summary>
        public string? Agreement { get; set; }

        public string? Q { get; set; }

        public int Page { get; set; } = 1;
    }

    public sealed record Row(int Id, string Name, string? JobTitle, string? Organisation, bool IsDisabled, DateOnly? AgreementSignedOn, string? WordingVersion);

    public sealed record Result(Query Query, IReadOnlyList<Row> Rows, int TotalCount, int TotalPages, IReadOnlyList<SelectListItem> Organisations);

    /// <summary>Every user whose role is partner user.</summary>
    public static IQueryable<ApplicationUser> PartnerUsers(AppDbContext db) =>
        from u in db.Users.AsNoTracking()
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.PartnerUser
        select u;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken ct)
        {
            var partners = PartnerUsers(db);
            if (query.OrganisationId is { } organisationId)
            {
                partners = partners.Where(u => u.OrganisationId == organisationId);
            }

            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim();
                partners = partners.Where(u => u.DisplayName.Contains(text) || u.Email!.Contains(text));
            }

            if (query.Agreement is "yes" or "no")
            {
                var wanted = query.Agreement == "yes";
                partners = partners.Where(u => db.ConfidentialityAgreements.Any(a => a.UserId == u.Id) == wanted);
            }

            var total = await partners.CountAsync(ct);
            var totalPages = PageLinks.PageCount(total, PageSize);
            query.Page = Math.Clamp(query.Page, 1, Math.Max(1, totalPages));
            var rows = await partners
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                .Skip((query.Page - 1) * PageSize).Take(PageSize)
                .Select(u => new Row(u.Id, u.DisplayName, u.JobTitle, u.Organisation == null ? null : u.Organisation.Name, u.IsDisabled,
                    db.ConfidentialityAgreements.Where(a => a.UserId == u.Id).OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id).Select(a => (DateOnly?)a.SignedOn).FirstOrDefault(),
                    db.ConfidentialityAgreements.Where(a => a.UserId == u.Id).OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id).Select(a => a.WordingVersion).FirstOrDefault()))
                .ToListAsync(ct);
            var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct);
            return new Result(query, rows, total, totalPages, organisations);
        }
    }
}
