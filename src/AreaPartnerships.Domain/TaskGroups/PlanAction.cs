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
/// status, optional linked issue, and a history of progress updates (<see cref="PlanActionUpdate"/>,
/// append-only). Blocked and cancelled need a reason; done records when.
/// </summary>
public class PlanAction : IVersioned
{
    public const int DescriptionMaxLength = 1000;
    public const int ReasonMaxLength = 1000;
    public const int UpdateMaxLength = 4000;

    private readonly List<PlanActionUpdate> _updates = [];

    public PlanAction(string? description, int ownerId, DateOnly dueOn, int? taskGroupId, int? meetingId, int? issueId = null)
    {
        Description = Guard.Required(description, "Describe the action", nameof(Description), DescriptionMaxLength);
        OwnerId = ownerId;
        DueOn = dueOn;
        TaskGroupId = taskGroupId;
        MeetingId = meetingId;
        IssueId = issueId;
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

    public int OwnerId { get; private set; }

    public ApplicationUser Owner { get; private set; } = null!;

    public DateOnly DueOn { get; private set; }

    public PlanActionStatus Status { get; private set; }

    /// <summary>Why the action is blocked or was cancelled.</summary>
    public string? StatusReason { get; private set; }

    public int? IssueId { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>Progress updates added in this unit of work (the stored history is read by query).</summary>
    public IReadOnlyCollection<PlanActionUpdate> Updates => _updates;

    public Guid Version { get; set; }

    /// <summary>Still to do: not started, in progress or blocked.</summary>
    public bool IsOpen => Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress or PlanActionStatus.Blocked;

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    public static string StatusName(PlanActionStatus status) => status switch
    {
        PlanActionStatus.NotStarted => "Not started",
        PlanActionStatus.InProgress => "In progress",
        PlanActionStatus.Done => "Done",
        PlanActionStatus.Blocked => "Blocked",
        PlanActionStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// <summary>Changes what the action is, who owns it, when it is due and the issue it serves. Done and cancelled actions are history.</summary>
    public void Change(string? description, int ownerId, DateOnly dueOn, int? issueId)
    {
        EnsureOpen();
        Description = Guard.Required(description, "Describe the action", nameof(Description), DescriptionMaxLength);
        OwnerId = ownerId;
        DueOn = dueOn;
        IssueId = issueId;
    }

    /// <summary>
    /// A progress update from the owner (or the lead), optionally moving the status: blocked or cancelled
    /// with a reason, done, or back in progress. Returns the update for the history.
    /// </summary>
    public PlanActionUpdate PostUpdate(string? text, PlanActionStatus? newStatus, string? reason, DateOnly on, int byId, DateTime at)
    {
        if (Status == PlanActionStatus.Cancelled)
        {
            throw new DomainException("This action was cancelled: it cannot be updated", nameof(Status));
        }

        if (newStatus is { } wanted && !Enum.IsDefined(wanted))
        {
            throw new DomainException("Select the action's status", nameof(Status));
        }

        var changesStatus = newStatus is { } s && s != Status;
        var body = changesStatus
            ? Guard.Optional(text, "Text", UpdateMaxLength)
            : Guard.Required(text, "Enter the progress update", "Text", UpdateMaxLength);
        if (changesStatus)
        {
            var to = newStatus!.Value;
            if (to == PlanActionStatus.NotStarted)
            {
                throw new DomainException("An action that has started cannot go back to not started", nameof(Status));
            }

            if (to is PlanActionStatus.Blocked or PlanActionStatus.Cancelled)
            {
                StatusReason = Guard.Required(reason, to == PlanActionStatus.Blocked ? "Enter what is blocking the action" : "Enter why the action is cancelled",
                    "Reason", ReasonMaxLength);
            }
            else
            {
                StatusReason = null;
            }

            Status = to;
            CompletedAt = to == PlanActionStatus.Done ? at : null;
        }
        else if (Status == PlanActionStatus.Blocked && Guard.Optional(reason, "Reason", ReasonMaxLength) is { } stillBlockedBy)
        {
            // Still blocked, now by something else: keep what was typed rather than silently dropping it.
            StatusReason = stillBlockedBy;
        }

        var update = new PlanActionUpdate(Id, body ?? $"Marked {StatusName(Status).ToLowerInvariant()}", on, byId, at)
        {
            NewStatus = changesStatus ? Status : null,

            // The reason in force after this update, kept in the history (the action itself holds only the latest).
            Reason = Status is PlanActionStatus.Blocked or PlanActionStatus.Cancelled && (changesStatus || !string.IsNullOrWhiteSpace(reason)) ? StatusReason : null,
        };
        _updates.Add(update);
        return update;
    }

    /// <summary>How the timeline line of a progress update that changed nothing else starts (an append, not an edit).</summary>
    public const string ProgressPrefix = "Progress on action";

    /// <summary>The line this action puts on its group's and issue's timeline for an update.</summary>
    public string Describe(PlanActionUpdate update) =>
        update.NewStatus is { } status
            ? $"Action ‘{Short(Description)}’ {(status == PlanActionStatus.Done ? "done" : $"now {StatusName(status).ToLowerInvariant()}")}"
            : $"{ProgressPrefix} ‘{Short(Description)}’";

    private static string Short(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException($"This action is {StatusName(Status).ToLowerInvariant()}: it can no longer be changed", nameof(Status));
        }
    }
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

    /// <summary>Why the action was blocked or cancelled, when this update blocked or cancelled it (or gave a new blocker).</summary>
    public string? Reason { get; init; }
}
