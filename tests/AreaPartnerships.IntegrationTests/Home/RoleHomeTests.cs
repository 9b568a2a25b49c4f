using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Home;

/// <summary>
/// What each role's home adds to its open-issue counts, each figure hand-computed on seeded data that includes what
/// would change it if a rule leaked (another area's or owner's issue, a confidential issue for a councillor, another
/// organisation's issue or a confidential one for a partner without an agreement), each count a link to exactly the
/// rows it counts where the list has that filter, and each section's empty state.
/// </summary>
public sealed class RoleHomeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateTime Now => DateTime.UtcNow;

    private static int Number(string text) =>
        int.Parse(new string([.. text.Trim().TakeWhile(char.IsDigit)]), CultureInfo.InvariantCulture);

    private static IElement Section(IHtmlDocument home, string testId) =>
        home.QuerySelector($"[data-testid={testId}]") ?? throw new InvalidOperationException($"No {testId} section on the home page");

    private static string Text(IElement element) => IssueWorld.Text(element.TextContent);

    private static async Task<int> RowsBehindAsync(HttpClient client, string href) =>
        (await IssuePages.ExportedAsync(client, href["/issues".Length..])).Count;

    [Fact]
    public async Task Area_managers_own_open_issues_are_counted_by_level_in_their_areas_each_linking_to_exactly_those_issues()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        // Counted: two Level 2 (one confidential: an area manager sees it) and one Level 3, owned by area A's manager in area A.
        await w.TriagedAsync(app, IssueLevel.Partnership, w.OwnedBy(p.AreaManagerA));
        await w.TriagedAsync(app, IssueLevel.Partnership, w.OwnedBy(p.AreaManagerA), p.WardA2, confidential: true);
        await w.TriagedAsync(app, IssueLevel.MultiAgency, w.LedByPolice(p.AreaManagerA));
        // Not counted: resolved; owned by someone else; awaiting triage (no owner); and one owned by them in area B, outside their areas.
        await w.TriagedAsync(app, IssueLevel.Partnership, w.OwnedBy(p.AreaManagerA), then: w.Resolve);
        await w.TriagedAsync(app, IssueLevel.Partnership, w.OwnedBy(p.PartnershipManager));
        await p.IssueAsync(app);
        await w.TriagedAsync(app, IssueLevel.Partnership, w.OwnedBy(p.AreaManagerA), p.WardB1);
        var client = app.ClientFor(p.AreaManagerA.Id);

        var mine = Section(await client.GetDocumentAsync("/"), "my-open");
        var rows = mine.QuerySelectorAll(".govuk-summary-list__row");

        Assert.Equal(["2", "3"], rows.Select(r => r.GetAttribute("data-level")));
        Assert.Equal(["Level 2", "Level 3"], rows.Select(r => Text(r.QuerySelector("dt")!)));
        var links = rows.Select(r => r.QuerySelector("a[data-testid=count]")!).ToList();
        Assert.Equal([2, 1], links.Select(a => Number(a.TextContent)));
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            Assert.Contains($"OwnerId={p.AreaManagerA.Id}", href, StringComparison.Ordinal);
            Assert.Contains("OpenOnly=true", href, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(Number(link.TextContent), await RowsBehindAsync(client, href));
        }
    }

    [Fact]
    public async Task Area_managers_next_meetings_are_their_areas_and_invitations_in_the_next_two_weeks_soonest_first()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        var tomorrow = Now.Date.AddDays(1).AddHours(10);
        await w.MeetingAsync(app, p.AreaA, tomorrow.AddDays(2), "Area A partnership");
        await w.MeetingAsync(app, p.AreaB, tomorrow, "Area B, A's manager invited", [p.AreaManagerA]);
        // Not shown: later than two weeks, cancelled, already over, another area's without an invitation, a borough meeting without one.
        await w.MeetingAsync(app, p.AreaA, tomorrow.AddDays(20), "Area A in three weeks");
        await w.MeetingAsync(app, p.AreaA, tomorrow, "Area A cancelled", then: m => m.Cancel("Room flooded", p.AreaManagerA.Id, Now));
        await w.MeetingAsync(app, p.AreaA, Now.AddDays(-2), "Area A last time");
        await w.MeetingAsync(app, p.AreaB, tomorrow, "Area B only");
        await w.MeetingAsync(app, null, tomorrow, "Borough uninvited");

        var meetings = Section(await app.ClientFor(p.AreaManagerA.Id).GetDocumentAsync("/"), "next-meetings");

        Assert.Equal(["Area B, A's manager invited", "Area A partnership"], meetings.QuerySelectorAll("li a").Select(Text));
        Assert.All(meetings.QuerySelectorAll("li a"), a => Assert.StartsWith("/meetings/", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Area_managers_budget_shows_this_years_allocation_spent_and_remaining_for_their_areas_only()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        var year = FinancialYear.Containing(HomeWorld.Today);
        var budget = await w.BudgetAsync(app, p.AreaA, year, 10_000m, 1_000m, 250.50m);
        // Not shown: last year's budget in area A, and area B's budget this year.
        await w.BudgetAsync(app, p.AreaA, new FinancialYear(year.StartYear - 1), 7_000m, 6_000m);
        await w.BudgetAsync(app, p.AreaB, year, 3_000m, 100m);

        var budgets = Section(await app.ClientFor(p.AreaManagerA.Id).GetDocumentAsync("/"), "budgets");
        var row = Assert.Single(budgets.QuerySelectorAll("tbody tr"));

        Assert.Equal("£10,000.00", Text(row.QuerySelector("[data-column=Allocation]")!));
        Assert.Equal("£1,250.50", Text(row.QuerySelector("[data-column=Spent]")!));
        Assert.Equal("£8,749.50", Text(row.QuerySelector("[data-column=Remaining]")!));
        Assert.Equal($"/budgets/{budget.Id}", row.QuerySelector("th a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Area_manager_with_nothing_yet_sees_each_sections_empty_state()
    {
        var manager = await HomeWorld.LonelyAsync(app, Roles.AreaManager, areaId: (await app.Data.CreateAreaAsync()).Id);

        var home = await app.ClientFor(manager.Id).GetDocumentAsync("/");

        Assert.Contains("You own no open issues.", Text(Section(home, "my-open")), StringComparison.Ordinal);
        Assert.Contains("No meetings in the next two weeks.", Text(Section(home, "next-meetings")), StringComparison.Ordinal);
        Assert.Contains("No allocation for", Text(Section(home, "budgets")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_officers_stale_issues_are_their_areas_open_issues_with_no_update_in_14_days_oldest_first()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        var oldest = await p.IssueAsync(app, p.AtLevel2);
        await HomeWorld.LastUpdatedAsync(app, oldest, Now.AddDays(-30));
        var stale = await p.IssueAsync(app, wardId: p.WardA2, confidential: true);
        await HomeWorld.LastUpdatedAsync(app, stale, Now.AddDays(-15));
        // Not counted: updated 10 days ago; resolved long ago; stale but in area B.
        var recent = await p.IssueAsync(app, p.AtLevel2);
        await HomeWorld.LastUpdatedAsync(app, recent, Now.AddDays(-10));
        var resolved = await p.IssueAsync(app, p.Resolved);
        await HomeWorld.LastUpdatedAsync(app, resolved, Now.AddDays(-40));
        var elsewhere = await p.IssueAsync(app, wardId: p.WardB1);
        await HomeWorld.LastUpdatedAsync(app, elsewhere, Now.AddDays(-40));
        var client = app.ClientFor(p.SupportOfficerA.Id);

        var section = Section(await client.GetDocumentAsync("/"), "stale");
        var count = section.QuerySelector("a[data-testid=count]")!;

        Assert.Equal(2, Number(count.TextContent));
        Assert.Equal([oldest.Reference, stale.Reference], section.QuerySelectorAll("[data-testid=stale-issues] li > a").Select(a => a.TextContent.Split(':')[0]));
        // The list behind it: the area's open issues, least recently updated first, so the stale ones head it.
        var list = await client.GetDocumentAsync(count.GetAttribute("href")!);
        Assert.Equal([oldest.Reference, stale.Reference], IssuePages.References(list).Take(2));
    }

    [Fact]
    public async Task Support_officers_stale_issues_count_by_the_UK_calendar_across_a_clock_change()
    {
        // The clocks went forward on 29 March 2026. On 5 April the last 14 days are 23 March to 5 April, by the UK calendar:
        // from midnight GMT on 23 March, not 13 days of 24 hours before midnight BST on 5 April (23:00 GMT on 22 March).
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        var clock = new TestClock(new DateTimeOffset(2026, 4, 5, 11, 0, 0, TimeSpan.Zero));
        using var clocked = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = clocked.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, p.SupportOfficerA.Id.ToString(CultureInfo.InvariantCulture));
        var lastOn22March = await p.IssueAsync(app, p.AtLevel2);
        await HomeWorld.LastUpdatedAsync(app, lastOn22March, new DateTime(2026, 3, 22, 23, 30, 0, DateTimeKind.Utc));
        var lastOn23March = await p.IssueAsync(app, p.AtLevel2);
        await HomeWorld.LastUpdatedAsync(app, lastOn23March, new DateTime(2026, 3, 23, 0, 30, 0, DateTimeKind.Utc));

        var section = Section(await client.GetDocumentAsync("/"), "stale");

        Assert.Equal(1, Number(section.QuerySelector("a[data-testid=count]")!.TextContent));
        Assert.Equal([lastOn22March.Reference], section.QuerySelectorAll("[data-testid=stale-issues] li > a").Select(a => a.TextContent.Split(':')[0]));
    }

    [Fact]
    public async Task Support_officers_meetings_to_minute_are_their_areas_past_meetings_with_no_minutes()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        await w.MeetingAsync(app, p.AreaA, Now.AddDays(-10), "Tasking ten days ago");
        await w.MeetingAsync(app, p.AreaA, Now.AddDays(-3), "Partnership three days ago");
        // Not counted: minuted (generally, or under an agenda item only); still to come; cancelled; in area B (though invited).
        await w.MeetingAsync(app, p.AreaA, Now.AddDays(-5), "Minuted", then: m => m.RecordMinutes("All present", new Dictionary<int, string?>(), false, null, p.AreaManagerA.Id, Now));
        var itemOnly = await w.MeetingAsync(app, p.AreaA, Now.AddDays(-4), "Item minuted");
        await w.MinuteAnItemAsync(app, itemOnly.Id);
        await w.MeetingAsync(app, p.AreaA, Now.AddDays(2), "Next week");
        await w.MeetingAsync(app, p.AreaA, Now.AddDays(-6), "Cancelled", then: m => m.Cancel("No quorum", p.AreaManagerA.Id, Now));
        await w.MeetingAsync(app, p.AreaB, Now.AddDays(-2), "Area B", [p.SupportOfficerA]);

        var section = Section(await app.ClientFor(p.SupportOfficerA.Id).GetDocumentAsync("/"), "to-minute");

        Assert.Equal(2, Number(section.QuerySelector("[data-testid=count]")!.TextContent));
        Assert.Equal(["Partnership three days ago", "Tasking ten days ago"], section.QuerySelectorAll("[data-testid=meetings] li a").Select(Text));
    }

    [Fact]
    public async Task Support_officer_with_nothing_to_chase_sees_each_sections_empty_state()
    {
        var officer = await HomeWorld.LonelyAsync(app, Roles.SupportOfficer, areaId: (await app.Data.CreateAreaAsync()).Id);

        var home = await app.ClientFor(officer.Id).GetDocumentAsync("/");

        Assert.Equal(0, Number(Section(home, "stale").QuerySelector("[data-testid=count]")!.TextContent));
        Assert.Contains("has been updated in the last 14 days", Text(Section(home, "stale")), StringComparison.Ordinal);
        Assert.Contains("Every meeting held in your areas has minutes recorded.", Text(Section(home, "to-minute")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Councillors_latest_open_issues_are_their_wards_newest_never_confidential_ones()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        var older = await p.IssueAsync(app, p.AtLevel2);
        await HomeWorld.RaisedOnAsync(app, older, Now.AddDays(-9));
        var newer = await p.IssueAsync(app);
        await HomeWorld.RaisedOnAsync(app, newer, Now.AddDays(-5));
        // Newer still, but not shown: confidential; in ward A2; resolved.
        var secret = await p.IssueAsync(app, confidential: true);
        await HomeWorld.RaisedOnAsync(app, secret, Now.AddDays(-1));
        var otherWard = await p.IssueAsync(app, wardId: p.WardA2);
        await HomeWorld.RaisedOnAsync(app, otherWard, Now.AddDays(-1));
        var done = await p.IssueAsync(app, p.Resolved);
        await HomeWorld.RaisedOnAsync(app, done, Now.AddDays(-1));
        var client = app.ClientFor(p.CouncillorA1.Id);

        var section = Section(await client.GetDocumentAsync("/"), "latest-open");

        Assert.Equal([newer.Reference, older.Reference], section.QuerySelectorAll("[data-testid=latest-open-issues] li > a").Select(a => a.TextContent.Split(':')[0]));
        Assert.Contains("Triaged", Text(section), StringComparison.Ordinal);
        Assert.Contains($"last update {UkTime.Format(UkTime.DateOf((await IssueWorld.StoredAsync(app, newer.Id)).LastActivityAt))}", Text(section), StringComparison.Ordinal);
        var all = section.QuerySelector("a[data-testid=count]")!;
        Assert.Equal(2, Number(Text(all).Replace("See all ", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(2, await RowsBehindAsync(client, all.GetAttribute("href")!));
    }

    [Fact]
    public async Task Councillors_recently_resolved_are_their_wards_issues_resolved_in_the_last_30_days_never_confidential_ones()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        var lastWeek = await p.IssueAsync(app, p.Resolved);
        await HomeWorld.ResolvedOnAsync(app, lastWeek, Now.AddDays(-5));
        var closed = await p.IssueAsync(app, i =>
        {
            p.Resolved(i);
            i.Close(p.AreaManagerA.Id, DateTime.UtcNow);
        });
        await HomeWorld.ResolvedOnAsync(app, closed, Now.AddDays(-12));
        // Not counted: resolved 40 days ago; confidential; in ward A2; open.
        var longAgo = await p.IssueAsync(app, p.Resolved);
        await HomeWorld.ResolvedOnAsync(app, longAgo, Now.AddDays(-40));
        await p.IssueAsync(app, p.Resolved, confidential: true);
        await p.IssueAsync(app, p.Resolved, wardId: p.WardA2);
        await p.IssueAsync(app, p.AtLevel2);

        var section = Section(await app.ClientFor(p.CouncillorA1.Id).GetDocumentAsync("/"), "recently-resolved");

        Assert.Equal(2, Number(section.QuerySelector("[data-testid=count]")!.TextContent));
        Assert.Equal([lastWeek.Reference, closed.Reference], section.QuerySelectorAll("[data-testid=resolved-issues] li > a").Select(a => a.TextContent.Split(':')[0]));
        Assert.Contains($"resolved {UkTime.Format(UkTime.DateOf(Now.AddDays(-5)))}", Text(section), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Councillors_home_links_to_their_ward_profile_and_to_raise_an_issue()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;

        var home = await app.ClientFor(p.CouncillorA1.Id).GetDocumentAsync("/");

        Assert.Equal([$"/wards/{p.WardA1}"], Section(home, "ward-profiles").QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/issues/new", Section(home, "raise-issue").GetAttribute("href"));
    }

    [Fact]
    public async Task Councillor_with_a_quiet_ward_sees_each_sections_empty_state()
    {
        var ward = await app.Data.CreateWardAsync((await app.Data.CreateAreaAsync()).Id);
        var councillor = await HomeWorld.LonelyAsync(app, Roles.Councillor, wardId: ward.Id);

        var home = await app.ClientFor(councillor.Id).GetDocumentAsync("/");

        Assert.Contains("There are no open issues in your wards.", Text(Section(home, "latest-open")), StringComparison.Ordinal);
        Assert.Contains("No issues in your wards have been resolved in the last 30 days.", Text(Section(home, "recently-resolved")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partners_actions_are_their_own_open_ones_overdue_first()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        var group = await IssueWorld.CreateTaskGroupAsync(app, p.AreaA, p.PoliceUser, p.CleansingUser);
        await w.ActionAsync(app, group.Id, p.PoliceUser, "Visit the flats", HomeWorld.Today.AddDays(-2));
        await w.ActionAsync(app, group.Id, p.PoliceUser, "Leaflet the street", HomeWorld.Today.AddDays(5));
        // Not counted: done; owned by the cleansing member of the same group.
        await w.ActionAsync(app, group.Id, p.PoliceUser, "Meet the landlord", HomeWorld.Today.AddDays(-9), done: true);
        await w.ActionAsync(app, group.Id, p.CleansingUser, "Sweep the alley", HomeWorld.Today.AddDays(-3));

        var section = Section(await app.ClientFor(p.PoliceUser.Id).GetDocumentAsync("/"), "my-actions");
        var count = section.QuerySelector("a[data-testid=count]")!;

        Assert.Equal(2, Number(count.TextContent));
        Assert.Equal("/my-actions", count.GetAttribute("href"));
        Assert.Equal("1 is overdue.", Text(section.QuerySelector("[data-testid=overdue-actions]")!));
        Assert.Equal(["Visit the flats", "Leaflet the street"], section.QuerySelectorAll("li > a").Select(Text));
        Assert.Contains("Overdue", Text(section.QuerySelectorAll("li")[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partners_task_groups_are_the_active_ones_they_lead_or_belong_to()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        var led = await IssueWorld.CreateTaskGroupAsync(app, p.AreaA, p.PoliceUser);
        var member = await IssueWorld.CreateTaskGroupAsync(app, p.AreaA, p.CleansingUser, p.PoliceUser);
        // Not shown: a group the police user is not in.
        var other = await IssueWorld.CreateTaskGroupAsync(app, p.AreaA, p.CleansingUser);

        var section = Section(await app.ClientFor(p.PoliceUser.Id).GetDocumentAsync("/"), "my-groups");
        var hrefs = section.QuerySelectorAll("li > a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(2, hrefs.Count);
        Assert.Contains($"/task-groups/{led.Id}", hrefs);
        Assert.Contains($"/task-groups/{member.Id}", hrefs);
        Assert.DoesNotContain(other.Name, Text(section), StringComparison.Ordinal);
        Assert.Contains("you lead it", Text(section), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partners_organisation_issues_count_the_open_ones_it_leads_or_was_referred_never_confidential_ones_without_an_agreement()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        await w.TriagedAsync(app, IssueLevel.MultiAgency, w.LedByPolice(p.PoliceUser));
        await w.TriagedAsync(app, IssueLevel.FrontLine, w.ReferredToPolice, p.WardB1);
        // Not counted: confidential (no agreement); resolved; led by another organisation; referred elsewhere.
        await w.TriagedAsync(app, IssueLevel.MultiAgency, w.LedByPolice(p.PoliceUser), confidential: true);
        await w.TriagedAsync(app, IssueLevel.MultiAgency, w.LedByPolice(p.PoliceUser), then: w.Resolve);
        await w.TriagedAsync(app, IssueLevel.MultiAgency, w.LedByCleansing);
        await p.IssueAsync(app, p.AtLevel1);
        var client = app.ClientFor(p.PoliceUser.Id);

        var section = Section(await client.GetDocumentAsync("/"), "organisation-issues");
        var led = section.QuerySelector("a[data-testid=led]")!;

        Assert.Equal(1, Number(led.TextContent));
        Assert.Equal(1, await RowsBehindAsync(client, led.GetAttribute("href")!));
        Assert.Equal(1, Number(section.QuerySelector("[data-testid=referred]")!.TextContent));
        Assert.Equal(2, section.QuerySelectorAll("[data-testid=organisation-issue-list] li").Length);

        // With an agreement on record the confidential one they lead counts too, and is behind the link.
        await IssueWorld.RecordAgreementAsync(app, p.PoliceUser.Id, p.PartnershipManager.Id);
        section = Section(await client.GetDocumentAsync("/"), "organisation-issues");
        led = section.QuerySelector("a[data-testid=led]")!;
        Assert.Equal(2, Number(led.TextContent));
        Assert.Equal(2, await RowsBehindAsync(client, led.GetAttribute("href")!));
    }

    [Fact]
    public async Task Partners_meetings_are_their_invitations_in_the_next_two_weeks()
    {
        var w = await HomeWorld.CreateAsync(app);
        var p = w.People;
        var tomorrow = Now.Date.AddDays(1).AddHours(10);
        await w.MeetingAsync(app, p.AreaA, tomorrow, "Invited tomorrow", [p.PoliceUser]);
        // Not shown: not invited; in three weeks; already over.
        await w.MeetingAsync(app, p.AreaA, tomorrow, "Not invited");
        await w.MeetingAsync(app, p.AreaA, tomorrow.AddDays(20), "Invited later", [p.PoliceUser]);
        await w.MeetingAsync(app, p.AreaA, Now.AddDays(-3), "Invited before", [p.PoliceUser]);

        var section = Section(await app.ClientFor(p.PoliceUser.Id).GetDocumentAsync("/"), "next-meetings");

        Assert.Equal(["Invited tomorrow"], section.QuerySelectorAll("li a").Select(Text));
    }

    [Fact]
    public async Task Partner_with_nothing_yet_sees_each_sections_empty_state()
    {
        var organisation = await app.Data.CreateOrganisationAsync();
        var partner = await HomeWorld.LonelyAsync(app, Roles.PartnerUser, organisationId: organisation.Id);

        var home = await app.ClientFor(partner.Id).GetDocumentAsync("/");

        Assert.Contains("You have no open actions.", Text(Section(home, "my-actions")), StringComparison.Ordinal);
        Assert.Contains("You are not a member of any active task group.", Text(Section(home, "my-groups")), StringComparison.Ordinal);
        Assert.Contains("Your organisation leads no open issues and has none referred to it.", Text(Section(home, "organisation-issues")), StringComparison.Ordinal);
        Assert.Contains("No meetings in the next two weeks.", Text(Section(home, "next-meetings")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partnership_managers_home_leads_to_the_borough_dashboard()
    {
        var manager = await app.Data.CreateUserAsync(Roles.PartnershipManager);

        var home = await app.ClientFor(manager.Id).GetDocumentAsync("/");

        var link = Section(home, "dashboard-link");
        Assert.Equal("Borough dashboard", Text(link));
        Assert.Equal("/dashboard", link.GetAttribute("href"));
    }
}
