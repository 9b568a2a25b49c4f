using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;

namespace AreaPartnerships.Domain.Issues;

/// <summary>
/// A local problem brought to the partnership. Raised with status New and no level; triage places it
/// on the four-level model, and every later change of level is a step up or a step down with a reason.
/// Every change goes through a method here, which checks the lifecycle rule and writes the timeline
/// entry in the same step, so nothing is half-saved and nothing is off the record.
/// <see cref="AreaId"/> is copied from the ward so lists filter by area without a join.
/// </summary>
public class Issue : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int ReasonMaxLength = 2000;

    private readonly List<IssueEvent> _events = [];

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
        if (!Enum.IsDefined(source))
        {
            throw new DomainException("Select where the issue came from", nameof(Source));
        }

        WardId = ward.Id;
        AreaId = ward.AreaId;
        CategoryId = categoryId;
        Source = source;
        RaisedById = raisedById;
        RaisedAt = raisedAt;
        Status = IssueStatus.New;
        Record(IssueEventKind.Raised, raisedById, raisedAt, "Raised");
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

    public IssueLevel? Level { get; private set; }

    public IssueStatus Status { get; private set; }

    public int? OwnerId { get; private set; }

    public ApplicationUser? Owner { get; private set; }

    public int? LeadOrganisationId { get; private set; }

    public Organisation? LeadOrganisation { get; private set; }

    /// <summary>Level 1: the front-line service the issue was referred to.</summary>
    public int? ReferredOrganisationId { get; private set; }

    public Organisation? ReferredOrganisation { get; private set; }

    public DateOnly? FollowUpOn { get; private set; }

    public DateTime? ReferralConfirmedAt { get; private set; }

    public int? TaskGroupId { get; private set; }

    public TaskGroup? TaskGroup { get; private set; }

    /// <summary>Confidential issues are never shown to councillors, and to partners only with a confidentiality agreement.</summary>
    public bool IsConfidential { get; set; }

    /// <summary>When a response is due, from the level's target (configurable per level).</summary>
    public DateOnly? TargetDate { get; private set; }

    public string? Outcome { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public int? DuplicateOfId { get; private set; }

    public int StepUpCount { get; private set; }

    public int StepDownCount { get; private set; }

    /// <summary>Last time anything happened on the timeline (for sorting and ageing).</summary>
    public DateTime LastActivityAt { get; private set; }

    public Guid Version { get; set; }

    /// <summary>Timeline entries added in this unit of work (the stored timeline is read by query, not through this).</summary>
    public IReadOnlyCollection<IssueEvent> Events => _events;

    public bool IsOpen => Status is IssueStatus.New or IssueStatus.Triaged or IssueStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && TargetDate is { } due && due < today;

    public static string LevelName(IssueLevel level) => $"Level {(int)level}";

    /// <summary>The reference of the year's <paramref name="number"/>th issue, e.g. AP-2026-00042.</summary>
    public static string ReferenceFor(int year, int number) => $"AP-{year}-{number:00000}";

    public static string StatusName(IssueStatus status) => status switch
    {
        IssueStatus.New => "New",
        IssueStatus.Triaged => "Triaged",
        IssueStatus.InProgress => "In progress",
        IssueStatus.Resolved => "Resolved",
        IssueStatus.Closed => "Closed",
        IssueStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    /// <summary>Places a New issue on the four-level model and gives it whoever acts at that level.</summary>
    public void Triage(IssueLevel level, string? rationale, Assignment assignment, int actorId, DateTime at, int targetDays)
    {
        if (Status != IssueStatus.New)
        {
            throw new DomainException(Level is null
                ? $"Only a new issue can be triaged; this one is {StatusName(Status).ToLowerInvariant()}"
                : $"This issue has already been triaged (it is {StatusName(Status).ToLowerInvariant()}): change its level with a step up or step down instead", nameof(Level));
        }

        CheckLevel(level);
        var why = Guard.Required(rationale, "Enter why the issue is at this level", "Reason", ReasonMaxLength);
        assignment.CheckFor(level, UkTime.DateOf(at));

        Level = level;
        Status = IssueStatus.Triaged;
        TargetDate = UkTime.DateOf(at).AddDays(targetDays);
        Record(IssueEventKind.Triaged, actorId, at, $"Triaged at {LevelName(level)}", field: "Level", newValue: LevelName(level), body: why);
        Assign(assignment, actorId, at);
    }

    /// <summary>Escalates a triaged, open issue to a higher level, with a reason.</summary>
    public void StepUp(IssueLevel level, string? reason, Assignment assignment, int actorId, DateTime at, int targetDays) =>
        Move(up: true, level, reason, assignment, actorId, at, targetDays);

    /// <summary>De-escalates a triaged, open issue to a lower level, with a reason.</summary>
    public void StepDown(IssueLevel level, string? reason, Assignment assignment, int actorId, DateTime at, int targetDays) =>
        Move(up: false, level, reason, assignment, actorId, at, targetDays);

    public void Start(int actorId, DateTime at)
    {
        if (Status != IssueStatus.Triaged)
        {
            throw new DomainException(Status == IssueStatus.New
                ? "Triage the issue before work starts on it"
                : $"Only a triaged issue can be started; this one is {StatusName(Status).ToLowerInvariant()}", nameof(Status));
        }

        ChangeStatus(IssueStatus.InProgress, actorId, at, IssueEventKind.StatusChanged);
    }

    /// <summary>Level 1: the front-line service confirms the job done, which resolves the issue.</summary>
    public void ConfirmReferralDone(string? outcome, int actorId, DateTime at)
    {
        if (Level != IssueLevel.FrontLine || ReferredOrganisationId is null || !IsOpen)
        {
            throw new DomainException("Only an open Level 1 referral can be confirmed done", nameof(Status));
        }

        var text = Guard.Required(outcome, "Enter what the service did", nameof(Outcome), DescriptionMaxLength);
        ReferralConfirmedAt = at;
        Record(IssueEventKind.ReferralCompleted, actorId, at, "Front-line service confirmed the job done", body: text);
        ResolveCore(text, actorId, at);
    }

    public void Resolve(string? outcome, int actorId, DateTime at)
    {
        if (Status is not (IssueStatus.Triaged or IssueStatus.InProgress))
        {
            throw new DomainException(Status == IssueStatus.New
                ? "An issue cannot be resolved before it is triaged"
                : $"Only a triaged or in-progress issue can be resolved; this one is {StatusName(Status).ToLowerInvariant()}", nameof(Status));
        }

        if (Level == IssueLevel.FrontLine && ReferralConfirmedAt is null)
        {
            throw new DomainException("This Level 1 issue stays open until the front-line service confirms the job done: record their confirmation instead", nameof(Status));
        }

        ResolveCore(Guard.Required(outcome, "Enter the outcome", nameof(Outcome), DescriptionMaxLength), actorId, at);
    }

    public void Reopen(string? reason, int actorId, DateTime at)
    {
        if (Status != IssueStatus.Resolved)
        {
            throw new DomainException("Only a resolved issue can be reopened", nameof(Status));
        }

        var why = Guard.Required(reason, "Enter why the issue is being reopened", "Reason", ReasonMaxLength);
        var old = Status;
        Status = IssueStatus.InProgress;
        ResolvedAt = null;
        Outcome = null;
        ReferralConfirmedAt = null;
        Record(IssueEventKind.Reopened, actorId, at, "Reopened", field: "Status", oldValue: StatusName(old), newValue: StatusName(Status), body: why);
    }

    public void Close(int actorId, DateTime at)
    {
        if (Status != IssueStatus.Resolved)
        {
            throw new DomainException("Only a resolved issue can be closed", nameof(Status));
        }

        ClosedAt = at;
        ChangeStatus(IssueStatus.Closed, actorId, at, IssueEventKind.Closed);
    }

    /// <summary>Takes an open issue out of the partnership's work: a duplicate (pointing at the original) or not for the partnership.</summary>
    public void Withdraw(string? reason, Issue? duplicateOf, int actorId, DateTime at)
    {
        if (!IsOpen)
        {
            throw new DomainException($"Only an open issue can be withdrawn; this one is {StatusName(Status).ToLowerInvariant()}", nameof(Status));
        }

        var why = Guard.Required(reason, "Enter why the issue is being withdrawn", "Reason", ReasonMaxLength);
        if (duplicateOf is not null && duplicateOf.Id == Id)
        {
            throw new DomainException("An issue cannot be a duplicate of itself", "DuplicateOf");
        }

        var old = Status;
        Status = IssueStatus.Withdrawn;
        DuplicateOfId = duplicateOf?.Id;
        Record(IssueEventKind.Withdrawn, actorId, at,
            duplicateOf is null ? "Withdrawn: not for the partnership" : $"Withdrawn as a duplicate of {duplicateOf.Reference}",
            field: "Status", oldValue: StatusName(old), newValue: StatusName(Status), body: why);
    }

    /// <summary>
    /// Marks the issue confidential or not: an explicit act, recorded on the timeline (kept to officers and
    /// partners, as the confidential material it concerns). Setting what it already is changes nothing.
    /// </summary>
    public void SetConfidential(bool confidential, int actorId, DateTime at)
    {
        if (confidential == IsConfidential)
        {
            return;
        }

        Record(IssueEventKind.Edited, actorId, at, confidential ? "Marked confidential" : "No longer confidential", Visibility.Confidential,
            field: "Confidential", oldValue: IsConfidential ? "Yes" : "No", newValue: confidential ? "Yes" : "No");
        IsConfidential = confidential;
    }

    public void AddNote(string? text, Visibility visibility, int actorId, DateTime at)
    {
        if (!Enum.IsDefined(visibility))
        {
            throw new DomainException("Select who can see the note", "Visibility");
        }

        var body = Guard.Required(text, "Enter the note", "Text", DescriptionMaxLength);
        Record(IssueEventKind.NoteAdded, actorId, at, visibility == Visibility.Confidential ? "Confidential note added" : "Note added", visibility, body: body);
    }

    /// <summary>Works an open Level 2 issue through a task group in its area (linked from the group's page or the issue's).</summary>
    public void LinkToTaskGroup(int taskGroupId, string taskGroupName, int taskGroupAreaId, int actorId, DateTime at)
    {
        if (!IsOpen || Level != IssueLevel.Partnership)
        {
            throw new DomainException($"Only an open Level 2 issue is worked through a task group; {Reference} is {(Level is { } level ? LevelName(level) : "not triaged")} and {StatusName(Status).ToLowerInvariant()}", "IssueReference");
        }

        if (taskGroupAreaId != AreaId)
        {
            throw new DomainException($"{Reference} is in another area: link it to a task group of its own area", "IssueReference");
        }

        if (TaskGroupId == taskGroupId)
        {
            throw new DomainException($"{Reference} is already linked to this task group", "IssueReference");
        }

        Record(IssueEventKind.LinkedToTaskGroup, actorId, at, $"Linked to task group {taskGroupName}",
            field: "Task group", oldValue: TaskGroupId is null ? null : TaskGroup?.Name ?? "another task group", newValue: taskGroupName);
        TaskGroupId = taskGroupId;
    }

    public void UnlinkFromTaskGroup(string taskGroupName, int actorId, DateTime at)
    {
        if (TaskGroupId is null)
        {
            throw new DomainException($"{Reference} is not linked to a task group", "IssueReference");
        }

        Record(IssueEventKind.LinkedToTaskGroup, actorId, at, $"No longer worked through task group {taskGroupName}",
            field: "Task group", oldValue: taskGroupName, newValue: null);
        TaskGroupId = null;
    }

    /// <summary>
    /// A task-group action serving this issue was added, updated or changed status. Kept to officers and
    /// partners (confidential): a micro plan is multi-agency working material.
    /// </summary>
    public void RecordActionProgress(string summary, string? body, int actorId, DateTime at) =>
        Record(IssueEventKind.ActionUpdated, actorId, at, summary, Visibility.Confidential, body: body);

    /// <summary>
    /// A quick-win spend (or its correction or reversal) serving this issue: "Quick-win spend of £250.00 to Acme
    /// Skips". Kept to officers and partners (confidential): spends are officers' material. A payee who is a person is
    /// named only as "a person".
    /// </summary>
    public void RecordSpend(string summary, string? body, int actorId, DateTime at) =>
        Record(IssueEventKind.SpendRecorded, actorId, at, summary, Visibility.Confidential, body: body);

    /// <summary>A cost incurred on the issue recorded or withdrawn ("Cost recorded: police call-out × 2, £500.00"). Kept to officers and partners who see confidential material, as spends are.</summary>
    public void RecordCost(string summary, string? body, int actorId, DateTime at) =>
        Record(IssueEventKind.CostRecorded, actorId, at, summary, Visibility.Confidential, body: body);

    /// <summary>The issue's cost-avoidance estimate changed (a line added or removed, its method or confidence).</summary>
    public void RecordEstimate(string summary, string? body, int actorId, DateTime at) =>
        Record(IssueEventKind.CostEstimateRecorded, actorId, at, summary, Visibility.Confidential, body: body);

    /// <summary>
    /// An update on this issue agreed at a meeting ("Agreed at the South Walsall tasking meeting, 3 December 2026").
    /// Kept to officers and partners when the meeting is confidential.
    /// </summary>
    public void RecordMeetingUpdate(string meeting, string? text, bool confidentialMeeting, int actorId, DateTime at)
    {
        var body = Guard.Required(text, "Enter the update agreed on the issue", "Text", DescriptionMaxLength);
        Record(IssueEventKind.DiscussedAtMeeting, actorId, at, $"Agreed at {meeting}", confidentialMeeting || IsConfidential ? Visibility.Confidential : Visibility.Everyone, body: body);
    }

    private void Move(bool up, IssueLevel level, string? reason, Assignment assignment, int actorId, DateTime at, int targetDays)
    {
        if (Level is not { } current)
        {
            throw new DomainException("Triage the issue first: a level is set by triage, then stepped up or down", nameof(Level));
        }

        if (!IsOpen)
        {
            throw new DomainException(Status == IssueStatus.Resolved
                ? "The level of a resolved issue cannot change: reopen it first"
                : $"The level of a {StatusName(Status).ToLowerInvariant()} issue cannot change", nameof(Level));
        }

        CheckLevel(level);
        if (up && level <= current)
        {
            throw new DomainException($"A step up must go to a higher level than {LevelName(current)}", nameof(Level));
        }

        if (!up && level >= current)
        {
            throw new DomainException($"A step down must go to a lower level than {LevelName(current)}", nameof(Level));
        }

        var why = Guard.Required(reason, up ? "Enter why the issue is being stepped up" : "Enter why the issue is being stepped down", "Reason", ReasonMaxLength);
        assignment.CheckFor(level, UkTime.DateOf(at));

        Level = level;
        TargetDate = UkTime.DateOf(at).AddDays(targetDays);
        if (up)
        {
            StepUpCount++;
        }
        else
        {
            StepDownCount++;
        }

        Record(up ? IssueEventKind.SteppedUp : IssueEventKind.SteppedDown, actorId, at,
            $"{(up ? "Stepped up" : "Stepped down")} from {LevelName(current)} to {LevelName(level)}",
            field: "Level", oldValue: LevelName(current), newValue: LevelName(level), body: why);
        Assign(assignment, actorId, at);
    }

    /// <summary>
    /// Gives the issue to whoever acts at its level, recording each change old → new on the timeline. The
    /// old names come from the navigations when the caller loaded them (the change handlers do).
    /// </summary>
    private void Assign(Assignment assignment, int actorId, DateTime at)
    {
        if (assignment.ReferredOrganisationId != ReferredOrganisationId || (assignment.ReferredOrganisationId is not null && assignment.FollowUpOn != FollowUpOn))
        {
            Record(IssueEventKind.Referred, actorId, at,
                assignment.ReferredOrganisationId is null ? "Referral to a front-line service ended" : $"Referred to {assignment.ReferredOrganisationName}",
                field: "Referred to", oldValue: ReferredOrganisationId is null ? null : ReferredOrganisation?.Name ?? "a front-line service",
                newValue: assignment.ReferredOrganisationId is null ? null : $"{assignment.ReferredOrganisationName}, follow up on {(assignment.FollowUpOn is { } followUp ? UkTime.Format(followUp) : "no date")}");
        }

        if (assignment.OwnerId != OwnerId)
        {
            Record(IssueEventKind.Assigned, actorId, at, assignment.OwnerId is null ? "Owner removed" : $"Assigned to {assignment.OwnerName}",
                field: "Owner", oldValue: OwnerId is null ? null : Owner?.DisplayName ?? "another person", newValue: assignment.OwnerName);
        }

        if (assignment.LeadOrganisationId != LeadOrganisationId)
        {
            Record(IssueEventKind.Assigned, actorId, at,
                assignment.LeadOrganisationId is null ? "Lead organisation removed" : $"Lead organisation set to {assignment.LeadOrganisationName}",
                field: "Lead organisation", oldValue: LeadOrganisationId is null ? null : LeadOrganisation?.Name ?? "another organisation", newValue: assignment.LeadOrganisationName);
        }

        if (assignment.TaskGroupId != TaskGroupId)
        {
            Record(IssueEventKind.LinkedToTaskGroup, actorId, at,
                assignment.TaskGroupId is null ? "No longer worked through a task group" : $"Linked to task group {assignment.TaskGroupName}",
                field: "Task group", oldValue: TaskGroupId is null ? null : TaskGroup?.Name ?? "another task group", newValue: assignment.TaskGroupName);
        }

        OwnerId = assignment.OwnerId;
        LeadOrganisationId = assignment.LeadOrganisationId;
        ReferredOrganisationId = assignment.ReferredOrganisationId;
        FollowUpOn = assignment.FollowUpOn;
        TaskGroupId = assignment.TaskGroupId;
        if (ReferredOrganisationId is null)
        {
            ReferralConfirmedAt = null;
        }
    }

    private void ResolveCore(string outcome, int actorId, DateTime at)
    {
        Outcome = outcome;
        ResolvedAt = at;
        var old = Status;
        Status = IssueStatus.Resolved;
        Record(IssueEventKind.Resolved, actorId, at, "Resolved", field: "Status", oldValue: StatusName(old), newValue: StatusName(Status), body: outcome);
    }

    private void ChangeStatus(IssueStatus status, int actorId, DateTime at, IssueEventKind kind)
    {
        var old = Status;
        Status = status;
        Record(kind, actorId, at, $"Status changed to {StatusName(status)}", field: "Status", oldValue: StatusName(old), newValue: StatusName(status));
    }

    private static void CheckLevel(IssueLevel level)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("Select a level from 1 to 4", nameof(Level));
        }
    }

    private void Record(IssueEventKind kind, int? actorId, DateTime at, string summary, Visibility visibility = Visibility.Everyone,
        string? field = null, string? oldValue = null, string? newValue = null, string? body = null)
    {
        _events.Add(new IssueEvent(Id, kind, actorId, at, summary, visibility)
        {
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            Body = body,
        });
        if (at > LastActivityAt)
        {
            LastActivityAt = at;
        }
    }
}

