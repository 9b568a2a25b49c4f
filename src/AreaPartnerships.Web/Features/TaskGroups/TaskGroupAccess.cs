using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// Who may see and change which task group and action: the one place these rules live. Pages, lists
/// and the partner's "My actions" start from <see cref="VisibleTaskGroups"/>, so a group a person may not see is
/// simply not found.
/// <list type="bullet">
/// <item>See a group: the partnership manager (all); area managers and support officers (their areas);
/// partner users who are members (the lead is always a member). Councillors and administrators: none
/// (task groups are partner working groups; elected members may be kept out).</item>
/// <item>Create, change, close a group, change its membership, link issues: the area's area manager or
/// the partnership manager.</item>
/// <item>Add an action: members (owned by themselves), the lead, and the managers (owned by any member).</item>
/// <item>Change or update an action: its owner, the group's lead, the managers, and the area's support officers.</item>
/// </list>
/// </summary>
public static class TaskGroupAccess
{
    /// <summary>
    /// The task groups this person may see. (Named apart from <c>VisibleIssues</c>, the issues: an
    /// instance method always wins over an extension method of the same signature.)
    /// </summary>
    public static IQueryable<TaskGroup> VisibleTaskGroups(this Viewer viewer, AppDbContext db)
    {
        var groups = db.TaskGroups.AsQueryable();
        var userId = viewer.UserId;
        var areaIds = viewer.AreaIds;
        return viewer.Role switch
        {
            Roles.PartnershipManager => groups,
            Roles.AreaManager or Roles.SupportOfficer => groups.Where(g => areaIds.Contains(g.AreaId)),
            Roles.PartnerUser => groups.Where(g => g.Members.Any(m => m.UserId == userId)),
            _ => groups.Where(g => false),
        };
    }

    /// <summary>Set up task groups at all: the partnership manager, and area managers (in their own areas).</summary>
    public static bool CanCreateTaskGroups(this Viewer viewer) =>
        viewer.Role == Roles.PartnershipManager || (viewer.Role == Roles.AreaManager && viewer.AreaIds.Count > 0);

    /// <summary>Set up, change, close a group; change its members; link issues to it.</summary>
    public static bool CanManage(this Viewer viewer, int areaId) => viewer.CanTriage(areaId);

    /// <summary>Add an action to the group's micro plan (members for themselves; the lead and managers for any member).</summary>
    public static bool CanAddAction(this Viewer viewer, int areaId, int leadUserId, bool isMember) =>
        isMember || viewer.UserId == leadUserId || viewer.CanManage(areaId) || IsSupportOfficerFor(viewer, areaId);

    /// <summary>Whether this person may give an action to someone other than themselves.</summary>
    public static bool CanAssignActionsToOthers(this Viewer viewer, int areaId, int leadUserId) =>
        viewer.UserId == leadUserId || viewer.CanManage(areaId) || IsSupportOfficerFor(viewer, areaId);

    /// <summary>Change or post an update on an action: its owner, the group's lead, the managers, the area's support officers.</summary>
    public static bool CanUpdateAction(this Viewer viewer, int areaId, int leadUserId, int ownerId) =>
        viewer.UserId == ownerId || viewer.CanAssignActionsToOthers(areaId, leadUserId);

    private static bool IsSupportOfficerFor(Viewer viewer, int areaId) =>
        viewer.Role == Roles.SupportOfficer && viewer.AreaIds.Contains(areaId);
}
