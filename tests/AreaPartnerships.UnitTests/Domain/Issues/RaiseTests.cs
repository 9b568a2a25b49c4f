using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

public sealed class RaiseTests
{
    [Fact]
    public void A_raised_issue_is_new_open_and_has_no_level()
    {
        var issue = TestIssues.New("AP-2026-00042");

        Assert.Equal(IssueStatus.New, issue.Status);
        Assert.Null(issue.Level);
        Assert.Null(issue.TargetDate);
        Assert.Null(issue.OwnerId);
        Assert.True(issue.IsOpen);
        Assert.Equal("AP-2026-00042", issue.Reference);
        Assert.Equal(TestIssues.AreaId, issue.AreaId);
        Assert.Equal(IssueSource.Councillor, issue.Source);
        Assert.Equal(TestIssues.Raiser, issue.RaisedById);
        Assert.Equal(TestIssues.RaisedAt, issue.RaisedAt);
    }

    [Fact]
    public void Raising_puts_a_raised_entry_on_the_timeline()
    {
        var issue = TestIssues.New();

        var raised = Assert.Single(issue.Events);
        Assert.Equal(IssueEventKind.Raised, raised.Kind);
        Assert.Equal(TestIssues.Raiser, raised.ActorId);
        Assert.Equal(TestIssues.RaisedAt, raised.OccurredAt);
        Assert.Equal(Visibility.Everyone, raised.Visibility);
        Assert.Equal(TestIssues.RaisedAt, issue.LastActivityAt);
    }

    [Fact]
    public void The_title_and_description_are_kept_trimmed()
    {
        var issue = new Issue("AP-2026-00001", "  Broken street light  ", "\tOut for a week \n", TestIssues.Ward(), 5, IssueSource.Resident, TestIssues.Raiser, TestIssues.RaisedAt);

        Assert.Equal("Broken street light", issue.Title);
        Assert.Equal("Out for a week", issue.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_title_is_required(string? title)
    {
        var error = Assert.Throws<DomainException>(() =>
            new Issue("AP-2026-00001", title!, "Description", TestIssues.Ward(), 5, IssueSource.Resident, TestIssues.Raiser, TestIssues.RaisedAt));

        Assert.Equal("Title", error.Field);
        Assert.Equal("Enter a title", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_description_is_required(string? description)
    {
        var error = Assert.Throws<DomainException>(() =>
            new Issue("AP-2026-00001", "Title", description!, TestIssues.Ward(), 5, IssueSource.Resident, TestIssues.Raiser, TestIssues.RaisedAt));

        Assert.Equal("Description", error.Field);
        Assert.Equal("Enter a description", error.Message);
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused_but_the_limit_itself_is_allowed()
    {
        var atLimit = new Issue("AP-2026-00001", new string('t', Issue.TitleMaxLength), "Description", TestIssues.Ward(), 5, IssueSource.Resident, TestIssues.Raiser, TestIssues.RaisedAt);
        var error = Assert.Throws<DomainException>(() =>
            new Issue("AP-2026-00001", new string('t', Issue.TitleMaxLength + 1), "Description", TestIssues.Ward(), 5, IssueSource.Resident, TestIssues.Raiser, TestIssues.RaisedAt));

        Assert.Equal(Issue.TitleMaxLength, atLimit.Title.Length);
        Assert.Equal("Title", error.Field);
        Assert.Equal("Title must be 200 characters or fewer", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_source_that_is_not_on_the_list_is_refused(int source)
    {
        var error = Assert.Throws<DomainException>(() =>
            new Issue("AP-2026-00001", "Title", "Description", TestIssues.Ward(), 5, (IssueSource)source, TestIssues.Raiser, TestIssues.RaisedAt));

        Assert.Equal("Source", error.Field);
        Assert.Equal("Select where the issue came from", error.Message);
    }
}
