using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>GET /issues/triage: New issues in the person's areas, oldest first, for area managers and the partnership manager only.</summary>
public sealed class TriageInboxTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Area_manager_sees_new_issues_in_their_areas_only_oldest_first()
    {
        var inbox = await InboxAsync();

        var page = await app.ClientFor(inbox.World.AreaManagerA.Id).GetDocumentAsync("/issues/triage");

        Assert.Equal(inbox.NewInAreaAOldestFirst, IssuePages.References(page));
        Assert.DoesNotContain(inbox.NewInAreaB, IssuePages.References(page));
        Assert.Contains("3 issues", page.QuerySelector("[data-testid=issues] caption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triaged_and_withdrawn_issues_are_not_waiting_for_triage()
    {
        var inbox = await InboxAsync();

        var references = IssuePages.References(await app.ClientFor(inbox.World.AreaManagerA.Id).GetDocumentAsync("/issues/triage"));

        Assert.DoesNotContain(inbox.Triaged, references);
        Assert.DoesNotContain(inbox.Withdrawn, references);
    }

    [Fact]
    public async Task An_issue_leaves_the_inbox_once_it_is_triaged()
    {
        var inbox = await InboxAsync();
        var oldest = inbox.NewInAreaAOldestFirst[0];
        var manager = inbox.World.AreaManagerA;
        await app.WithDbAsync(async db =>
        {
            var issue = await db.Issues.SingleAsync(i => i.Reference == oldest);
            issue.Triage(IssueLevel.Partnership, "Ours", new Assignment(manager.Id, manager.DisplayName), manager.Id, DateTime.UtcNow, 30);
            await db.SaveChangesAsync();
        });

        var references = IssuePages.References(await app.ClientFor(manager.Id).GetDocumentAsync("/issues/triage"));

        Assert.Equal(inbox.NewInAreaAOldestFirst.Skip(1), references);
    }

    [Fact]
    public async Task Partnership_manager_sees_new_issues_in_every_area()
    {
        var inbox = await InboxAsync();
        var client = app.ClientFor(inbox.World.PartnershipManager.Id);

        var areaA = await client.GetDocumentAsync($"/issues/triage?areaId={inbox.World.AreaA}");
        var areaB = await client.GetDocumentAsync($"/issues/triage?areaId={inbox.World.AreaB}");

        Assert.Equal(inbox.NewInAreaAOldestFirst, IssuePages.References(areaA));
        Assert.Equal([inbox.NewInAreaB], IssuePages.References(areaB));
    }

    [Fact]
    public async Task Area_manager_cannot_reach_another_areas_new_issues_through_the_area_filter()
    {
        var inbox = await InboxAsync();

        var page = await app.ClientFor(inbox.World.AreaManagerA.Id).GetDocumentAsync($"/issues/triage?areaId={inbox.World.AreaB}");

        Assert.Empty(IssuePages.References(page));
        Assert.Equal("Nothing is waiting for triage.", page.QuerySelector("[data-testid=no-issues]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Empty_inbox_says_nothing_is_waiting()
    {
        var area = await app.Data.CreateAreaAsync();
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id]);

        var page = await app.ClientFor(manager.Id).GetDocumentAsync("/issues/triage");

        Assert.Equal("Nothing is waiting for triage.", page.QuerySelector("[data-testid=no-issues]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=issues]"));
    }

    [Theory]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    [InlineData(Roles.Administrator)]
    public async Task Only_area_managers_and_the_partnership_manager_may_open_the_inbox(string role)
    {
        var inbox = await InboxAsync();
        var w = inbox.World;
        var person = role switch
        {
            Roles.SupportOfficer => w.SupportOfficerA,
            Roles.Councillor => w.CouncillorA1,
            Roles.PartnerUser => w.PoliceUser,
            _ => await app.Data.CreateUserAsync(Roles.Administrator),
        };

        var response = await app.ClientFor(person.Id).GetAsync(new Uri("/issues/triage", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(inbox.NewInAreaAOldestFirst[0], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A fresh world with three New issues in area A (created newest first, so the oldest-first order is not the
    /// creation order), one New issue in area B, and a triaged and a withdrawn issue in area A.
    /// </summary>
    private async Task<Inbox> InboxAsync()
    {
        var world = await IssueWorld.CreateAsync(app);
        var manager = world.AreaManagerA;
        var now = DateTime.UtcNow;

        async Task<string> NewAsync(int wardId, int daysAgo)
        {
            var issue = await app.Data.CreateIssueAsync(wardId, manager.Id);
            await IssueWorld.UpdateIssueAsync(app, issue.Id, s => s.SetProperty(i => i.RaisedAt, now.AddDays(-daysAgo)));
            return issue.Reference;
        }

        var twoDays = await NewAsync(world.WardA1, 2);
        var tenDays = await NewAsync(world.WardA2, 10);
        var fiveDays = await NewAsync(world.WardA1, 5);
        var inB = await NewAsync(world.WardB1, 20);
        var triaged = await app.Data.CreateIssueAsync(world.WardA1, manager.Id, then: i =>
            i.Triage(IssueLevel.Partnership, "Ours", new Assignment(manager.Id, manager.DisplayName), manager.Id, now, 30));
        var withdrawn = await app.Data.CreateIssueAsync(world.WardA2, manager.Id, then: i => i.Withdraw("Duplicate", null, manager.Id, now));
        return new Inbox(world, [tenDays, fiveDays, twoDays], inB, triaged.Reference, withdrawn.Reference);
    }

    private sealed record Inbox(IssueWorld World, IReadOnlyList<string> NewInAreaAOldestFirst, string NewInAreaB, string Triaged, string Withdrawn);
}
