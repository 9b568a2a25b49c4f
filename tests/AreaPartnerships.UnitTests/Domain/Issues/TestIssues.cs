using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>
/// Small builders for issues in unit tests: real <see cref="Issue"/> objects moved through their own
/// methods, never mocks. Ids stay 0 (nothing is saved) unless <see cref="Saved"/> gives one, as the
/// database would.
/// </summary>
internal static class TestIssues
{
    public const int AreaId = 3;
    public const int Raiser = 11;
    public const int AreaManager = 21;
    public const int Owner = 31;
    public const int PartnerOwner = 32;
    public const int StreetCleansing = 101;
    public const int Police = 102;
    public const int TaskGroup = 201;
    public const int TargetDays = 14;

    public static readonly DateTime RaisedAt = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime TriagedAt = new(2026, 6, 2, 14, 30, 0, DateTimeKind.Utc);
    public static readonly DateTime Later = new(2026, 6, 10, 11, 15, 0, DateTimeKind.Utc);
    public static readonly DateOnly FollowUpOn = new(2026, 6, 20);

    public static Ward Ward() => new("Birchills Leamore", AreaId);

    public static Issue New(string reference = "AP-2026-00001") =>
        new(reference, "Fly-tipping behind the shops", "Bags dumped every week by the garages", Ward(), 5, IssueSource.Councillor, Raiser, RaisedAt);

    /// <summary>A new issue triaged at <paramref name="level"/> with the assignment that level needs.</summary>
    public static Issue Triaged(IssueLevel level, string reference = "AP-2026-00001")
    {
        var issue = New(reference);
        issue.Triage(level, "Fits this level", AssignmentFor(level), AreaManager, TriagedAt, TargetDays);
        return issue;
    }

    public static Issue InProgress(IssueLevel level)
    {
        var issue = Triaged(level);
        issue.Start(Owner, TriagedAt.AddHours(1));
        return issue;
    }

    /// <summary>Resolved: a Level 1 issue by the service's confirmation, any other level with an outcome.</summary>
    public static Issue Resolved(IssueLevel level = IssueLevel.Partnership)
    {
        var issue = InProgress(level);
        if (level == IssueLevel.FrontLine)
        {
            issue.ConfirmReferralDone("Service cleared the bags", Owner, Later);
        }
        else
        {
            issue.Resolve("Cameras installed; no dumping since", Owner, Later);
        }

        return issue;
    }

    public static Issue Closed()
    {
        var issue = Resolved();
        issue.Close(AreaManager, Later.AddDays(1));
        return issue;
    }

    public static Issue Withdrawn()
    {
        var issue = New();
        issue.Withdraw("Not for the partnership", null, AreaManager, Later);
        return issue;
    }

    /// <summary>An issue in <paramref name="status"/>, reached through the issue's own methods.</summary>
    public static Issue InStatus(IssueStatus status) => status switch
    {
        IssueStatus.New => New(),
        IssueStatus.Triaged => Triaged(IssueLevel.Partnership),
        IssueStatus.InProgress => InProgress(IssueLevel.Partnership),
        IssueStatus.Resolved => Resolved(),
        IssueStatus.Closed => Closed(),
        IssueStatus.Withdrawn => Withdrawn(),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Whoever acts at each level, as the triage page would send it.</summary>
    public static Assignment AssignmentFor(IssueLevel level) => level switch
    {
        IssueLevel.FrontLine => new Assignment(ReferredOrganisationId: StreetCleansing, ReferredOrganisationName: "Street Cleansing", FollowUpOn: FollowUpOn),
        IssueLevel.Partnership => new Assignment(OwnerId: Owner, OwnerName: "Asha Patel"),
        IssueLevel.MultiAgency => new Assignment(OwnerId: PartnerOwner, OwnerName: "Sgt Dan Hughes", LeadOrganisationId: Police, LeadOrganisationName: "West Midlands Police"),
        IssueLevel.Borough => new Assignment(OwnerId: 41, OwnerName: "Morgan Reid"),
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Gives the issue an id, as saving it would.</summary>
    public static Issue Saved(this Issue issue, int id)
    {
        typeof(Issue).GetProperty(nameof(Issue.Id))!.SetValue(issue, id);
        return issue;
    }
}
