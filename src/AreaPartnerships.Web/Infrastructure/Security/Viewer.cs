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

        var agreement = await db.ConfidentialityAgreements.AnyAsync(a => a.UserId == userId, ct);
        var groups = await db.TaskGroupMembers.Where(m => m.User.OrganisationId == organisationId).Select(m => m.TaskGroupId).Distinct().ToListAsync(ct);
        return new Viewer(userId, role, user.AreaIds(), user.WardIds(), organisationId, agreement) { OrganisationTaskGroupIds = groups };
    }
}
