using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>Linking two related issues: one link per pair, an entry on both timelines naming the other issue.</summary>
public sealed class IssueLinkTests
{
    private static readonly LinkEnd Seven = new(7, "AP-2026-00007");
    private static readonly LinkEnd Three = new(3, "AP-2026-00003");
    private static readonly DateTime At = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_link_is_stored_lower_id_first_whichever_side_it_was_made_from()
    {
        var (fromSeven, _) = IssueLink.Create(Seven, Three, "Same landlord", 42, At);
        var (fromThree, _) = IssueLink.Create(Three, Seven, "Same landlord", 42, At);

        Assert.Equal((3, 7), (fromSeven.IssueId, fromSeven.OtherIssueId));
        Assert.Equal((3, 7), (fromThree.IssueId, fromThree.OtherIssueId));
        Assert.Equal((7, 3), (fromSeven.OtherThan(3), fromSeven.OtherThan(7)));
        Assert.Equal(("Same landlord", 42, At), (fromSeven.Reason, fromSeven.LinkedById, fromSeven.LinkedAt));
    }

    [Fact]
    public void Linking_writes_on_both_timelines_each_entry_naming_the_other_issue_with_the_reason()
    {
        var (_, timeline) = IssueLink.Create(Seven, Three, "  Same landlord  ", 42, At);

        Assert.Equal(
            [(7, "Linked to related issue AP-2026-00003", (int?)3), (3, "Linked to related issue AP-2026-00007", (int?)7)],
            timeline.Select(e => (e.IssueId, e.Summary, e.RelatedIssueId)));
        Assert.All(timeline, e => Assert.Equal((IssueEventKind.LinkedToIssue, "Same landlord", (int?)42, At, Visibility.Everyone), (e.Kind, e.Body, e.ActorId, e.OccurredAt, e.Visibility)));
    }

    [Fact]
    public void Unlinking_writes_on_both_timelines_each_entry_naming_the_other_issue()
    {
        var (link, _) = IssueLink.Create(Seven, Three, "Same landlord", 42, At);

        var timeline = link.Unlink(Three, Seven, 43, At.AddDays(1));

        Assert.Equal(
            [(3, "No longer linked to AP-2026-00007", (int?)7), (7, "No longer linked to AP-2026-00003", (int?)3)],
            timeline.Select(e => (e.IssueId, e.Summary, e.RelatedIssueId)));
        Assert.All(timeline, e => Assert.Equal((IssueEventKind.UnlinkedFromIssue, (int?)43), (e.Kind, e.ActorId)));
    }

    [Fact]
    public void An_issue_is_not_linked_to_itself()
    {
        var error = Assert.Throws<DomainException>(() => IssueLink.Create(Seven, Seven, "Same", 42, At));

        Assert.Equal(("An issue cannot be linked to itself", "RelatedReference"), (error.Message, error.Field));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_link_needs_a_reason(string? reason)
    {
        var error = Assert.Throws<DomainException>(() => IssueLink.Create(Seven, Three, reason, 42, At));

        Assert.Equal(("Enter why the issues are related", "LinkReason"), (error.Message, error.Field));
    }

    [Fact]
    public void Unlinking_issues_the_link_does_not_join_is_refused()
    {
        var (link, _) = IssueLink.Create(Seven, Three, "Same landlord", 42, At);

        Assert.Throws<DomainException>(() => link.Unlink(Seven, new LinkEnd(9, "AP-2026-00009"), 43, At));
    }
}
