using System.Security.Claims;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Who may see and change which issue: the one place these rules live (DOMAIN.md, "Who sees what").
/// Every page, list, export and timeline starts from <see cref="Visible"/>, so a record a person may not
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
public sealed record Viewer(int UserId, string Role, IReadOnlyList<int> AreaIds, IReadOnlyList<int> WardIds, int? OrganisationId, bool HasConfidentialityAgreement)
{
    /// <summary>May read confidential issues and confidential notes.</summary>
    public bool SeesConfidential => Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer
        || (Role == Roles.PartnerUser && HasConfidentialityAgreement);

    public bool IsOfficer => Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer;

    /// <summary>Triage and level changes: the area's area manager, or the partnership manager.</summary>
    public bool CanTriage(int areaId) =>
        Role == Roles.PartnershipManager || (Role == Roles.AreaManager && AreaIds.Contains(areaId));

    /// <summary>Withdraw and close: the same people as triage.</summary>
    public bool CanWithdrawOrClose(int areaId) => CanTriage(areaId);

    /// <summary>
    /// Work the issue (start, resolve, reopen, confirm a referral): officers for the area, the owner, and
    /// partner users of the lead organisation or the referred service.
    /// </summary>
    public bool CanWork(int areaId, int? ownerId, int? leadOrganisationId, int? referredOrganisationId) =>
        CanTriage(areaId)
        || (Role == Roles.SupportOfficer && AreaIds.Contains(areaId))
        || ownerId == UserId
        || (Role == Roles.PartnerUser && OrganisationId is { } org && (leadOrganisationId == org || referredOrganisationId == org));

    /// <summary>Add a note: anyone who can see the issue. Only those who see confidential material may write a confidential note.</summary>
    public bool CanAddNote => Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer or Roles.Councillor or Roles.PartnerUser;

    /// <summary>Who may raise issues, and in which wards (checked against the ward's area for officers).</summary>
    public bool CanRaise => Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer or Roles.Councillor or Roles.PartnerUser;

    public bool CanRaiseIn(int wardId, int areaId) => Role switch
    {
        Roles.PartnershipManager or Roles.PartnerUser => true,
        Roles.AreaManager or Roles.SupportOfficer => AreaIds.Contains(areaId),
        Roles.Councillor => WardIds.Contains(wardId),
        _ => false,
    };

    /// <summary>The issues this person may see.</summary>
    public IQueryable<Issue> Visible(AppDbContext db)
    {
        var issues = db.Issues.AsNoTracking();
        var organisationId = OrganisationId;
        switch (Role)
        {
            case Roles.PartnershipManager:
                return issues;
            case Roles.AreaManager or Roles.SupportOfficer:
                var areaIds = AreaIds;
                return issues.Where(i => areaIds.Contains(i.AreaId));
            case Roles.Councillor:
                var wardIds = WardIds;
                return issues.Where(i => wardIds.Contains(i.WardId) && !i.IsConfidential);
            case Roles.PartnerUser when organisationId is not null:
                var userId = UserId;
                var involved = issues.Where(i => i.RaisedById == userId
                    || i.LeadOrganisationId == organisationId
                    || i.ReferredOrganisationId == organisationId
                    || (i.TaskGroupId != null && db.TaskGroupMembers.Any(m => m.TaskGroupId == i.TaskGroupId && m.User.OrganisationId == organisationId)));
                return HasConfidentialityAgreement ? involved : involved.Where(i => !i.IsConfidential);
            default:
                return issues.Where(i => false);
        }
    }

    /// <summary>The timeline entries of an issue this person may read (confidential notes only for those who see confidential material).</summary>
    public IQueryable<IssueEvent> VisibleEvents(AppDbContext db, int issueId)
    {
        var events = db.IssueEvents.AsNoTracking().Where(e => e.IssueId == issueId);
        return SeesConfidential ? events : events.Where(e => e.Visibility == Visibility.Everyone);
    }

    public static async Task<Viewer> ForAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? string.Empty;
        var agreement = role == Roles.PartnerUser && await db.ConfidentialityAgreements.AnyAsync(a => a.UserId == userId, ct);
        return new Viewer(userId, role, user.AreaIds(), user.WardIds(), user.OrganisationId(), agreement);
    }
}
