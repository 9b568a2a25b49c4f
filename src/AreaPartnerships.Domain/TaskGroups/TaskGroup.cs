using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.Domain.TaskGroups;

public enum TaskGroupStatus
{
    Active = 1,
    Closed = 2,
}

/// <summary>
/// A Level 2 problem-solving group: a lead organisation and lead person (the review wants partners
/// leading, so <see cref="LedByPartner"/> is recorded and counted), members from several agencies,
/// linked issues and a micro plan of actions.
/// </summary>
public class TaskGroup : IVersioned
{
    private readonly List<TaskGroupMember> _members = [];

    public TaskGroup(int areaId, string name, int leadOrganisationId, int leadUserId, bool ledByPartner, DateOnly reviewOn, DateTime createdAt)
    {
        AreaId = areaId;
        Name = Guard.Required(name, "Enter the task group's name", nameof(Name), 150);
        LeadOrganisationId = leadOrganisationId;
        LeadUserId = leadUserId;
        LedByPartner = ledByPartner;
        ReviewOn = reviewOn;
        CreatedAt = createdAt;
        Status = TaskGroupStatus.Active;
    }

    private TaskGroup()
    {
        Name = null!;
    }

    public int Id { get; private set; }

    public int AreaId { get; private set; }

    public Area Area { get; private set; } = null!;

    public string Name { get; private set; }

    public int? PriorityId { get; set; }

    public Priority? Priority { get; set; }

    public int LeadOrganisationId { get; set; }

    public Organisation LeadOrganisation { get; private set; } = null!;

    public int LeadUserId { get; set; }

    public ApplicationUser LeadUser { get; private set; } = null!;

    public bool LedByPartner { get; set; }

    public DateOnly ReviewOn { get; set; }

    public TaskGroupStatus Status { get; set; }

    public string? ClosingSummary { get; set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ClosedAt { get; set; }

    public IReadOnlyCollection<TaskGroupMember> Members => _members;

    public Guid Version { get; set; }
}

public class TaskGroupMember
{
    public int TaskGroupId { get; set; }

    public int UserId { get; set; }

    public ApplicationUser User { get; set; } = null!;

    public DateTime JoinedAt { get; set; }
}
