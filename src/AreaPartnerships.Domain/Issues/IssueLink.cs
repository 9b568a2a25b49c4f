using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Issues;

/// <summary>
/// Two related issues (not duplicates: a duplicate is withdrawn pointing at its original), linked by an officer
/// with a reason and shown on both. Stored once per pair, the lower issue id first. Linking and unlinking are
/// written on both issues' timelines; those entries name the other issue (<see cref="IssueEvent.RelatedIssueId"/>)
/// so that they are shown only to people who may see it.
/// </summary>
public class IssueLink
{
    public const int ReasonMaxLength = 500;

    private IssueLink(int issueId, int otherIssueId, string reason, int linkedById, DateTime linkedAt)
    {
        IssueId = issueId;
        OtherIssueId = otherIssueId;
        Reason = reason;
        LinkedById = linkedById;
        LinkedAt = linkedAt;
    }

    public int Id { get; private set; }

    /// <summary>The lower of the two issue ids.</summary>
    public int IssueId { get; private set; }

    /// <summary>The higher of the two issue ids.</summary>
    public int OtherIssueId { get; private set; }

    public string Reason { get; private set; }

    public int LinkedById { get; private set; }

    public DateTime LinkedAt { get; private set; }

    /// <summary>The issue at the other end of the link from <paramref name="issueId"/>.</summary>
    public int OtherThan(int issueId) => issueId == IssueId ? OtherIssueId : IssueId;

    /// <summary>Links two issues, with the entries for both timelines. Refused for an issue and itself, or without a reason.</summary>
    public static (IssueLink Link, IssueEvent[] Timeline) Create(LinkEnd issue, LinkEnd other, string? reason, int actorId, DateTime at)
    {
        if (issue.Id == other.Id)
        {
            throw new DomainException("An issue cannot be linked to itself", "RelatedReference");
        }

        var why = Guard.Required(reason, "Enter why the issues are related", "LinkReason", ReasonMaxLength);
        var link = new IssueLink(Math.Min(issue.Id, other.Id), Math.Max(issue.Id, other.Id), why, actorId, at);
        return (link,
        [
            Entry(issue, other, IssueEventKind.LinkedToIssue, $"Linked to related issue {other.Reference}", why, actorId, at),
            Entry(other, issue, IssueEventKind.LinkedToIssue, $"Linked to related issue {issue.Reference}", why, actorId, at),
        ]);
    }

    /// <summary>The entries for both timelines when the link is removed (the caller removes the row).</summary>
    public IssueEvent[] Unlink(LinkEnd issue, LinkEnd other, int actorId, DateTime at)
    {
        if (!(issue.Id == IssueId && other.Id == OtherIssueId) && !(issue.Id == OtherIssueId && other.Id == IssueId))
        {
            throw new DomainException("These issues are not linked", "RelatedReference");
        }

        return
        [
            Entry(issue, other, IssueEventKind.UnlinkedFromIssue, $"No longer linked to {other.Reference}", null, actorId, at),
            Entry(other, issue, IssueEventKind.UnlinkedFromIssue, $"No longer linked to {issue.Reference}", null, actorId, at),
        ];
    }

    private static IssueEvent Entry(LinkEnd on, LinkEnd names, IssueEventKind kind, string summary, string? body, int actorId, DateTime at) =>
        new(on.Id, kind, actorId, at, summary) { Body = body, RelatedIssueId = names.Id };
}

/// <summary>One end of a link: the issue's id and reference (for its timeline).</summary>
public sealed record LinkEnd(int Id, string Reference);
