using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using Moq;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>
/// When a Level 1 referral's follow-up is due (<see cref="FollowUps"/>): from the follow-up date itself (the UK
/// day, read from the clock), while the issue is open and no confirmation is recorded. The rule's two forms — on
/// a loaded issue and as a query filter — say the same thing.
/// </summary>
public sealed class FollowUpDueTests
{
    private static readonly DateOnly FollowUpOn = TestIssues.FollowUpOn;

    /// <summary>The UK "today" at an instant, read through the clock the app is given.</summary>
    private static DateOnly UkTodayAt(DateTimeOffset instant)
    {
        var clock = Clocks.At(instant);
        var today = UkFormat.UkToday(clock.Object);
        clock.Verify(c => c.GetUtcNow(), Times.Once);
        return today;
    }

    [Fact]
    public void A_referral_is_not_due_the_day_before_its_follow_up_date()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        Assert.False(issue.IsFollowUpDue(UkTodayAt(new DateTimeOffset(2026, 6, 19, 12, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void A_referral_is_due_from_UK_midnight_on_its_follow_up_date_not_UTC_midnight()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        // 23:30 UTC on 19 June is 00:30 on 20 June in London (BST): the follow-up day has begun.
        Assert.True(issue.IsFollowUpDue(UkTodayAt(new DateTimeOffset(2026, 6, 19, 23, 30, 0, TimeSpan.Zero))));
        Assert.False(issue.IsFollowUpDue(UkTodayAt(new DateTimeOffset(2026, 6, 19, 22, 59, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void A_referral_past_its_follow_up_date_stays_due_while_work_goes_on()
    {
        var triaged = TestIssues.Triaged(IssueLevel.FrontLine);
        var started = TestIssues.InProgress(IssueLevel.FrontLine);

        Assert.True(triaged.IsFollowUpDue(FollowUpOn.AddDays(3)));
        Assert.True(started.IsFollowUpDue(FollowUpOn.AddDays(3)));
    }

    [Fact]
    public void A_confirmed_referral_is_not_due()
    {
        var issue = TestIssues.Resolved(IssueLevel.FrontLine);

        Assert.NotNull(issue.ReferralConfirmedAt);
        Assert.False(issue.IsFollowUpDue(FollowUpOn.AddDays(3)));
        Assert.False(FollowUps.IsDue(IssueStatus.InProgress, FollowUpOn, TestIssues.Later, FollowUpOn.AddDays(3)));
    }

    [Theory]
    [InlineData(IssueStatus.Resolved)]
    [InlineData(IssueStatus.Closed)]
    [InlineData(IssueStatus.Withdrawn)]
    public void A_referral_on_an_issue_no_longer_open_is_not_due(IssueStatus status) =>
        Assert.False(FollowUps.IsDue(status, FollowUpOn, referralConfirmedAt: null, FollowUpOn.AddDays(3)));

    [Theory]
    [InlineData(IssueLevel.Partnership)]
    [InlineData(IssueLevel.MultiAgency)]
    public void An_issue_with_no_referral_has_no_follow_up_to_be_due(IssueLevel level) =>
        Assert.False(TestIssues.Triaged(level).IsFollowUpDue(FollowUpOn.AddDays(300)));

    [Fact]
    public void The_query_form_of_the_rule_agrees_with_the_rule_on_the_issue()
    {
        var issues = new[]
        {
            TestIssues.New(),
            TestIssues.Triaged(IssueLevel.FrontLine),
            TestIssues.InProgress(IssueLevel.FrontLine),
            TestIssues.Resolved(IssueLevel.FrontLine),
            TestIssues.Triaged(IssueLevel.Partnership),
            TestIssues.Withdrawn(),
        };

        foreach (var today in new[] { FollowUpOn.AddDays(-1), FollowUpOn, FollowUpOn.AddDays(1) })
        {
            var query = FollowUps.FollowUpDueOn(today).Compile();
            Assert.All(issues, issue => Assert.Equal(issue.IsFollowUpDue(today), query(issue)));
        }
    }
}
