using System.Linq.Expressions;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Who may see and change which issue: the one place these rules live (DOMAIN.md, "Who sees what").
/// Every page, list, export and timeline starts from <c>VisibleIssues</c>, so a record a person may not
/// see is simply not found.
/// <list type="bullet">
/// <item>Partnership manager: every issue.</item>
/// <item>Area manager, support officer: issues in their areas.</item>
/// <item>Councillor: issues in their wards, never confidential ones, never confidential notes.</item>
/// <item>Partner user: issues they raised, and issues where their organisation is the lead, the referred
/// service or a member of the linked task group; confidential issues and notes only once their confidentiality agreement is recorded.</item>
/// <item>Administrator: none (they look after users and reference data, not casework).</item>
/// </list>
/// </summary>
public static class IssueAccess
{
    private static readonly Expression<Func<Issue, bool>> IsOpen =
        i => i.Status == IssueStatus.New || i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress;

    extension(Viewer viewer)
    {
        /// <summary>Triage and level changes: the area's area manager, or the partnership manager.</summary>
        public bool CanTriage(int areaId) => viewer.ManagesArea(areaId);

        /// <summary>Link two related issues (and remove the link): the area's officers — its area manager and support officers, the partnership manager.</summary>
        public bool CanLinkIssues(int areaId) =>
            viewer.ManagesArea(areaId) || (viewer.Role == Roles.SupportOfficer && viewer.AreaIds.Contains(areaId));

        /// <summary>Withdraw and close: the same people as triage.</summary>
        public bool CanWithdrawOrClose(int areaId) => viewer.ManagesArea(areaId);

        /// <summary>
        /// Work the issue (start, resolve, reopen, confirm a referral): officers for the area, the owner, and
        /// partner users of the lead organisation or the referred service.
        /// </summary>
        public bool CanWork(int areaId, int? ownerId, int? leadOrganisationId, int? referredOrganisationId) =>
            viewer.ManagesArea(areaId)
            || (viewer.Role == Roles.SupportOfficer && viewer.AreaIds.Contains(areaId))
            || ownerId == viewer.UserId
            || (viewer.Role == Roles.PartnerUser && viewer.OrganisationId is { } org && (leadOrganisationId == org || referredOrganisationId == org));

        /// <summary>Add a note: anyone who can see the issue. Only those who see confidential material may write a confidential note.</summary>
        public bool CanAddNote => viewer.Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer or Roles.Councillor or Roles.PartnerUser;

        /// <summary>Who may raise issues, and in which wards (checked against the ward's area for officers).</summary>
        public bool CanRaise => viewer.Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer or Roles.Councillor or Roles.PartnerUser;

        public bool CanRaiseIn(int wardId, int areaId) => viewer.Role switch
        {
            Roles.PartnershipManager or Roles.PartnerUser => true,
            Roles.AreaManager or Roles.SupportOfficer => viewer.AreaIds.Contains(areaId),
            Roles.Councillor => viewer.WardIds.Contains(wardId),
            _ => false,
        };

        /// <summary>The issues this person may see.</summary>
        public IQueryable<Issue> VisibleIssues(AppDbContext db)
        {
            var issues = db.Issues.AsNoTracking();
            var organisationId = viewer.OrganisationId;
            switch (viewer.Role)
            {
                case Roles.PartnershipManager:
                    return issues;
                case Roles.AreaManager or Roles.SupportOfficer:
                    var areaIds = viewer.AreaIds;
                    return issues.Where(i => areaIds.Contains(i.AreaId));
                case Roles.Councillor:
                    var wardIds = viewer.WardIds;
                    return issues.Where(i => wardIds.Contains(i.WardId) && !i.IsConfidential);
                case Roles.PartnerUser when organisationId is not null:
                    var userId = viewer.UserId;
                    var groupIds = viewer.OrganisationTaskGroupIds;

                    // Every term is a column the database has an index on, so it can read each and combine them.
                    var involved = issues.Where(i => i.RaisedById == userId
                        || i.LeadOrganisationId == organisationId
                        || i.ReferredOrganisationId == organisationId
                        || (i.TaskGroupId != null && groupIds.Contains(i.TaskGroupId.Value)));
                    return viewer.HasConfidentialityAgreement ? involved : involved.Where(i => !i.IsConfidential);
                default:
                    return issues.Where(i => false);
            }
        }

