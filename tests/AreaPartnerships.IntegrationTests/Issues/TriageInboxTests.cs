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

    /// <summary>Issue 9, finding 13: the inbox shows what an area manager decides by, not four columns that never change there.</summary>
    [Fact]
    public async Task Inbox_columns_are_the_issue_its_category_source_ward_and_how_long_it_has_waited()
    {
        var inbox = await InboxAsync();

        var page = await app.ClientFor(inbox.World.AreaManagerA.Id).GetDocumentAsync("/issues/triage");

        Assert.Equal(["Issue", "Category", "Source", "Ward", "Waiting"],
            page.QuerySelectorAll("[data-testid=issues] thead th").Select(th => th.TextContent.Trim()));
        var oldest = page.QuerySelector("[data-testid=issues] tbody tr")!;
        Assert.Equal(["Fly-tipping", "Councillor"], oldest.QuerySelectorAll("td").Skip(1).Take(2).Select(td => td.TextContent.Trim()));
        Assert.StartsWith(await WardNameAsync(inbox.World.WardA2), oldest.QuerySelectorAll("td")[3].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["10 days", "5 days", "2 days"], page.QuerySelectorAll("[data-testid=age]").Select(td => td.TextContent.Trim()));
        Assert.All(page.QuerySelectorAll("[data-testid=title]"), t => Assert.False(string.IsNullOrWhiteSpace(t.TextContent)));
        foreach (var never in new[] { "Not triaged", "Not set", "Not assigned" })
        {
            Assert.DoesNotContain(never, page.QuerySelector("[data-testid=issues]")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_issue_opened_from_the_inbox_and_its_triage_form_lead_back_to_the_inbox()
    {
        var inbox = await InboxAsync();
        var client = app.ClientFor(inbox.World.AreaManagerA.Id);
        var oldest = inbox.NewInAreaAOldestFirst[0];

        var list = await client.GetDocumentAsync("/issues/triage");
        var link = list.QuerySelector("[data-testid=issues] tbody tr td a")!.GetAttribute("href")!;
        var issuePage = await client.GetDocumentAsync(link);
        var triageLink = issuePage.QuerySelectorAll("a.govuk-button").Single(a => a.TextContent.Trim() == "Triage").GetAttribute("href")!;
        var form = await client.GetDocumentAsync(triageLink);

        Assert.Equal($"/issues/{oldest}?from=triage", link);
        Assert.Equal(("/issues/triage", "Back to issues waiting for triage"), BackLink(issuePage));
        Assert.Equal($"/issues/{oldest}/triage?from=triage", triageLink);
        Assert.Equal(("/issues/triage", "Back to issues waiting for triage"), BackLink(form));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=list")]
    [InlineData("?from=TRIAGE")]
    [InlineData("?from=https://evil.example/")]
    [InlineData("?from=//evil.example")]
    [InlineData("?from=/issues/triage")]
    public async Task Any_other_from_value_leads_back_to_the_case_list_never_elsewhere(string from)
    {
        var inbox = await InboxAsync();
        var client = app.ClientFor(inbox.World.AreaManagerA.Id);
        var oldest = inbox.NewInAreaAOldestFirst[0];

        var issuePage = await client.GetDocumentAsync($"/issues/{oldest}{from}");
        var form = await client.GetDocumentAsync($"/issues/{oldest}/triage{from}");

        Assert.Equal(("/issues", "Back to issues"), BackLink(issuePage));
        Assert.Equal($"/issues/{oldest}", BackLink(form).Href);
        Assert.DoesNotContain("evil.example", issuePage.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", form.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_triage_goes_to_the_next_issue_waiting_in_the_persons_areas_oldest_first_then_to_the_empty_inbox()
    {
        var inbox = await InboxAsync();
        var manager = inbox.World.AreaManagerA;
        var client = app.ClientFor(manager.Id);
        string[] queue = [.. inbox.NewInAreaAOldestFirst];

        for (var n = 0; n < queue.Length; n++)
        {
            var response = await IssueWorld.PostWithVersionAsync(client, $"/issues/{queue[n]}/triage?from=triage",
                [new("Level", "Partnership"), new("Reason", "Ours to work"), new("OwnerId", IssueWorld.Id(manager.Id))]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var next = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
            var banner = IssueWorld.Text(next.QuerySelector(".govuk-notification-banner--success")!.TextContent);
            Assert.Contains($"{queue[n]} triaged at Level 2", banner, StringComparison.Ordinal);
            if (n + 1 < queue.Length)
            {
                // The next oldest in area A — never area B's older issue, which is not this manager's to triage.
                Assert.Equal($"/issues/{queue[n + 1]}/triage?from=triage", response.Headers.Location!.OriginalString);
                Assert.Contains($"The next issue waiting is {queue[n + 1]}", banner, StringComparison.Ordinal);
                Assert.Equal(("/issues/triage", "Back to issues waiting for triage"), BackLink(next));
            }
            else
            {
                Assert.Equal("/issues/triage", response.Headers.Location!.OriginalString);
                Assert.Contains("Nothing else is waiting for triage", banner, StringComparison.Ordinal);
                Assert.Equal("Nothing is waiting for triage.", next.QuerySelector("[data-testid=no-issues]")!.TextContent.Trim());
            }
        }

        Assert.All(await app.WithDbAsync(db => db.Issues.Where(i => queue.Contains(i.Reference)).Select(i => i.Status).ToListAsync()),
            status => Assert.Equal(IssueStatus.Triaged, status));
    }

    [Fact]
    public async Task The_partnership_manager_is_taken_to_the_oldest_waiting_issue_in_any_area()
    {
        var inbox = await InboxAsync();
        var pm = inbox.World.PartnershipManager;
        var client = app.ClientFor(pm.Id);

        // Area B's issue (20 days) is older than any in area A; other tests' issues may be older still, so ask the inbox.
        var first = IssuePages.References(await client.GetDocumentAsync("/issues/triage"))[0];
        var second = IssuePages.References(await client.GetDocumentAsync("/issues/triage"))[1];
        var response = await IssueWorld.PostWithVersionAsync(client, $"/issues/{first}/triage",
            [new("Level", "Borough"), new("Reason", "Borough-wide"), new("BoroughOwnerId", IssueWorld.Id(pm.Id))]);

        Assert.Equal($"/issues/{second}/triage?from=triage", response.Headers.Location!.OriginalString);
    }

    private static (string? Href, string Text) BackLink(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var link = page.QuerySelector("a.govuk-back-link")!;
        return (link.GetAttribute("href"), link.TextContent.Trim());
    }

    private Task<string> WardNameAsync(int wardId) => app.WithDbAsync(db => db.Wards.Where(w => w.Id == wardId).Select(w => w.Name).SingleAsync());

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
