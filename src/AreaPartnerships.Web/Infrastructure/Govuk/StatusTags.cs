using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>A GOV.UK tag: its words and its colour (one of GOV.UK Frontend's <c>govuk-tag--{colour}</c> modifiers).</summary>
public sealed record TagStyle(string Text, string Colour)
{
    public string CssClass => $"govuk-tag--{Colour}";
}

/// <summary>
/// One name and one colour for every status, everywhere: the one map per status enum (issue status, issue level,
/// action status, task group status) and the flags shown beside them (overdue, confidential, follow-up due).
/// Pages render them with <c>&lt;govuk-tag for-status="..." /&gt;</c> (<see cref="GovukTagTagHelper"/>), never
/// with a colour of their own. The same words mean the same colour across enums ("In progress" is yellow for an
/// issue and for an action; "Done"/"Resolved" green; "Blocked" red like every other call for attention).
/// </summary>
public static class StatusTags
{
    /// <summary>The colours GOV.UK Frontend 5 defines for tags.</summary>
    public static readonly IReadOnlySet<string> GovukColours = new HashSet<string>(StringComparer.Ordinal)
    {
        "grey", "green", "turquoise", "blue", "light-blue", "purple", "pink", "red", "orange", "yellow",
    };

    public static readonly TagStyle Overdue = new("Overdue", "red");

    public static readonly TagStyle ReviewOverdue = new("Review overdue", "red");

    public static readonly TagStyle Confidential = new("Confidential", "red");

    /// <summary>A Level 1 referral whose follow-up date is today or past, with no confirmation recorded.</summary>
    public static readonly TagStyle FollowUpDue = new("Follow-up due", "orange");

    public static TagStyle For(IssueStatus status) => status switch
    {
        IssueStatus.New => new(Issue.StatusName(status), "blue"),
        IssueStatus.Triaged => new(Issue.StatusName(status), "light-blue"),
        IssueStatus.InProgress => new(Issue.StatusName(status), "yellow"),
        IssueStatus.Resolved => new(Issue.StatusName(status), "green"),
        IssueStatus.Closed => new(Issue.StatusName(status), "grey"),
        IssueStatus.Withdrawn => new(Issue.StatusName(status), "grey"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No tag for this issue status"),
    };

    /// <summary>An issue's level; an issue not yet triaged has none.</summary>
    public static TagStyle For(IssueLevel? level) => level switch
    {
        null => new("Not triaged", "grey"),
        IssueLevel.FrontLine or IssueLevel.Partnership or IssueLevel.MultiAgency or IssueLevel.Borough => new(Issue.LevelName(level.Value), "purple"),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "No tag for this issue level"),
    };

    public static TagStyle For(PlanActionStatus status) => status switch
    {
        PlanActionStatus.NotStarted => new(PlanAction.StatusName(status), "grey"),
        PlanActionStatus.InProgress => new(PlanAction.StatusName(status), "yellow"),
        PlanActionStatus.Done => new(PlanAction.StatusName(status), "green"),
        PlanActionStatus.Blocked => new(PlanAction.StatusName(status), "red"),
        PlanActionStatus.Cancelled => new(PlanAction.StatusName(status), "grey"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No tag for this action status"),
    };

    public static TagStyle For(TaskGroupStatus status) => status switch
    {
        TaskGroupStatus.Active => new("Active", "green"),
        TaskGroupStatus.Closed => new("Closed", "grey"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No tag for this task group status"),
    };

    /// <summary>An estimate's confidence: its word is the meaning ("Low confidence"), the colour only repeats it.</summary>
    public static TagStyle For(EstimateConfidence confidence) => confidence switch
    {
        EstimateConfidence.High => new("High confidence", "green"),
        EstimateConfidence.Medium => new("Medium confidence", "blue"),
        EstimateConfidence.Low => new("Low confidence", "grey"),
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "No tag for this confidence"),
    };

    /// <summary>The tag for any value the map knows (a status enum, or a <see cref="TagStyle"/> itself).</summary>
    public static TagStyle For(object value) => value switch
    {
        TagStyle style => style,
        IssueStatus status => For(status),
        IssueLevel level => For((IssueLevel?)level),
        PlanActionStatus status => For(status),
        TaskGroupStatus status => For(status),
        EstimateConfidence confidence => For(confidence),
        _ => throw new ArgumentException($"No tag map for {value.GetType().Name}", nameof(value)),
    };
}
