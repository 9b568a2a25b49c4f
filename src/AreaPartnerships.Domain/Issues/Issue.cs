using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;

namespace AreaPartnerships.Domain.Issues;

/// <summary>
/// A local problem brought to the partnership. Raised with status New and no level; triage places it
/// on the four-level model. The lifecycle rules (triage, step up/down, resolve…) belong here and are
/// added with the triage capability. <see cref="AreaId"/> is copied from the ward when raised so lists
/// filter by area without a join.
/// </summary>
public class Issue : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    public Issue(
        string reference,
        string title,
        string description,
        Ward ward,
        int categoryId,
        IssueSource source,
        int raisedById,
        DateTime raisedAt)
    {
        Reference = reference;
        Title = Guard.Required(title, "Enter a title", nameof(Title), TitleMaxLength);
        Description = Guard.Required(description, "Enter a description", nameof(Description), DescriptionMaxLength);
        WardId = ward.Id;
        AreaId = ward.AreaId;
        CategoryId = categoryId;
        Source = source;
        RaisedById = raisedById;
        RaisedAt = raisedAt;
        Status = IssueStatus.New;
        LastActivityAt = raisedAt;
    }

    private Issue()
    {
        Reference = null!;
        Title = null!;
        Description = null!;
    }

    public int Id { get; private set; }

    /// <summary>Human reference, e.g. AP-2026-00042.</summary>
    public string Reference { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public int AreaId { get; private set; }

    public Area Area { get; private set; } = null!;

    public int WardId { get; private set; }

    public Ward Ward { get; private set; } = null!;

    public string? Address { get; set; }

    public string? Postcode { get; set; }

    public int CategoryId { get; private set; }

    public Category Category { get; private set; } = null!;

    public IssueSource Source { get; private set; }

    public int RaisedById { get; private set; }

    public ApplicationUser RaisedBy { get; private set; } = null!;

    public DateTime RaisedAt { get; private set; }

    /// <summary>Resident the issue is raised on behalf of (personal data: confidential to officers and partners).</summary>
    public string? OnBehalfOfName { get; set; }

    public string? OnBehalfOfContact { get; set; }

    public IssueLevel? Level { get; set; }

    public IssueStatus Status { get; set; }

    public int? OwnerId { get; set; }

    public ApplicationUser? Owner { get; set; }

    public int? LeadOrganisationId { get; set; }

    public Organisation? LeadOrganisation { get; set; }

    /// <summary>Level 1: the front-line service the issue was referred to.</summary>
    public int? ReferredOrganisationId { get; set; }

    public Organisation? ReferredOrganisation { get; set; }

    public DateOnly? FollowUpOn { get; set; }

    public DateTime? ReferralConfirmedAt { get; set; }

    public int? TaskGroupId { get; set; }

    public TaskGroup? TaskGroup { get; set; }

    public bool IsConfidential { get; set; }

    /// <summary>When a response is due, from the level's target (configurable per level).</summary>
    public DateOnly? TargetDate { get; set; }

    public string? Outcome { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public int? DuplicateOfId { get; set; }

    public int StepUpCount { get; set; }

    public int StepDownCount { get; set; }

    /// <summary>Last time anything happened on the timeline (for sorting and ageing).</summary>
    public DateTime LastActivityAt { get; set; }

    public Guid Version { get; set; }
}
