using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>Starting work, resolving with an outcome, and a Level 1 referral resolved by the service's confirmation.</summary>
public sealed class ResolveAndReferralTests
{
    private const int Owner = TestIssues.Owner;
    private static readonly DateTime At = TestIssues.Later;

    [Fact]
    public void Starting_a_triaged_issue_puts_it_in_progress_on_the_record()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        issue.Start(Owner, At);

        Assert.Equal(IssueStatus.InProgress, issue.Status);
        var started = issue.Events.Last();
        Assert.Equal(IssueEventKind.StatusChanged, started.Kind);
        Assert.Equal("Status changed to In progress", started.Summary);
        Assert.Equal("Status", started.Field);
        Assert.Equal("Triaged", started.OldValue);
        Assert.Equal("In progress", started.NewValue);
        Assert.Equal(Owner, started.ActorId);
    }

    [Fact]
    public void Starting_an_untriaged_issue_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => TestIssues.New().Start(Owner, At));

        Assert.Equal("Status", error.Field);
        Assert.Equal("Triage the issue before work starts on it", error.Message);
    }

    [Theory]
    [InlineData(IssueStatus.InProgress, "in progress")]
    [InlineData(IssueStatus.Resolved, "resolved")]
    [InlineData(IssueStatus.Closed, "closed")]
    [InlineData(IssueStatus.Withdrawn, "withdrawn")]
    public void Only_a_triaged_issue_can_be_started(IssueStatus status, string said)
    {
        var error = Assert.Throws<DomainException>(() => TestIssues.InStatus(status).Start(Owner, At));

        Assert.Equal($"Only a triaged issue can be started; this one is {said}", error.Message);
    }

    [Fact]
    public void Resolving_an_untriaged_issue_is_refused()
    {
        var issue = TestIssues.New();

        var error = Assert.Throws<DomainException>(() => issue.Resolve("Sorted", Owner, At));

        Assert.Equal("Status", error.Field);
        Assert.Equal("An issue cannot be resolved before it is triaged", error.Message);
    }

    [Fact]
    public void Resolving_keeps_the_outcome_and_when_and_puts_it_on_the_timeline()
    {
        var issue = TestIssues.InProgress(IssueLevel.Partnership);

        issue.Resolve("  Cameras installed  ", Owner, At);

        Assert.Equal(IssueStatus.Resolved, issue.Status);
        Assert.False(issue.IsOpen);
        Assert.Equal("Cameras installed", issue.Outcome);
        Assert.Equal(At, issue.ResolvedAt);
        var resolved = issue.Events.Last();
        Assert.Equal(IssueEventKind.Resolved, resolved.Kind);
        Assert.Equal("In progress", resolved.OldValue);
        Assert.Equal("Resolved", resolved.NewValue);
        Assert.Equal("Cameras installed", resolved.Body);
    }

    [Fact]
    public void A_triaged_issue_can_be_resolved_without_being_started()
    {
        var issue = TestIssues.Triaged(IssueLevel.MultiAgency);

        issue.Resolve("Fixed at the first visit", Owner, At);

        Assert.Equal(IssueStatus.Resolved, issue.Status);
        Assert.Equal("Triaged", issue.Events.Last().OldValue);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Resolving_needs_an_outcome(string? outcome)
    {
        var issue = TestIssues.InProgress(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() => issue.Resolve(outcome, Owner, At));

        Assert.Equal("Outcome", error.Field);
        Assert.Equal("Enter the outcome", error.Message);
    }

    [Theory]
    [InlineData(IssueStatus.Resolved, "resolved")]
    [InlineData(IssueStatus.Closed, "closed")]
    [InlineData(IssueStatus.Withdrawn, "withdrawn")]
    public void Only_a_triaged_or_in_progress_issue_can_be_resolved(IssueStatus status, string said)
    {
        var error = Assert.Throws<DomainException>(() => TestIssues.InStatus(status).Resolve("Outcome", Owner, At));

        Assert.Equal($"Only a triaged or in-progress issue can be resolved; this one is {said}", error.Message);
    }

    [Theory]
    [InlineData(IssueStatus.Triaged)]
    [InlineData(IssueStatus.InProgress)]
    public void A_level_1_issue_cannot_be_resolved_until_the_service_confirms_the_job_done(IssueStatus status)
    {
        var issue = status == IssueStatus.Triaged ? TestIssues.Triaged(IssueLevel.FrontLine) : TestIssues.InProgress(IssueLevel.FrontLine);

        var error = Assert.Throws<DomainException>(() => issue.Resolve("Bags gone", Owner, At));

        Assert.Equal("Status", error.Field);
        Assert.Contains("front-line service confirms the job done", error.Message, StringComparison.Ordinal);
        Assert.Equal(status, issue.Status);
    }

    [Fact]
    public void The_service_confirming_the_job_done_resolves_a_level_1_issue()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        issue.ConfirmReferralDone(" Bags cleared on Tuesday ", TestIssues.AreaManager, At);

        Assert.Equal(IssueStatus.Resolved, issue.Status);
        Assert.Equal(At, issue.ReferralConfirmedAt);
        Assert.Equal(At, issue.ResolvedAt);
        Assert.Equal("Bags cleared on Tuesday", issue.Outcome);
        var lastTwo = issue.Events.TakeLast(2).ToList();
        Assert.Equal(IssueEventKind.ReferralCompleted, lastTwo[0].Kind);
        Assert.Equal("Front-line service confirmed the job done", lastTwo[0].Summary);
        Assert.Equal("Bags cleared on Tuesday", lastTwo[0].Body);
        Assert.Equal(IssueEventKind.Resolved, lastTwo[1].Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Confirming_a_referral_needs_what_the_service_did(string? outcome)
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        var error = Assert.Throws<DomainException>(() => issue.ConfirmReferralDone(outcome, TestIssues.AreaManager, At));

        Assert.Equal("Outcome", error.Field);
        Assert.Equal("Enter what the service did", error.Message);
    }

    [Theory]
    [InlineData(IssueLevel.Partnership)]
    [InlineData(IssueLevel.MultiAgency)]
    [InlineData(IssueLevel.Borough)]
    public void Only_a_level_1_referral_can_be_confirmed(IssueLevel level)
    {
        var issue = TestIssues.Triaged(level);

        var error = Assert.Throws<DomainException>(() => issue.ConfirmReferralDone("Done", TestIssues.AreaManager, At));

        Assert.Equal("Status", error.Field);
        Assert.Equal("Only an open Level 1 referral can be confirmed done", error.Message);
    }

    [Fact]
    public void An_untriaged_issue_has_no_referral_to_confirm() =>
        Assert.Throws<DomainException>(() => TestIssues.New().ConfirmReferralDone("Done", TestIssues.AreaManager, At));

    [Fact]
    public void A_referral_already_confirmed_cannot_be_confirmed_again()
    {
        var issue = TestIssues.Resolved(IssueLevel.FrontLine);

        var error = Assert.Throws<DomainException>(() => issue.ConfirmReferralDone("Done again", TestIssues.AreaManager, At.AddDays(1)));

        Assert.Equal("Only an open Level 1 referral can be confirmed done", error.Message);
        Assert.Equal(At, issue.ReferralConfirmedAt);
    }
}
