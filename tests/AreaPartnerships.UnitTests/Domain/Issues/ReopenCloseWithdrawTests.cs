using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

public sealed class ReopenCloseWithdrawTests
{
    private const int Manager = TestIssues.AreaManager;
    private static readonly DateTime At = TestIssues.Later.AddDays(3);

    [Fact]
    public void Reopening_a_resolved_issue_puts_it_back_in_progress_without_its_outcome()
    {
        var issue = TestIssues.Resolved();

        issue.Reopen("  Dumping started again  ", TestIssues.Owner, At);

        Assert.Equal(IssueStatus.InProgress, issue.Status);
        Assert.True(issue.IsOpen);
        Assert.Null(issue.Outcome);
        Assert.Null(issue.ResolvedAt);
        var reopened = issue.Events.Last();
        Assert.Equal(IssueEventKind.Reopened, reopened.Kind);
        Assert.Equal("Status", reopened.Field);
        Assert.Equal("Resolved", reopened.OldValue);
        Assert.Equal("In progress", reopened.NewValue);
        Assert.Equal("Dumping started again", reopened.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Reopening_needs_a_reason(string? reason)
    {
        var issue = TestIssues.Resolved();

        var error = Assert.Throws<DomainException>(() => issue.Reopen(reason, TestIssues.Owner, At));

        Assert.Equal("Reason", error.Field);
        Assert.Equal("Enter why the issue is being reopened", error.Message);
    }

    [Theory]
    [InlineData(IssueStatus.New)]
    [InlineData(IssueStatus.Triaged)]
    [InlineData(IssueStatus.InProgress)]
    [InlineData(IssueStatus.Closed)]
    [InlineData(IssueStatus.Withdrawn)]
    public void Only_a_resolved_issue_can_be_reopened(IssueStatus status)
    {
        var error = Assert.Throws<DomainException>(() => TestIssues.InStatus(status).Reopen("Came back", TestIssues.Owner, At));

        Assert.Equal("Status", error.Field);
        Assert.Equal("Only a resolved issue can be reopened", error.Message);
    }

    [Fact]
    public void A_reopened_level_1_issue_needs_the_service_to_confirm_the_job_again()
    {
        var issue = TestIssues.Resolved(IssueLevel.FrontLine);

        issue.Reopen("Bags back", TestIssues.Owner, At);

        Assert.Null(issue.ReferralConfirmedAt);
        Assert.Throws<DomainException>(() => issue.Resolve("Cleared", TestIssues.Owner, At.AddDays(1)));
        issue.ConfirmReferralDone("Cleared again", TestIssues.Owner, At.AddDays(1));
        Assert.Equal(IssueStatus.Resolved, issue.Status);
        Assert.Equal(At.AddDays(1), issue.ReferralConfirmedAt);
    }

    [Fact]
    public void Closing_a_resolved_issue_records_when()
    {
        var issue = TestIssues.Resolved();

        issue.Close(Manager, At);

        Assert.Equal(IssueStatus.Closed, issue.Status);
        Assert.Equal(At, issue.ClosedAt);
        Assert.False(issue.IsOpen);
        var closed = issue.Events.Last();
        Assert.Equal(IssueEventKind.Closed, closed.Kind);
        Assert.Equal("Resolved", closed.OldValue);
        Assert.Equal("Closed", closed.NewValue);
        Assert.Equal(Manager, closed.ActorId);
    }

    [Theory]
    [InlineData(IssueStatus.New)]
    [InlineData(IssueStatus.Triaged)]
    [InlineData(IssueStatus.InProgress)]
    [InlineData(IssueStatus.Closed)]
    [InlineData(IssueStatus.Withdrawn)]
    public void Only_a_resolved_issue_can_be_closed(IssueStatus status)
    {
        var issue = TestIssues.InStatus(status);

        var error = Assert.Throws<DomainException>(() => issue.Close(Manager, At.AddDays(5)));

        Assert.Equal("Status", error.Field);
        Assert.Equal("Only a resolved issue can be closed", error.Message);
        Assert.Equal(status, issue.Status);
    }

    [Theory]
    [InlineData(IssueStatus.New)]
    [InlineData(IssueStatus.Triaged)]
    [InlineData(IssueStatus.InProgress)]
    public void An_open_issue_can_be_withdrawn_as_not_for_the_partnership(IssueStatus status)
    {
        var issue = TestIssues.InStatus(status);

        issue.Withdraw(" Private land: the owner's job ", null, Manager, At);

        Assert.Equal(IssueStatus.Withdrawn, issue.Status);
        Assert.False(issue.IsOpen);
        Assert.Null(issue.DuplicateOfId);
        var withdrawn = issue.Events.Last();
        Assert.Equal(IssueEventKind.Withdrawn, withdrawn.Kind);
        Assert.Equal("Withdrawn: not for the partnership", withdrawn.Summary);
        Assert.Equal(Issue.StatusName(status), withdrawn.OldValue);
        Assert.Equal("Withdrawn", withdrawn.NewValue);
        Assert.Equal("Private land: the owner's job", withdrawn.Body);
    }

    [Fact]
    public void Withdrawing_as_a_duplicate_points_at_the_original()
    {
        var original = TestIssues.Triaged(IssueLevel.Partnership, "AP-2026-00042").Saved(42);
        var issue = TestIssues.New("AP-2026-00057").Saved(57);

        issue.Withdraw("Same dumping, reported twice", original, Manager, At);

        Assert.Equal(IssueStatus.Withdrawn, issue.Status);
        Assert.Equal(42, issue.DuplicateOfId);
        Assert.Equal("Withdrawn as a duplicate of AP-2026-00042", issue.Events.Last().Summary);
        Assert.Equal(IssueStatus.Triaged, original.Status);
    }

    [Fact]
    public void An_issue_cannot_be_a_duplicate_of_itself()
    {
        var issue = TestIssues.New().Saved(57);

        var error = Assert.Throws<DomainException>(() => issue.Withdraw("Duplicate", issue, Manager, At));

        Assert.Equal("DuplicateOf", error.Field);
        Assert.Equal("An issue cannot be a duplicate of itself", error.Message);
    }

    [Fact]
    public void The_same_issue_loaded_twice_is_still_not_its_own_duplicate()
    {
        var issue = TestIssues.New("AP-2026-00057").Saved(57);
        var sameRecord = TestIssues.New("AP-2026-00057").Saved(57);

        var error = Assert.Throws<DomainException>(() => issue.Withdraw("Duplicate", sameRecord, Manager, At));

        Assert.Equal("DuplicateOf", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Withdrawing_needs_a_reason(string? reason)
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() => issue.Withdraw(reason, null, Manager, At));

        Assert.Equal("Reason", error.Field);
        Assert.Equal("Enter why the issue is being withdrawn", error.Message);
    }

    [Theory]
    [InlineData(IssueStatus.Resolved, "resolved")]
    [InlineData(IssueStatus.Closed, "closed")]
    [InlineData(IssueStatus.Withdrawn, "withdrawn")]
    public void Only_an_open_issue_can_be_withdrawn(IssueStatus status, string said)
    {
        var error = Assert.Throws<DomainException>(() => TestIssues.InStatus(status).Withdraw("Not ours", null, Manager, At));

        Assert.Equal("Status", error.Field);
        Assert.Equal($"Only an open issue can be withdrawn; this one is {said}", error.Message);
    }
}
