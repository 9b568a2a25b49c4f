using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// Level 1 follow-ups are followed up: a referral whose follow-up date is today (the UK day) or past, with no
/// confirmation recorded and the issue still open, is flagged on the issue page and found by the case list's
/// "Follow-up due" filter (the area manager's worklist is in <c>HomePageTests</c>).
/// </summary>
public sealed class FollowUpDueTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Today = UkTime.DateOf(DateTime.UtcNow);

    private sealed record Cases(IssueWorld World, Issue DueToday, Issue Past, Issue NotYet, Issue ConfirmedButOpen, Issue Resolved, Issue Withdrawn, Issue Level2);

    private async Task<Cases> CasesAsync()
    {
        var w = await IssueWorld.CreateAsync(app);

        async Task<Issue> Level1(DateOnly followUp, Action<Issue>? then = null)
        {
            var issue = await w.IssueAsync(app, i =>
            {
                w.AtLevel1(i);
                then?.Invoke(i);
            });
            await IssueWorld.UpdateIssueAsync(app, issue.Id, s => s.SetProperty(i => i.FollowUpOn, followUp));
            return issue;
        }

        var confirmedButOpen = await Level1(Today.AddDays(-3));
        await IssueWorld.UpdateIssueAsync(app, confirmedButOpen.Id, s => s.SetProperty(i => i.ReferralConfirmedAt, DateTime.UtcNow));
        return new Cases(
            w,
            await Level1(Today),
            await Level1(Today.AddDays(-23)),
            await Level1(Today.AddDays(1)),
            confirmedButOpen,
            await Level1(Today.AddDays(-3), i => i.ConfirmReferralDone("Cleared", w.AreaManagerA.Id, DateTime.UtcNow)),
            await Level1(Today.AddDays(-3), i => i.Withdraw("Not for the partnership", null, w.AreaManagerA.Id, DateTime.UtcNow)),
            await w.IssueAsync(app, w.AtLevel2));
    }

    [Fact]
    public async Task The_issue_page_flags_a_follow_up_due_today_or_past_near_the_referral()
    {
        var c = await CasesAsync();
        var client = app.ClientFor(c.World.AreaManagerA.Id);

        foreach (var due in new[] { c.DueToday, c.Past })
        {
            var page = await client.GetDocumentAsync($"/issues/{due.Reference}");
            var tag = page.QuerySelector("[data-testid=issue-summary] [data-testid=follow-up-due]");
            Assert.NotNull(tag);
            Assert.Equal("Follow-up due", tag.TextContent.Trim());
            Assert.Contains("govuk-tag--orange", tag.ClassName, StringComparison.Ordinal);
        }

        foreach (var notDue in new[] { c.NotYet, c.ConfirmedButOpen, c.Resolved, c.Withdrawn, c.Level2 })
        {
            var page = await client.GetDocumentAsync($"/issues/{notDue.Reference}");
            Assert.Null(page.QuerySelector("[data-testid=follow-up-due]"));
        }
    }

    [Fact]
    public async Task The_case_list_filter_lists_only_follow_ups_due_and_the_export_agrees()
    {
        var c = await CasesAsync();
        var client = app.ClientFor(c.World.AreaManagerA.Id);
        var query = $"?AreaId={c.World.AreaA}&FollowUpDue=true";

        var listed = await IssuePages.ListedAsync(client, query);
        var exported = await IssuePages.ExportedAsync(client, query);
        var page = await client.GetDocumentAsync("/issues" + query);

        Assert.Equal([c.DueToday.Reference, c.Past.Reference], listed.Order(StringComparer.Ordinal));
        Assert.Equal([c.DueToday.Reference, c.Past.Reference], exported.Order(StringComparer.Ordinal));
        Assert.NotNull(page.QuerySelector("input[name=FollowUpDue][checked]"));
    }

    [Fact]
    public async Task The_filter_keeps_to_what_the_person_may_see()
    {
        var c = await CasesAsync();

        var otherManager = await IssuePages.ListedAsync(app.ClientFor(c.World.AreaManagerB.Id), $"?AreaId={c.World.AreaA}&FollowUpDue=true");

        Assert.Empty(otherManager);
    }
}