        /// <summary>
        /// The open issues (new, triaged, in progress) this person may see: exactly <see cref="VisibleIssues"/> narrowed
        /// to the open statuses (a test holds the two equal for every role), in the shape the database reads fastest.
        /// For a partner user the rule's terms are read each from its own index and united by id, rather than as one OR
        /// that SQLite answers by reading every open issue in the borough and looking each one up: led by or referred to
        /// their organisation, raised by them, or in their organisation's task groups, each from an index that starts
        /// with the term and the status, so only that term's open issues are read.
        /// </summary>
        public IQueryable<Issue> VisibleOpenIssues(AppDbContext db)
        {
            var organisationId = viewer.OrganisationId;
            if (viewer.Role != Roles.PartnerUser || organisationId is null)
            {
                return viewer.VisibleIssues(db).Where(IsOpen);
            }

            // Each term of the rule read as its open issues from its own (term, Status) index, then united: the cost is
            // this organisation's open work, not the borough's.
            var open = db.Issues.AsNoTracking().Where(IsOpen);
            var userId = viewer.UserId;
            var groupIds = viewer.OrganisationTaskGroupIds;
            var ids = open.Where(i => i.RaisedById == userId).Select(i => i.Id)
                .Union(open.Where(i => i.LeadOrganisationId == organisationId).Select(i => i.Id))
                .Union(open.Where(i => i.ReferredOrganisationId == organisationId).Select(i => i.Id));
            if (groupIds.Count > 0)
            {
                ids = ids.Union(open.Where(i => i.TaskGroupId != null && groupIds.Contains(i.TaskGroupId.Value)).Select(i => i.Id));
            }

            var issues = db.Issues.AsNoTracking();
            var involved = issues.Where(i => ids.Contains(i.Id));
            return viewer.HasConfidentialityAgreement ? involved : involved.Where(i => !i.IsConfidential);
        }

        /// <summary>
        /// The <see cref="IssueCount"/> summary rows behind <see cref="VisibleIssues"/>, for the rules the summary can
        /// express (by area, by ward, confidential or not) — the same rule, restated over the summary's columns, and
        /// proven equal to counting <see cref="VisibleIssues"/> by a test. Null for partner users, whose rule (what
        /// their organisation leads, is referred or is a member of) the summary does not hold: their counts are read
        /// from the issues.
        /// </summary>
        public IQueryable<IssueCount>? VisibleIssueCounts(AppDbContext db)
        {
            var counts = db.IssueCounts.AsNoTracking();
            switch (viewer.Role)
            {
                case Roles.PartnershipManager:
                    return counts;
                case Roles.AreaManager or Roles.SupportOfficer:
                    var areaIds = viewer.AreaIds;
                    return counts.Where(c => areaIds.Contains(c.AreaId));
                case Roles.Councillor:
                    var wardIds = viewer.WardIds;
                    return counts.Where(c => wardIds.Contains(c.WardId) && !c.IsConfidential);
                case Roles.PartnerUser:
                    return null;
                default:
                    return counts.Where(c => false);
            }
        }

        /// <summary>
        /// The timeline entries of an issue this person may read: confidential notes only for those who see confidential
        /// material, and an entry naming another issue (a related issue linked or unlinked) only when they may see that one too.
        /// </summary>
        public IQueryable<IssueEvent> VisibleEvents(AppDbContext db, int issueId)
        {
            var visible = viewer.VisibleIssues(db);
            var events = db.IssueEvents.AsNoTracking().Where(e => e.IssueId == issueId
                && (e.RelatedIssueId == null || visible.Any(i => i.Id == e.RelatedIssueId)));
            return viewer.SeesConfidential ? events : events.Where(e => e.Visibility == Visibility.Everyone);
        }
    }
}
