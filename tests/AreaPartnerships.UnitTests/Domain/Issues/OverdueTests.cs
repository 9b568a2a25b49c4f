using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

public sealed class OverdueTests
{
    // Triaged on 2 June 2026 with a 14-day target: due 16 June 2026.
    private static readonly DateOnly Due = new(2026, 6, 16);

    [Fact]
    public void An_issue_is_due_on_its_target_date_and_overdue_the_day_after()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        Assert.Equal(Due, issue.TargetDate);
        Assert.False(issue.IsOverdue(Due.AddDays(-1)));
        Assert.False(issue.IsOverdue(Due));
        Assert.True(issue.IsOverdue(Due.AddDays(1)));
    }

    [Fact]
    public void An_issue_in_progress_past_its_target_is_overdue() =>
        Assert.True(TestIssues.InProgress(IssueLevel.FrontLine).IsOverdue(Due.AddDays(1)));

    [Fact]
    public void An_untriaged_issue_has_no_target_so_is_never_overdue() =>
        Assert.False(TestIssues.New().IsOverdue(new DateOnly(2030, 1, 1)));

    [Theory]
    [InlineData(IssueStatus.Resolved)]
    [InlineData(IssueStatus.Closed)]
    public void A_finished_issue_is_not_overdue(IssueStatus status)
    {
        var issue = TestIssues.InStatus(status);

        Assert.Equal(Due, issue.TargetDate);
        Assert.False(issue.IsOverdue(Due.AddDays(30)));
    }

    [Fact]
    public void A_withdrawn_issue_is_not_overdue()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);
        issue.Withdraw("Duplicate", null, TestIssues.AreaManager, TestIssues.Later);

        Assert.False(issue.IsOverdue(Due.AddDays(30)));
    }
}
