using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;

namespace AreaPartnerships.Domain.TaskGroups;

public enum PlanActionStatus
{
    NotStarted = 1,
    InProgress = 2,
    Done = 3,
    Blocked = 4,
    Cancelled = 5,
}

/// <summary>
/// An action in a task group's micro plan, or an action arising from a meeting: owner, due date,
/// status, optional linked issue, and a history of progress updates.
/// </summary>
public class PlanAction : IVersioned
{
    public PlanAction(string description, int ownerId, DateOnly dueOn, int? taskGroupId, int? meetingId)
    {
        Description = Guard.Required(description, "Describe the action", nameof(Description), 1000);
        OwnerId = ownerId;
        DueOn = dueOn;
        TaskGroupId = taskGroupId;
        MeetingId = meetingId;
        Status = PlanActionStatus.NotStarted;
    }

    private PlanAction()
    {
        Description = null!;
    }

    public int Id { get; private set; }

    public int? TaskGroupId { get; private set; }

    public TaskGroup? TaskGroup { get; private set; }

    /// <summary>The meeting the action arose from, when it did.</summary>
    public int? MeetingId { get; private set; }

    public string Description { get; private set; }

    public int OwnerId { get; set; }

    public ApplicationUser Owner { get; private set; } = null!;

    public DateOnly DueOn { get; set; }

    public PlanActionStatus Status { get; set; }

    /// <summary>Why the action is blocked or was cancelled.</summary>
    public string? StatusReason { get; set; }

    public int? IssueId { get; set; }

    public DateTime? CompletedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A progress update on an action. Append-only.</summary>
public class PlanActionUpdate
{
    public PlanActionUpdate(int planActionId, string text, DateOnly updateOn, int byId, DateTime recordedAt)
    {
        PlanActionId = planActionId;
        Text = text;
        UpdateOn = updateOn;
        ById = byId;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public int PlanActionId { get; private set; }

    public string Text { get; private set; }

    public DateOnly UpdateOn { get; private set; }

    public int ById { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public PlanActionStatus? NewStatus { get; init; }
}
