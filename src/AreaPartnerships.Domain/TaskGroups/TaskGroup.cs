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
/// linked issues and a micro plan of actions. Every change goes through a method here, which checks the
/// rule and writes the group's timeline entry in the same step.
/// </summary>
public class TaskGroup : IVersioned
{
    public const int NameMaxLength = 150;
    public const int SummaryMaxLength = 4000;

    private readonly List<TaskGroupMember> _members = [];
    private readonly List<TaskGroupEvent> _events = [];

    public TaskGroup(int areaId, string? name, int? priorityId, Lead lead, DateOnly reviewOn, int actorId, DateTime createdAt)
    {
        AreaId = areaId;
        Name = Guard.Required(name, "Enter the task group's name", nameof(Name), NameMaxLength);
        PriorityId = priorityId;
        LeadOrganisationId = lead.OrganisationId;
        LeadUserId = lead.UserId;
        LedByPartner = lead.IsPartner;
        ReviewOn = reviewOn;
        CreatedAt = createdAt;
        Status = TaskGroupStatus.Active;
        _members.Add(new TaskGroupMember { UserId = lead.UserId, JoinedAt = createdAt });
        Record(actorId, createdAt, $"Task group set up, led by {lead.Describe()}");
    }

    private TaskGroup()
    {
        Name = null!;
    }

    public int Id { get; private set; }

    public int AreaId { get; private set; }

    public Area Area { get; private set; } = null!;

    public string Name { get; private set; }

    /// <summary>The area plan priority the group serves.</summary>
    public int? PriorityId { get; private set; }

    public Priority? Priority { get; private set; }

    public int LeadOrganisationId { get; private set; }

    public Organisation LeadOrganisation { get; private set; } = null!;

    public int LeadUserId { get; private set; }

    public ApplicationUser LeadUser { get; private set; } = null!;

    /// <summary>Led by a partner user rather than the area manager (counted: the review wants partners leading).</summary>
    public bool LedByPartner { get; private set; }

    public DateOnly ReviewOn { get; private set; }

    public TaskGroupStatus Status { get; private set; }

