using System.Security.Claims;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Infrastructure.Security;

/// <summary>
/// Who is asking: the signed-in person, their role and their scope (areas, wards, organisation), read once
/// per request with <see cref="ForAsync"/>. Every feature starts from it; the rules for each kind of record
/// live beside that record's feature as extensions of this type (<c>IssueAccess</c>, <c>TaskGroupAccess</c>,
/// <c>AreaPlanAccess</c>), so no feature imports another just to know who is asking.
/// </summary>
public sealed record Viewer(int UserId, string Role, IReadOnlyList<int> AreaIds, IReadOnlyList<int> WardIds, int? OrganisationId, bool HasConfidentialityAgreement)
{
    /// <summary>May read confidential issues and confidential notes.</summary>
    public bool SeesConfidential => IsOfficer || (Role == Roles.PartnerUser && HasConfidentialityAgreement);

    /// <summary>The council's officers for the partnership: the partnership manager, area managers and support officers.</summary>
    public bool IsOfficer => Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer;

    /// <summary>Manages the area: its area manager, or the partnership manager (who manages every area).</summary>
    public bool ManagesArea(int areaId) =>
        Role == Roles.PartnershipManager || (Role == Roles.AreaManager && AreaIds.Contains(areaId));

    /// <summary>
    /// For a partner user: the task groups with a member from their organisation (read with the rest of who they are,
    /// so a rule can name them as a list the database seeks on, rather than asking per issue).
    /// </summary>
    public IReadOnlyList<int> OrganisationTaskGroupIds { get; init; } = [];

    public static async Task<Viewer> ForAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? string.Empty;
        var organisationId = user.OrganisationId();
        if (role != Roles.PartnerUser || organisationId is null)
        {
            return new Viewer(userId, role, user.AreaIds(), user.WardIds(), organisationId, false);
        }

        return await PartnerAsync(userId, user.AreaIds(), user.WardIds(), organisationId.Value, db, ct);
    }

    /// <summary>
    /// The same person as <see cref="ForAsync"/> would see them, read from the database rather than their sign-in
    /// (for work done on someone's behalf when they are not asking, e.g. deciding whether an e-mail may tell them
    /// about a record). Null when there is no such user.
    /// </summary>
    public static async Task<Viewer?> ForUserAsync(int userId, AppDbContext db, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.OrganisationId }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var roleNames = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        var role = Roles.All.FirstOrDefault(roleNames.Contains) ?? string.Empty;
        var areaIds = await db.UserAreas.Where(a => a.UserId == userId).Select(a => a.AreaId).ToListAsync(ct);
        var wardIds = await db.UserWards.Where(w => w.UserId == userId).Select(w => w.WardId).ToListAsync(ct);
        return role != Roles.PartnerUser || user.OrganisationId is null
            ? new Viewer(userId, role, areaIds, wardIds, user.OrganisationId, false)
            : await PartnerAsync(userId, areaIds, wardIds, user.OrganisationId.Value, db, ct);
    }

    private static async Task<Viewer> PartnerAsync(int userId, IReadOnlyList<int> areaIds, IReadOnlyList<int> wardIds, int organisationId, AppDbContext db, CancellationToken ct)
    {
        var agreement = await db.ConfidentialityAgreements.AnyAsync(a => a.UserId == userId, ct);
        var groups = await db.TaskGroupMembers.Where(m => m.User.OrganisationId == organisationId).Select(m => m.TaskGroupId).Distinct().ToListAsync(ct);
        return new Viewer(userId, Roles.PartnerUser, areaIds, wardIds, organisationId, agreement) { OrganisationTaskGroupIds = groups };
    }
}
