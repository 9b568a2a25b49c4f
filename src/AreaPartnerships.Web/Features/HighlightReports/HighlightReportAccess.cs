using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.HighlightReports;

/// <summary>
/// Who may see and write which area's highlight report: the one place these rules live.
/// <list type="bullet">
/// <item>See: the partnership manager (every area, side by side); area managers and support officers (their areas).
/// Another area's report is "not found" (logged). Councillors, partner users and the administrator never reach these
/// pages (403): the report is the partnership's own monitoring, with confidential issues in its counts.</item>
/// <item>Write and submit: the area's area manager only. The partnership manager receives the report on behalf of the
/// Borough Management Team, so reads it and does not write it; a support officer reads it.</item>
/// </list>
/// </summary>
public static class HighlightReportAccess
{
    extension(Viewer viewer)
    {
        /// <summary>May use the highlight report pages at all.</summary>
        public bool SeesHighlightReports => viewer.Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer;

        /// <summary>May read this area's reports.</summary>
        public bool SeesHighlightReport(int areaId) =>
            viewer.Role == Roles.PartnershipManager
            || (viewer.Role is Roles.AreaManager or Roles.SupportOfficer && viewer.AreaIds.Contains(areaId));

        /// <summary>May write and submit this area's report: its area manager.</summary>
        public bool WritesHighlightReport(int areaId) => viewer.Role == Roles.AreaManager && viewer.ManagesArea(areaId);

        /// <summary>The areas whose reports this person may read.</summary>
        public IQueryable<Area> HighlightAreas(AppDbContext db)
        {
            var areas = db.Areas.AsNoTracking();
            var areaIds = viewer.AreaIds;
            return viewer.Role switch
            {
                Roles.PartnershipManager => areas,
                Roles.AreaManager or Roles.SupportOfficer => areas.Where(a => areaIds.Contains(a.Id)),
                _ => areas.Where(a => false),
            };
        }

        /// <summary>
        /// The area (id and name) when it exists and this person may read its reports; otherwise null, and the attempt is
        /// logged (another area's report is "not found", so its existence is not revealed).
        /// </summary>
        public async Task<ReportArea?> FindHighlightAreaAsync(AppDbContext db, int areaId, ILogger logger, CancellationToken ct)
        {
            var area = await viewer.HighlightAreas(db).Where(a => a.Id == areaId).Select(a => new ReportArea(a.Id, a.Name)).SingleOrDefaultAsync(ct);
            if (area is null)
            {
                logger.LogWarning("User {UserId} ({Role}) asked for the highlight report of area {AreaId}, which does not exist or they may not see",
                    viewer.UserId, viewer.Role, areaId);
            }

            return area;
        }
    }
}

/// <summary>An area as the highlight report pages name it.</summary>
public sealed record ReportArea(int Id, string Name);
