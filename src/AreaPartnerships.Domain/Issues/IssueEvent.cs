namespace AreaPartnerships.Domain.Issues;

/// <summary>
/// One entry on an issue's timeline: who, when, what changed (old → new). Append-only. Read newest first
/// by when it happened (<see cref="OccurredAt"/>, then <see cref="Id"/>), one range seek on
/// (IssueId, OccurredAt, Id): rows are not always inserted in the order things happened.
/// </summary>
public class IssueEvent
{
    public IssueEvent(int issueId, IssueEventKind kind, int? actorId, DateTime occurredAt, string summary, Visibility visibility = Visibility.Everyone)
    {
        IssueId = issueId;
        Kind = kind;
        ActorId = actorId;
        OccurredAt = occurredAt;
        Summary = summary;
        Visibility = visibility;
    }

    public long Id { get; private set; }

    public int IssueId { get; private set; }

    public IssueEventKind Kind { get; private set; }

    /// <summary>Null for events by the system or a member of the public.</summary>
    public int? ActorId { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string Summary { get; private set; }

    public string? Field { get; init; }

    public string? OldValue { get; init; }

    public string? NewValue { get; init; }

    /// <summary>The note's text, or the reason for a step up/down, withdrawal or reopening.</summary>
    public string? Body { get; init; }

    public Visibility Visibility { get; private set; }

    /// <summary>
    /// The other issue an entry names (a related issue linked or unlinked). The entry is shown only to people who
    /// may see that issue too, so a person who may not see it finds no trace of it.
    /// </summary>
    public int? RelatedIssueId { get; init; }
}
