namespace AreaPartnerships.Domain.Issues;

/// <summary>The four-level model (DOMAIN.md). Empty on an issue until it is triaged.</summary>
public enum IssueLevel
{
    /// <summary>Simple action now by a front-line service.</summary>
    FrontLine = 1,

    /// <summary>Low-level partnership working: the Area Partnership, a task group.</summary>
    Partnership = 2,

    /// <summary>High-level multi-agency intervention led by a council service or senior partner.</summary>
    MultiAgency = 3,

    /// <summary>Systems change at borough level.</summary>
    Borough = 4,
}

public enum IssueStatus
{
    New = 1,
    Triaged = 2,
    InProgress = 3,
    Resolved = 4,
    Closed = 5,
    Withdrawn = 6,
}

public enum IssueSource
{
    Councillor = 1,
    Resident = 2,
    Partner = 3,
    CommunityMeeting = 4,
    Officer = 5,
}

/// <summary>Who may read a note or timeline entry.</summary>
public enum Visibility
{
    /// <summary>Everyone who can see the issue (councillors included).</summary>
    Everyone = 1,

    /// <summary>Officers and partners only: councillors never; partners only with a confidentiality agreement.</summary>
    Confidential = 2,
}

public enum IssueEventKind
{
    Raised = 1,
    Triaged = 2,
    SteppedUp = 3,
    SteppedDown = 4,
    Assigned = 5,
    Referred = 6,
    NoteAdded = 7,
    StatusChanged = 8,
    Resolved = 9,
    Reopened = 10,
    Withdrawn = 11,
    Closed = 12,
    Edited = 13,
    LinkedToTaskGroup = 14,
    ActionUpdated = 15,
    SpendRecorded = 16,
    CostEstimateRecorded = 17,
    DiscussedAtMeeting = 18,
    ReferralCompleted = 19,

    /// <summary>A cost incurred on the issue recorded, or withdrawn.</summary>
    CostRecorded = 20,

    /// <summary>Linked to a related issue (not a duplicate); the entry names the other issue (<see cref="IssueEvent.RelatedIssueId"/>).</summary>
    LinkedToIssue = 30,

    /// <summary>The link to a related issue was removed.</summary>
    UnlinkedFromIssue = 31,
}

public enum IssueTheme
{
    CleanerSaferGreener = 1,
    Financial = 2,
    CommunitySafety = 3,
    HealthAndWellbeing = 4,
    Housing = 5,
    ChildrenAndFamilies = 6,
    Other = 99,
}
