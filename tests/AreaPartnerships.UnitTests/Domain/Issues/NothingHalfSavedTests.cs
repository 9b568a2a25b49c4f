using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>When a rule refuses a change, the issue is exactly as it was: no level, status, assignment or timeline entry half-written.</summary>
public sealed class NothingHalfSavedTests
{
    private const int Manager = TestIssues.AreaManager;
    private static readonly DateTime At = TestIssues.Later;

    [Fact]
    public void Triage_refused_for_the_assignment_leaves_the_issue_new()
    {
        var issue = TestIssues.New();
        var before = Snapshot.Of(issue);

        Assert.Throws<DomainException>(() =>
            issue.Triage(IssueLevel.MultiAgency, "Several agencies", new Assignment(OwnerId: TestIssues.Owner, OwnerName: "Asha Patel"), Manager, At, TestIssues.TargetDays));

        Assert.Equal(before, Snapshot.Of(issue));
        Assert.Equal(IssueStatus.New, issue.Status);
        Assert.Null(issue.Level);
    }

    [Fact]
    public void Triage_refused_for_a_missing_rationale_leaves_the_issue_new()
    {
        var issue = TestIssues.New();
        var before = Snapshot.Of(issue);

        Assert.Throws<DomainException>(() =>
            issue.Triage(IssueLevel.FrontLine, null, TestIssues.AssignmentFor(IssueLevel.FrontLine), Manager, At, TestIssues.TargetDays));

        Assert.Equal(before, Snapshot.Of(issue));
    }

    [Fact]
    public void A_step_refused_for_the_assignment_keeps_the_level_referral_and_counts()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);
        var before = Snapshot.Of(issue);

        var error = Assert.Throws<DomainException>(() =>
            issue.StepUp(IssueLevel.Partnership, "Keeps coming back", new Assignment(TaskGroupId: TestIssues.TaskGroup, TaskGroupName: "ASB"), Manager, At, 30));

        Assert.Equal("OwnerId", error.Field);
        Assert.Equal(before, Snapshot.Of(issue));
        Assert.Equal(TestIssues.StreetCleansing, issue.ReferredOrganisationId);
        Assert.Equal(0, issue.StepUpCount);
    }

    [Fact]
    public void A_step_refused_for_its_direction_changes_nothing()
    {
        var issue = TestIssues.Triaged(IssueLevel.MultiAgency);
        var before = Snapshot.Of(issue);

        Assert.Throws<DomainException>(() =>
            issue.StepDown(IssueLevel.Borough, "Wrong way", TestIssues.AssignmentFor(IssueLevel.Borough), Manager, At, 30));

        Assert.Equal(before, Snapshot.Of(issue));
    }

    [Fact]
    public void A_resolve_refused_for_a_missing_outcome_leaves_the_issue_in_progress()
    {
        var issue = TestIssues.InProgress(IssueLevel.Partnership);
        var before = Snapshot.Of(issue);

        Assert.Throws<DomainException>(() => issue.Resolve(" ", TestIssues.Owner, At));

        Assert.Equal(before, Snapshot.Of(issue));
        Assert.Null(issue.ResolvedAt);
    }

    [Fact]
    public void A_confirmation_refused_for_a_missing_outcome_leaves_the_referral_unconfirmed()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);
        var before = Snapshot.Of(issue);

        Assert.Throws<DomainException>(() => issue.ConfirmReferralDone(null, Manager, At));

        Assert.Equal(before, Snapshot.Of(issue));
        Assert.Null(issue.ReferralConfirmedAt);
    }

    [Fact]
    public void A_reopen_refused_for_a_missing_reason_keeps_the_outcome()
    {
        var issue = TestIssues.Resolved();
        var before = Snapshot.Of(issue);

        Assert.Throws<DomainException>(() => issue.Reopen("", TestIssues.Owner, At.AddDays(1)));

        Assert.Equal(before, Snapshot.Of(issue));
        Assert.NotNull(issue.ResolvedAt);
    }

    [Fact]
    public void A_withdrawal_refused_as_a_duplicate_of_itself_leaves_the_issue_open()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership).Saved(9);
        var before = Snapshot.Of(issue);

        Assert.Throws<DomainException>(() => issue.Withdraw("Duplicate", issue, Manager, At));

        Assert.Equal(before, Snapshot.Of(issue));
        Assert.Null(issue.DuplicateOfId);
    }

    [Fact]
    public void A_refused_note_adds_nothing_to_the_timeline()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);
        var before = Snapshot.Of(issue);

        Assert.Throws<DomainException>(() => issue.AddNote("", Visibility.Confidential, Manager, At));

        Assert.Equal(before, Snapshot.Of(issue));
    }

    /// <summary>Everything a lifecycle method may change, compared by value.</summary>
    private sealed record Snapshot(
        IssueLevel? Level,
        IssueStatus Status,
        int Events,
        DateOnly? TargetDate,
        int? OwnerId,
        int? LeadOrganisationId,
        int? ReferredOrganisationId,
        DateOnly? FollowUpOn,
        DateTime? ReferralConfirmedAt,
        int? TaskGroupId,
        string? Outcome,
        DateTime? ResolvedAt,
        DateTime? ClosedAt,
        int? DuplicateOfId,
        int StepUpCount,
        int StepDownCount,
        DateTime LastActivityAt)
    {
        public static Snapshot Of(Issue i) => new(
            i.Level, i.Status, i.Events.Count, i.TargetDate, i.OwnerId, i.LeadOrganisationId, i.ReferredOrganisationId, i.FollowUpOn,
            i.ReferralConfirmedAt, i.TaskGroupId, i.Outcome, i.ResolvedAt, i.ClosedAt, i.DuplicateOfId, i.StepUpCount, i.StepDownCount, i.LastActivityAt);
    }
}