    public string? ClosingSummary { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public IReadOnlyCollection<TaskGroupMember> Members => _members;

    /// <summary>Timeline entries added in this unit of work (the stored timeline is read by query).</summary>
    public IReadOnlyCollection<TaskGroupEvent> Events => _events;

    public Guid Version { get; set; }

    public bool IsActive => Status == TaskGroupStatus.Active;

    /// <summary>An active group past its review date.</summary>
    public bool IsReviewOverdue(DateOnly today) => IsActive && ReviewOn < today;

    public bool HasMember(int userId) => _members.Any(m => m.UserId == userId);

    /// <summary>Changes the name, priority, lead and review date of an active group.</summary>
    public void Change(string? name, int? priorityId, Lead lead, DateOnly reviewOn, int actorId, DateTime at)
    {
        EnsureActive();
        var newName = Guard.Required(name, "Enter the task group's name", nameof(Name), NameMaxLength);
        if (newName != Name)
        {
            Record(actorId, at, $"Renamed from ‘{Name}’ to ‘{newName}’");
            Name = newName;
        }

        if (priorityId != PriorityId)
        {
            Record(actorId, at, priorityId is null ? "No longer serves an area plan priority"
                : PriorityId is null ? "Now serves an area plan priority" : "Now serves a different area plan priority");
            PriorityId = priorityId;
        }

        if (lead.UserId != LeadUserId || lead.OrganisationId != LeadOrganisationId)
        {
            Record(actorId, at, $"Lead changed to {lead.Describe()}");
            LeadUserId = lead.UserId;
            LeadOrganisationId = lead.OrganisationId;
            LedByPartner = lead.IsPartner;
            if (!HasMember(lead.UserId))
            {
                _members.Add(new TaskGroupMember { TaskGroupId = Id, UserId = lead.UserId, JoinedAt = at });
            }
        }

        if (reviewOn != ReviewOn)
        {
            Record(actorId, at, $"Review date changed from {UkTime.Format(ReviewOn)} to {UkTime.Format(reviewOn)}");
            ReviewOn = reviewOn;
        }
    }

    public void AddMember(int userId, string name, int actorId, DateTime at)
    {
        EnsureActive();
        if (HasMember(userId))
        {
            throw new DomainException($"{name} is already a member", "UserId");
        }

        _members.Add(new TaskGroupMember { TaskGroupId = Id, UserId = userId, JoinedAt = at });
        Record(actorId, at, $"{name} joined the group");
    }

    public void RemoveMember(int userId, string name, int actorId, DateTime at)
    {
        EnsureActive();
        if (userId == LeadUserId)
        {
            throw new DomainException($"{name} leads the group: choose another lead before removing them", "UserId");
        }

        var member = _members.SingleOrDefault(m => m.UserId == userId)
            ?? throw new DomainException($"{name} is not a member", "UserId");
        _members.Remove(member);
        Record(actorId, at, $"{name} left the group");
    }

    /// <summary>
    /// Closes the group with a summary of what it achieved. Every action in its micro plan must be done or
    /// cancelled (with a reason) first, so nothing is quietly dropped.
    /// </summary>
    public void Close(string? summary, IReadOnlyCollection<PlanAction> actions, int actorId, DateTime at)
    {
        EnsureActive();
        var text = Guard.Required(summary, "Enter a closing summary: what the group achieved", nameof(ClosingSummary), SummaryMaxLength);
        var open = actions.Count(a => a.IsOpen);
        if (open > 0)
        {
            throw new DomainException(
                open == 1
                    ? "1 action is still open: mark it done, or cancel it with a reason, before closing the group"
                    : $"{open} actions are still open: mark each done, or cancel it with a reason, before closing the group",
                nameof(ClosingSummary));
        }

        Status = TaskGroupStatus.Closed;
        ClosingSummary = text;
        ClosedAt = at;
        Record(actorId, at, "Task group closed", text);
    }

    /// <summary>Puts an entry on the group's timeline for something done to it from elsewhere (an issue linked, an action changed).</summary>
    public void Record(int actorId, DateTime at, string summary, string? body = null, int? planActionId = null) =>
        _events.Add(new TaskGroupEvent(Id, actorId, at, summary) { Body = body, PlanActionId = planActionId });

    private void EnsureActive()
    {
        if (!IsActive)
        {
            throw new DomainException("This task group is closed: it cannot be changed", nameof(Status));
        }
    }
}

/// <summary>
/// Who leads a task group: a person and their organisation. <see cref="IsPartner"/> is true when the
/// person is a partner user, false when it is the area manager (the choice is recorded and counted).
/// </summary>
public sealed record Lead(int UserId, string UserName, int OrganisationId, string OrganisationName, bool IsPartner)
{
    public string Describe() => $"{UserName} ({OrganisationName})";
}

public class TaskGroupMember
{
    public int TaskGroupId { get; set; }

    public int UserId { get; set; }

    public ApplicationUser User { get; set; } = null!;

    public DateTime JoinedAt { get; set; }
}

/// <summary>One entry on a task group's timeline: who, when, what. Append-only; read by one range seek on (TaskGroupId, Id).</summary>
public class TaskGroupEvent
{
    public const int SummaryMaxLength = 500;

    public TaskGroupEvent(int taskGroupId, int actorId, DateTime occurredAt, string summary)
    {
        TaskGroupId = taskGroupId;
        ActorId = actorId;
        OccurredAt = occurredAt;
        Summary = summary;
    }

    public long Id { get; private set; }

    public int TaskGroupId { get; private set; }

    public int? PlanActionId { get; init; }

    public int ActorId { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string Summary { get; private set; }

    public string? Body { get; init; }
}
