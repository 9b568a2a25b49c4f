using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

public sealed class NoteTests
{
    private const int Author = TestIssues.Owner;
    private static readonly DateTime At = TestIssues.Later;

    [Fact]
    public void A_note_for_everyone_goes_on_the_timeline_with_its_author()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        issue.AddNote("  Spoke to the landlord  ", Visibility.Everyone, Author, At);

        var note = issue.Events.Last();
        Assert.Equal(IssueEventKind.NoteAdded, note.Kind);
        Assert.Equal(Visibility.Everyone, note.Visibility);
        Assert.Equal("Note added", note.Summary);
        Assert.Equal("Spoke to the landlord", note.Body);
        Assert.Equal(Author, note.ActorId);
        Assert.Equal(At, note.OccurredAt);
        Assert.Equal(At, issue.LastActivityAt);
    }

    [Fact]
    public void A_confidential_note_is_recorded_as_confidential()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        issue.AddNote("Tenant has a support worker", Visibility.Confidential, Author, At);

        var note = issue.Events.Last();
        Assert.Equal(Visibility.Confidential, note.Visibility);
        Assert.Equal("Confidential note added", note.Summary);
        Assert.Equal("Tenant has a support worker", note.Body);
    }

    [Fact]
    public void A_note_changes_neither_the_status_nor_the_level()
    {
        var issue = TestIssues.InProgress(IssueLevel.MultiAgency);

        issue.AddNote("Update", Visibility.Everyone, Author, At);

        Assert.Equal(IssueStatus.InProgress, issue.Status);
        Assert.Equal(IssueLevel.MultiAgency, issue.Level);
    }

    [Theory]
    [InlineData(IssueStatus.New)]
    [InlineData(IssueStatus.Closed)]
    [InlineData(IssueStatus.Withdrawn)]
    public void A_note_can_be_added_whatever_the_status(IssueStatus status)
    {
        var issue = TestIssues.InStatus(status);
        var before = issue.Events.Count;

        issue.AddNote("For the record", Visibility.Everyone, Author, At.AddDays(10));

        Assert.Equal(before + 1, issue.Events.Count);
        Assert.Equal(status, issue.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_note_needs_text(string? text)
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() => issue.AddNote(text, Visibility.Everyone, Author, At));

        Assert.Equal("Text", error.Field);
        Assert.Equal("Enter the note", error.Message);
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() => issue.AddNote(new string('n', Issue.DescriptionMaxLength + 1), Visibility.Everyone, Author, At));

        Assert.Equal("Text", error.Field);
        Assert.Equal("Text must be 4000 characters or fewer", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_visibility_off_the_list_is_refused(int visibility)
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() => issue.AddNote("Note", (Visibility)visibility, Author, At));

        Assert.Equal("Visibility", error.Field);
        Assert.Equal("Select who can see the note", error.Message);
    }
}
