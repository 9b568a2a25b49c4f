using System.Security.Claims;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Home;

/// <summary>
/// The home page fits the role: what the person looks after (borough, areas, wards or organisation)
/// and how much open work is there. Counts respect the same scope the issue lists will.
/// </summary>
public static class HomePage
{
    public sealed record ScopeRow(string Name, int Open, int AwaitingTriage, string? Detail = null);

    public sealed record Model(string Role, string Heading, string Lead, IReadOnlyList<ScopeRow> Rows, string? RowHeading, IReadOnlyList<(string Text, string Href)> Links);

    private static readonly IssueStatus[] OpenStatuses = [IssueStatus.New, IssueStatus.Triaged, IssueStatus.InProgress];

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var name = user.DisplayNameOf();
            var role = Roles.All.FirstOrDefault(user.IsInRole) ?? string.Empty;
            var open = db.Issues.AsNoTracking().Where(i => OpenStatuses.Contains(i.Status));

            switch (role)
            {
                case Roles.Administrator:
                    return new Model(role, $"Welcome, {name}", "You look after the service's users and reference data.", [], null,
                    [
                        ("Areas", "/admin/areas"), ("Wards", "/admin/wards"), ("Organisations", "/admin/organisations"), ("Categories", "/admin/categories"), ("Users", "/admin/users"),
                    ]);

                case Roles.PartnershipManager:
                    return new Model(role, $"Welcome, {name}", "The whole borough: open issues in every Area Partnership.",
                        await ByAreaAsync(open, areaIds: null, ct), "Area", []);

                case Roles.AreaManager or Roles.SupportOfficer:
                    var areaIds = user.AreaIds();
                    return new Model(role, $"Welcome, {name}",
                        role == Roles.AreaManager ? "Your areas: new issues wait for you to triage them." : "Your area: log and update issues, record meetings and actions.",
                        await ByAreaAsync(open, areaIds, ct), "Area", []);

                case Roles.Councillor:
                    var wardIds = user.WardIds();
                    var wards = await db.Wards.AsNoTracking().Where(w => wardIds.Contains(w.Id)).OrderBy(w => w.Name)
                        .Select(w => new { w.Id, w.Name, Area = w.Area.Name }).ToListAsync(ct);
                    var wardCounts = await open.Where(i => wardIds.Contains(i.WardId) && !i.IsConfidential)
                        .GroupBy(i => i.WardId)
                        .Select(g => new { WardId = g.Key, Open = g.Count(), New = g.Count(i => i.Status == IssueStatus.New) })
                        .ToDictionaryAsync(x => x.WardId, ct);
                    return new Model(role, $"Welcome, {name}", "Your wards: raise issues for them and follow their progress.",
                        [.. wards.Select(w => new ScopeRow(w.Name, wardCounts.GetValueOrDefault(w.Id)?.Open ?? 0, wardCounts.GetValueOrDefault(w.Id)?.New ?? 0, w.Area))],
                        "Ward", []);

                case Roles.PartnerUser:
                    var organisationId = user.OrganisationId();
                    var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct);
                    // The same rule as the case list: what this partner may see (IssueAccess.VisibleIssues), open.
                    var viewer = await Viewer.ForAsync(user, db, ct);
                    var assigned = await viewer.VisibleIssues(db).Where(i => OpenStatuses.Contains(i.Status)).CountAsync(ct);
                    return new Model(role, $"Welcome, {name}",
                        organisation is null ? "You are not linked to an organisation yet: ask an administrator." : $"Issues and actions for {organisation}.",
                        organisation is null ? [] : [new ScopeRow(organisation, assigned, 0)], "Organisation",
                        [("My actions and task groups", "/my-actions"), ("Issues", "/issues"), ("Raise an issue", "/issues/new")]);

                default:
                    return new Model(role, $"Welcome, {name}", "Your account has no role yet: ask an administrator.", [], null, []);
            }
        }

        private async Task<IReadOnlyList<ScopeRow>> ByAreaAsync(IQueryable<Issue> open, IReadOnlyList<int>? areaIds, CancellationToken ct)
        {
            var areas = await db.Areas.AsNoTracking()
                .Where(a => areaIds == null || areaIds.Contains(a.Id))
                .OrderBy(a => a.Name)
                .Select(a => new { a.Id, a.Name, Wards = a.Wards.Count })
                .ToListAsync(ct);
            var counts = await open.Where(i => areaIds == null || areaIds.Contains(i.AreaId))
                .GroupBy(i => i.AreaId)
                .Select(g => new { AreaId = g.Key, Open = g.Count(), New = g.Count(i => i.Status == IssueStatus.New) })
                .ToDictionaryAsync(x => x.AreaId, ct);
            return [.. areas.Select(a => new ScopeRow(a.Name, counts.GetValueOrDefault(a.Id)?.Open ?? 0, counts.GetValueOrDefault(a.Id)?.New ?? 0, a.Wards == 1 ? "1 ward" : $"{a.Wards} wards"))];
        }
    }
}
