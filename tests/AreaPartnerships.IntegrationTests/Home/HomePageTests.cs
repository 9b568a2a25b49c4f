using System.Globalization;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Home;

/// <summary>
/// The home pages are ways in, not dead ends: every count links to the case list filtered to exactly the issues
/// counted (the number on the home page is the number of rows behind the link, for each role), the area
/// manager's home leads with their worklist, the partnership manager's shows borough totals, and the page costs
/// a fixed number of SQL commands however many issues there are.
/// </summary>
public sealed class HomePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Today = UkTime.DateOf(DateTime.UtcNow);

    /// <summary>
    /// A fresh world (areas A and B) with issues in every state the home page counts: awaiting triage (one of
    /// them confidential, one in ward A2), overdue, Level 1 follow-ups due today and past, one not yet due, one
    /// confirmed, one withdrawn, a resolved one, and a police-led one in area B.
    /// </summary>
    private async Task<IssueWorld> WorldAsync()
    {
        var w = await IssueWorld.CreateAsync(app);
        await w.IssueAsync(app);
        await w.IssueAsync(app, confidential: true);
        await w.IssueAsync(app, wardId: w.WardA2);
        var overdue = await w.IssueAsync(app, w.AtLevel2, wardId: w.WardA2);
        await IssueWorld.UpdateIssueAsync(app, overdue.Id, s => s.SetProperty(i => i.TargetDate, Today.AddDays(-1)));
        var dueToday = await w.IssueAsync(app, w.AtLevel1);
        await IssueWorld.UpdateIssueAsync(app, dueToday.Id, s => s.SetProperty(i => i.FollowUpOn, Today));
        var duePast = await w.IssueAsync(app, w.AtLevel1, wardId: w.WardA2);
        await IssueWorld.UpdateIssueAsync(app, duePast.Id, s => s.SetProperty(i => i.FollowUpOn, Today.AddDays(-6)));
        await w.IssueAsync(app, w.AtLevel1);
        var confirmed = await w.IssueAsync(app, issue =>
        {
            w.AtLevel1(issue);
            issue.ConfirmReferralDone("Cleared", w.AreaManagerA.Id, DateTime.UtcNow.AddDays(-1));
        });
        await IssueWorld.UpdateIssueAsync(app, confirmed.Id, s => s.SetProperty(i => i.FollowUpOn, Today.AddDays(-6)));
        await w.IssueAsync(app, w.Resolved);
        await w.IssueAsync(app, w.AtLevel3, wardId: w.WardB1);
        return w;
    }

    /// <summary>Every count on the page that is a link to the case list: its number, and its address.</summary>
    private static IReadOnlyList<(int Count, string Href)> IssueCountLinks(IHtmlDocument home) =>
        [.. home.QuerySelectorAll("[data-testid=home-scope] td a, [data-testid=worklist] a[data-testid=count]")
            .Select(a => (Number(a.TextContent), a.GetAttribute("href")!))
            .Where(link => link.Item2.StartsWith("/issues?", StringComparison.Ordinal))];

    private static int Number(string text) =>
        int.Parse(new string([.. text.Trim().TakeWhile(char.IsDigit)]), CultureInfo.InvariantCulture);

    /// <summary>The rows behind a link to the case list: every row of the filtered set (all pages, as the export has them).</summary>
    private static async Task<int> RowsBehindAsync(HttpClient client, string href)
    {
        var page = await client.GetDocumentAsync(href);
        var listed = IssuePages.References(page);
        var all = await IssuePages.ExportedAsync(client, href["/issues".Length..]);
        if (all.Count <= 25)
        {
            Assert.Equal(all.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        }

        return all.Count;
    }

    private async Task AssertEveryCountMatchesItsListAsync(HttpClient client, int expectedLinks)
    {
        var home = await client.GetDocumentAsync("/");
        var links = IssueCountLinks(home);

        Assert.Equal(expectedLinks, links.Count);
        foreach (var (count, href) in links)
        {
            Assert.True(count == await RowsBehindAsync(client, href), $"{href}: home says {count}");
        }
    }

    [Fact]
    public async Task Area_managers_counts_each_link_to_exactly_the_issues_counted()
    {
        var w = await WorldAsync();
        // One area row × four columns, and the three issue counts of the worklist.
        await AssertEveryCountMatchesItsListAsync(app.ClientFor(w.AreaManagerA.Id), expectedLinks: 4 + 3);
    }

    [Fact]
    public async Task Support_officers_counts_each_link_to_exactly_the_issues_counted()
    {
        var w = await WorldAsync();
        await AssertEveryCountMatchesItsListAsync(app.ClientFor(w.SupportOfficerA.Id), expectedLinks: 4);
    }

    [Fact]
    public async Task Councillors_counts_each_link_to_exactly_the_issues_counted_never_confidential_ones()
    {
        var w = await WorldAsync();
        var client = app.ClientFor(w.CouncillorA1.Id);

        await AssertEveryCountMatchesItsListAsync(client, expectedLinks: 2);
        var home = await client.GetDocumentAsync("/");
        // Ward A1: the open New issue (not the confidential one), two Level 1 referrals due or not, one due today.
        Assert.Equal(1, Number(home.QuerySelector("[data-testid=home-scope] td[data-column=AwaitingTriage] a")!.TextContent));
    }

    [Fact]
    public async Task Partners_counts_each_link_to_exactly_the_issues_counted()
    {
        var w = await WorldAsync();
        var client = app.ClientFor(w.PoliceUser.Id);

        await AssertEveryCountMatchesItsListAsync(client, expectedLinks: 2);
        var home = await client.GetDocumentAsync("/");
        Assert.Equal(1, Number(home.QuerySelector("[data-testid=home-scope] td[data-column=Open] a")!.TextContent));
    }

    [Fact]
    public async Task Partnership_managers_home_shows_borough_totals_and_each_area_links_through()
    {
        var w = await WorldAsync();
        var client = app.ClientFor(w.PartnershipManager.Id);

        var home = await client.GetDocumentAsync("/");
        var total = home.QuerySelector("[data-testid=home-total]")!;
        var areaRows = home.QuerySelectorAll("[data-testid=home-scope] tbody tr");

        Assert.Contains("Whole borough", total.TextContent, StringComparison.Ordinal);
        foreach (var column in new[] { "Open", "AwaitingTriage", "Overdue", "FollowUpDue" })
        {
            var sum = areaRows.Sum(row => Number(row.QuerySelector($"td[data-column={column}] a")!.TextContent));
            Assert.Equal(sum, Number(total.QuerySelector($"td[data-column={column}] a")!.TextContent));
        }

        // Every area row and the totals: four counts each, each the number of rows behind its link.
        await AssertEveryCountMatchesItsListAsync(client, expectedLinks: (areaRows.Length + 1) * 4);
    }

    [Fact]
    public async Task Area_managers_home_leads_with_their_worklist()
    {
        var w = await WorldAsync();
        var home = await app.ClientFor(w.AreaManagerA.Id).GetDocumentAsync("/");

        var worklist = home.QuerySelector("[data-testid=worklist]")!;
        Assert.True(home.QuerySelector("main h2")!.TextContent.Contains("worklist", StringComparison.Ordinal), "The worklist is the first section");
        // Awaiting triage: three (the confidential one included: an area manager sees it); overdue: one; follow-ups due: today's and the past one.
        Assert.Equal(3, Number(worklist.QuerySelector("[data-testid=worklist-AwaitingTriage] [data-testid=count]")!.TextContent));
        Assert.Equal(1, Number(worklist.QuerySelector("[data-testid=worklist-Overdue] [data-testid=count]")!.TextContent));
        Assert.Equal(2, Number(worklist.QuerySelector("[data-testid=worklist-FollowUpDue] [data-testid=count]")!.TextContent));
        Assert.Equal(2, worklist.QuerySelectorAll("[data-testid=worklist-FollowUpDue] li").Length);
        Assert.Equal(3, worklist.QuerySelectorAll("[data-testid=worklist-AwaitingTriage] li").Length);
        Assert.All(worklist.QuerySelectorAll("[data-testid=worklist-Overdue] li a"), a => Assert.StartsWith("/issues/AP-", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Area_managers_worklist_counts_task_groups_with_overdue_actions_and_links_to_them()
    {
        var w = await WorldAsync();
        var group = await IssueWorld.CreateTaskGroupAsync(app, w.AreaA, w.PoliceUser);
        await app.WithDbAsync(async db =>
        {
            db.PlanActions.Add(new Domain.TaskGroups.PlanAction("Visit the flats", w.PoliceUser.Id, Today.AddDays(-2), group.Id, meetingId: null));
            db.PlanActions.Add(new Domain.TaskGroups.PlanAction("Leaflet the street", w.PoliceUser.Id, Today.AddDays(5), group.Id, meetingId: null));
            await db.SaveChangesAsync();
        });
        var client = app.ClientFor(w.AreaManagerA.Id);

        var actions = (await client.GetDocumentAsync("/")).QuerySelector("[data-testid=worklist-actions]")!;
        var link = actions.QuerySelector("a[data-testid=count]")!;

        Assert.Equal(1, Number(link.TextContent));
        Assert.Contains("1 overdue action", actions.QuerySelector("[data-testid=overdue-actions]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Visit the flats", actions.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Leaflet the street", actions.TextContent, StringComparison.Ordinal);
        var groups = await client.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Equal(1, groups.QuerySelectorAll("[data-testid=task-groups] tbody tr").Length);
    }

    [Fact]
    public async Task The_area_managers_home_costs_the_same_number_of_SQL_commands_whatever_the_number_of_issues()
    {
        var w = await WorldAsync();
        var client = app.ClientFor(w.AreaManagerA.Id);
        await client.GetDocumentAsync("/");

        // Worked out again each time (a kept home reads the data version only): a change moves the version.
        await app.WithDbAsync(db => DataVersion.MoveOnAsync(db, CancellationToken.None));
        app.Commands.Reset();
        await client.GetDocumentAsync("/");
        var before = app.Commands.Count;

        for (var n = 0; n < 10; n++)
        {
            await w.IssueAsync(app);
            var late = await w.IssueAsync(app, w.AtLevel1);
            await IssueWorld.UpdateIssueAsync(app, late.Id, s => s.SetProperty(i => i.FollowUpOn, Today.AddDays(-1)).SetProperty(i => i.TargetDate, Today.AddDays(-1)));
        }

        app.Commands.Reset();
        await client.GetDocumentAsync("/");

        Assert.Equal(before, app.Commands.Count);
    }

    [Fact]
    public async Task Administrators_home_links_to_the_reference_data_by_route()
    {
        var admin = await app.Data.CreateUserAsync(Roles.Administrator);
        var home = await app.ClientFor(admin.Id).GetDocumentAsync("/");

        var hrefs = home.QuerySelectorAll("main ul.govuk-list a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/admin/areas", "/admin/wards", "/admin/organisations", "/admin/unit-costs", "/admin/categories", "/admin/users", "/admin/level-targets", "/admin/ward-figures"], hrefs);
    }
}