/// <summary>
/// Who acts on an issue at its level (DOMAIN.md, the four-level model). Names are carried for the
/// timeline. Level 1: a front-line service and a follow-up date (today or later). Level 2: an owner (the
/// area manager or a named partner), optionally a task group. Level 3: a lead organisation and an owner.
/// Level 4: the partnership manager as owner. This is the one place the rule lives: forms check only the
/// shape of what was typed, and handlers that each choice was one offered.
/// </summary>
public sealed record Assignment(
    int? OwnerId = null,
    string? OwnerName = null,
    int? LeadOrganisationId = null,
    string? LeadOrganisationName = null,
    int? ReferredOrganisationId = null,
    string? ReferredOrganisationName = null,
    DateOnly? FollowUpOn = null,
    int? TaskGroupId = null,
    string? TaskGroupName = null,
    string? OwnerRole = null)
{
    /// <summary>Checks that whoever acts fits <paramref name="level"/>; <paramref name="today"/> is the UK date now.</summary>
    public void CheckFor(IssueLevel level, DateOnly today)
    {
        switch (level)
        {
            case IssueLevel.FrontLine:
                if (ReferredOrganisationId is null)
                {
                    throw new DomainException("Select the front-line service the issue is referred to", nameof(ReferredOrganisationId));
                }

                if (FollowUpOn is not { } followUp)
                {
                    throw new DomainException("Enter the date to follow the referral up", nameof(FollowUpOn));
                }

                if (followUp < today)
                {
                    throw new DomainException("The follow-up date must be today or in the future", nameof(FollowUpOn));
                }

                if (OwnerId is not null || LeadOrganisationId is not null || TaskGroupId is not null)
                {
                    throw new DomainException("A Level 1 issue goes to a front-line service, not an owner or task group", nameof(OwnerId));
                }

                break;
            case IssueLevel.Partnership:
                RequireOwner("Select who owns the issue: the area manager or a named person in a lead partner");
                NoReferral();
                break;
            case IssueLevel.MultiAgency:
                if (LeadOrganisationId is null)
                {
                    throw new DomainException("Select the lead organisation or service", nameof(LeadOrganisationId));
                }

                RequireOwner("Select who owns the issue in the lead organisation");
                NoReferral();
                break;
            case IssueLevel.Borough:
                RequireOwner("Select who owns the issue: a Level 4 issue is owned by the partnership manager");
                if (OwnerRole is not null && OwnerRole != Roles.PartnershipManager)
                {
                    throw new DomainException("A Level 4 issue is owned by the partnership manager: select them", nameof(OwnerId));
                }

                NoReferral();
                break;
        }

        if (level != IssueLevel.Partnership && TaskGroupId is not null)
        {
            throw new DomainException("Only a Level 2 issue is worked through a task group", nameof(TaskGroupId));
        }
    }

    private void RequireOwner(string message)
    {
        if (OwnerId is null)
        {
            throw new DomainException(message, nameof(OwnerId));
        }
    }

    private void NoReferral()
    {
        if (ReferredOrganisationId is not null)
        {
            throw new DomainException("Only a Level 1 issue is referred to a front-line service", nameof(ReferredOrganisationId));
        }
    }
}
