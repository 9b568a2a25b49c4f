using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.WardProfiles;

/// <summary>
/// Who may see which ward's profile: the one place these rules live.
/// <list type="bullet">
/// <item>Partnership manager: every ward. Area managers and support officers: the wards of their areas.
/// Councillors: their own wards. Another ward's profile is "not found" (and logged), so its existence is not revealed.</item>
/// <item>Administrator: every ward's figures (they import them), but no issue counts: they see no casework.</item>
/// <item>Partner users and residents: never (403).</item>
/// </list>
/// The issue counts on a profile start from the same rule as the case list (<c>VisibleIssues</c>, <c>VisibleIssueCounts</c>),
/// so a councillor's never include confidential issues.
/// </summary>
public static class WardProfileAccess
{
    /// <summary>The roles that may use the ward profile pages at all.</summary>
    public const string PageRoles = $"{Roles.PartnershipManager},{Roles.AreaManager},{Roles.SupportOfficer},{Roles.Councillor},{Roles.Administrator}";

    extension(Viewer viewer)
    {
        /// <summary>Sees the issue counts on a profile (everyone who sees profiles, except the administrator).</summary>
        public bool SeesWardIssueCounts => viewer.Role is Roles.PartnershipManager or Roles.AreaManager
            or Roles.SupportOfficer or Roles.Councillor;

        /// <summary>The wards whose profiles this person may see.</summary>
        public IQueryable<Ward> VisibleWards(AppDbContext db)
        {
            var wards = db.Wards.AsNoTracking();
            var areaIds = viewer.AreaIds;
            var wardIds = viewer.WardIds;
            return viewer.Role switch
            {
                Roles.PartnershipManager or Roles.Administrator => wards,
                Roles.AreaManager or Roles.SupportOfficer => wards.Where(w => areaIds.Contains(w.AreaId)),
                Roles.Councillor => wards.Where(w => wardIds.Contains(w.Id)),
                _ => wards.Where(w => false),
            };
        }

        /// <summary>
        /// Sees every issue in the area (so an area-wide count compares fairly with the ward's): the partnership manager,
        /// and the area's area managers and support officers.
        /// </summary>
        public bool SeesAllIssuesIn(int areaId) => viewer.Role == Roles.PartnershipManager
            || (viewer.Role is Roles.AreaManager or Roles.SupportOfficer && viewer.AreaIds.Contains(areaId));

        /// <summary>Sees every issue in the borough: the partnership manager.</summary>
        public bool SeesAllIssues => viewer.Role == Roles.PartnershipManager;

        /// <summary>
        /// The ward with its area's name, if it exists and this person may see its profile; otherwise null, and the attempt
        /// is logged.
        /// </summary>
        public async Task<ProfileWard?> FindWardAsync(AppDbContext db, int wardId, ILogger logger, CancellationToken ct)
        {
            var ward = await viewer.VisibleWards(db).Where(w => w.Id == wardId)
                .Select(w => new ProfileWard(w.Id, w.Name, w.AreaId, w.Area.Name, w.Population, w.DeprivationRank, w.IsActive))
                .SingleOrDefaultAsync(ct);
            if (ward is null)
            {
                logger.LogWarning("User {UserId} ({Role}) asked for the profile of ward {WardId}, which does not exist or they may not see", viewer.UserId, viewer.Role, wardId);
            }

            return ward;
        }
    }
}

/// <summary>A ward as its profile shows it.</summary>
public sealed record ProfileWard(int Id, string Name, int AreaId, string AreaName, int? Population, int? DeprivationRank, bool IsActive);
