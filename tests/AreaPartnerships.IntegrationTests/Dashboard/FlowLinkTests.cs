using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Dashboard.DashboardWorld;

namespace AreaPartnerships.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's flows between levels link to the case list filtered by "moved between levels": each non-zero
/// figure's link lists exactly the issues it counts (the whole UK months of the period, the issue's area, the levels),
/// an issue moved twice counting twice but listed once; the filter shows in the list's selected filters, survives
/// paging and the CSV export, and never shows a person an issue they may not see.
/// <para>
/// One world for the class (the partnership manager's borough-wide figures count every issue in the database): the
/// period asked is 15 April – 10 June 2025, counted as the whole months 1 April – 30 June 2025.
/// </para>
/// </summary>
public sealed class FlowLinkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Period = "Period=custom&FromDay=15&FromMonth=4&FromYear=2025&ToDay=10&ToMonth=6&ToYear=2025";

    private static readonly ConditionalWeakTable<AppFactory, Task<World>> Worlds = [];

    private Task<World> WorldAsync() => Worlds.GetValue(app, _ => World.CreateAsync(app));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string[] Sorted(params string[] references) => [.. references.Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Each_flow_figure_for_an_area_links_to_exactly_the_issues_it_counts()
    {
        var w = await WorldAsync();
        var client = app.ClientFor(w.PartnershipManager.Id);
        var page = await client.GetDocumentAsync($"/dashboard?{Period}&AreaId={Id(w.AreaA.Id)}");
        var a = w.AreaA.Name;

        // Step-ups: UpTwice 2 → 3 twice, UpAtMonthStart (1 April, 00:30 UK time), Confidential 3 → 4. Step-downs:
        // UpTwice 3 → 2, Confidential 4 → 3. Not UpBefore (31 March), UpAfter (1 July, 00:30 UK time), NeverMoved, B's or C's.
        Assert.Equal(["4", "2", "-2"], Table(page, "flows-by-area")[a]);
        Assert.Equal(Sorted(w.UpTwice, w.UpAtMonthStart, w.Confidential), await ListAsync(client, Link(page, "flows-by-area", a, 0)));
        Assert.Equal(Sorted(w.UpTwice, w.Confidential), await ListAsync(client, Link(page, "flows-by-area", a, 1)));
        Assert.Null(Link(page, "flows-by-area", a, 2));

        var moves = Table(page, "flows-between-levels");
        Assert.Equal(["0", "—", "3", "0"], moves["From Level 2"]);
        Assert.Equal(["0", "1", "—", "1"], moves["From Level 3"]);
        Assert.Equal(["0", "0", "1", "—"], moves["From Level 4"]);
        Assert.Equal(Sorted(w.UpTwice, w.UpAtMonthStart), await ListAsync(client, Link(page, "flows-between-levels", "From Level 2", 2)));
        Assert.Equal([w.UpTwice], await ListAsync(client, Link(page, "flows-between-levels", "From Level 3", 1)));
        Assert.Equal([w.Confidential], await ListAsync(client, Link(page, "flows-between-levels", "From Level 3", 3)));
        Assert.Equal([w.Confidential], await ListAsync(client, Link(page, "flows-between-levels", "From Level 4", 2)));

        // A nought is not a link, nor is the diagonal.
        Assert.Null(Link(page, "flows-between-levels", "From Level 2", 3));
        Assert.Null(Link(page, "flows-between-levels", "From Level 1", 1));
        Assert.Null(Link(page, "flows-between-levels", "From Level 2", 1));
    }

    [Fact]
    public async Task Borough_wide_flow_figures_link_to_every_area_and_an_area_managers_to_their_areas()
    {
        var w = await WorldAsync();
        var client = app.ClientFor(w.PartnershipManager.Id);
        var page = await client.GetDocumentAsync($"/dashboard?{Period}");

        Assert.Equal(["1", "1", "0"], Table(page, "flows-by-area")[w.AreaB.Name]);
        Assert.Equal([w.InB], await ListAsync(client, Link(page, "flows-by-area", w.AreaB.Name, 0)));
        Assert.Equal([w.DownInB], await ListAsync(client, Link(page, "flows-by-area", w.AreaB.Name, 1)));
        Assert.Equal(["26", "0", "-26"], Table(page, "flows-by-area")[w.AreaC.Name]);
        Assert.Equal(Sorted([.. w.InC]), await ListAsync(client, Link(page, "flows-by-area", w.AreaC.Name, 0)));

        // Every area: 2 → 3 is UpTwice twice, UpAtMonthStart, B's and C's 26 — 30 moves of 29 issues (two pages).
        var moves = Table(page, "flows-between-levels");
        Assert.Equal(["0", "—", "30", "0"], moves["From Level 2"]);
        Assert.Equal(Sorted([w.UpTwice, w.UpAtMonthStart, w.InB, .. w.InC]), await ListAsync(client, Link(page, "flows-between-levels", "From Level 2", 2)));
        Assert.Equal(["0", "2", "—", "1"], moves["From Level 3"]);
        Assert.Equal(Sorted(w.UpTwice, w.DownInB), await ListAsync(client, Link(page, "flows-between-levels", "From Level 3", 1)));
        Assert.Equal([w.Confidential], await ListAsync(client, Link(page, "flows-between-levels", "From Level 3", 3)));
        Assert.Equal(["0", "0", "1", "—"], moves["From Level 4"]);
        Assert.Null(Link(page, "flows-between-levels", "From Level 2", 3));

        // The manager of A and B: both areas' figures, and links that stay within them (C's moves are not theirs).
        var both = app.ClientFor(w.ManagerAB.Id);
        var theirs = await both.GetDocumentAsync($"/dashboard?{Period}");
        Assert.Equal(Sorted(w.AreaA.Name, w.AreaB.Name), Sorted([.. Table(theirs, "flows-by-area").Keys]));
        Assert.Equal(["0", "—", "4", "0"], Table(theirs, "flows-between-levels")["From Level 2"]);
        Assert.Equal(Sorted(w.UpTwice, w.UpAtMonthStart, w.InB), await ListAsync(both, Link(theirs, "flows-between-levels", "From Level 2", 2)));
    }

    [Fact]
    public async Task An_issue_moved_twice_counts_twice_in_the_figure_is_listed_once_and_the_note_says_so()
    {
        var w = await WorldAsync();
        var client = app.ClientFor(w.PartnershipManager.Id);
        var page = await client.GetDocumentAsync($"/dashboard?{Period}&AreaId={Id(w.AreaA.Id)}");

        Assert.Equal("3", Table(page, "flows-between-levels")["From Level 2"][2]);
        var list = await client.GetDocumentAsync(Link(page, "flows-between-levels", "From Level 2", 2)!);
        Assert.Equal("2 issues", list.QuerySelector("[data-testid=issues] caption")!.TextContent.Trim());
        Assert.Equal(1, list.QuerySelectorAll("[data-testid=issues] tbody tr").Count(r => r.TextContent.Contains(w.UpTwice, StringComparison.Ordinal)));
        Assert.Contains("An issue moved more than once in the period is listed once.", list.QuerySelector("[data-testid=selected-filters]")!.TextContent, StringComparison.Ordinal);

        foreach (var table in new[] { "flows-by-area", "flows-between-levels" })
        {
            var note = page.QuerySelector($"[data-testid='table-{table}'] p.govuk-body-s")!.TextContent;
            Assert.Contains("Counted by whole months: 1 April 2025 to 30 June 2025.", note, StringComparison.Ordinal);
            Assert.Contains("an issue stepped up twice in the period counts twice here, and is listed once behind the figure", note, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_list_shows_the_filter_in_words_in_its_form_through_its_pages_and_in_its_export()
    {
        var w = await WorldAsync();
        var client = app.ClientFor(w.PartnershipManager.Id);
        var dashboard = await client.GetDocumentAsync($"/dashboard?{Period}");
        var href = Link(dashboard, "flows-between-levels", "From Level 2", 2)!;
        var list = await client.GetDocumentAsync(href);

        Assert.Equal(
            ["Stepped up between 1 April 2025 and 30 June 2025", "Moved from Level 2 to Level 3"],
            list.QuerySelectorAll("[data-testid=selected-filters] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Up", list.QuerySelector("#Moved option[selected]")!.GetAttribute("value"));
        Assert.Equal("1/4/2025", list.QuerySelector("#MovedFrom")!.GetAttribute("value"));
        Assert.Equal("30/6/2025", list.QuerySelector("#MovedTo")!.GetAttribute("value"));
        Assert.Equal("2", list.QuerySelector("#FromLevel option[selected]")!.GetAttribute("value"));
        Assert.Equal("3", list.QuerySelector("#ToLevel option[selected]")!.GetAttribute("value"));
        Assert.NotNull(list.QuerySelector("main a[href='/issues']"));

        // 29 issues: the next page's link keeps the filter (ListAsync follows it), and so does the export.
        Assert.Equal("29 issues", list.QuerySelector("[data-testid=issues] caption")!.TextContent.Trim());
        var next = list.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        Assert.Contains("Moved=Up", next, StringComparison.Ordinal);
        Assert.Contains("FromLevel=2", next, StringComparison.Ordinal);
        var export = list.QuerySelector("[data-testid=export]")!.GetAttribute("href")!;
        var csv = IssuePages.ParseCsv((await client.GetStringAsync(new Uri(export, UriKind.Relative))).TrimStart('\uFEFF'));
        Assert.Equal(Sorted([w.UpTwice, w.UpAtMonthStart, w.InB, .. w.InC]), Sorted([.. csv.Skip(1).Where(r => r.Count > 1).Select(r => r[0])]));

        // Typed by hand: either direction, only a start day, only a level; a day that cannot be read is kept as typed and ignored.
        var typed = await client.GetDocumentAsync($"/issues?Moved=Either&MovedFrom=20/6/2025&AreaId={Id(w.AreaA.Id)}");
        Assert.Equal(["Stepped up or down on or after 20 June 2025"], typed.QuerySelectorAll("[data-testid=selected-filters] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(Sorted(w.Confidential, w.UpAfter), References(typed));
        var toFour = await client.GetDocumentAsync("/issues?ToLevel=4&MovedFrom=banana");
        Assert.Equal(["Stepped up or down", "Moved to Level 4"], toFour.QuerySelectorAll("[data-testid=selected-filters] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("banana", toFour.QuerySelector("#MovedFrom")!.GetAttribute("value"));
        Assert.Equal([w.Confidential], References(toFour));
    }

    [Fact]
    public async Task A_flow_link_never_shows_an_issue_the_person_may_not_see()
    {
        var w = await WorldAsync();
        var dashboard = await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync($"/dashboard?{Period}&AreaId={Id(w.AreaA.Id)}");
        var upsInA = Link(dashboard, "flows-by-area", w.AreaA.Name, 0)!;
        var threeToFour = Link(dashboard, "flows-between-levels", "From Level 3", 3)!;

        // The ward's councillor, given the link: the issues in their ward, never the confidential one (nor in the export).
        var councillor = app.ClientFor(w.Councillor.Id);
        Assert.Equal(Sorted(w.UpTwice, w.UpAtMonthStart), await ListAsync(councillor, upsInA));
        Assert.Empty(await ListAsync(councillor, threeToFour));
        var empty = await councillor.GetDocumentAsync(threeToFour);
        Assert.Equal("No issues match these filters.", empty.QuerySelector("[data-testid=no-issues]")!.TextContent.Trim());
        var csv = await councillor.GetStringAsync(new Uri(upsInA.Replace("/issues?", "/issues/export?", StringComparison.Ordinal), UriKind.Relative));
        Assert.DoesNotContain(w.Confidential, csv, StringComparison.Ordinal);
        Assert.Contains(w.UpTwice, csv, StringComparison.Ordinal);

        // Area B's manager: nothing of area A's. The police user: only what their organisation leads, and not the
        // confidential issue they led at Level 3 (no confidentiality agreement).
        Assert.Empty(await ListAsync(app.ClientFor(w.ManagerB.Id), upsInA));
        Assert.Empty(await ListAsync(app.ClientFor(w.PoliceUser.Id), threeToFour));
        Assert.Equal([w.InB], await ListAsync(app.ClientFor(w.PoliceUser.Id), $"/issues?Moved=Up&MovedFrom=2025-04-01&MovedTo=2025-06-30&AreaId={Id(w.AreaB.Id)}"));

        // The administrator has no case list at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(w.Administrator.Id).GetAsync(new Uri(upsInA, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_flow_link_is_two_commands_a_count_and_a_page()
    {
        var w = await WorldAsync();
        var client = app.ClientFor(w.PartnershipManager.Id);
        var url = $"/issues?AreaId={Id(w.AreaA.Id)}&Moved=Up&MovedFrom=2025-04-01&MovedTo=2025-06-30&FromLevel=2&ToLevel=3";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var signIn = await IssuePages.SignInCommandsAsync(app, client);

        app.Commands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        Assert.Equal(2, app.Commands.Count - signIn);
    }

    /// <summary>Every reference the list at <paramref name="href"/> shows, following its "next" links, sorted.</summary>
    private static async Task<string[]> ListAsync(HttpClient client, string? href)
    {
        Assert.NotNull(href);
        var references = new List<string>();
        for (var url = href; url is not null;)
        {
            var page = await client.GetDocumentAsync(url);
            references.AddRange(References(page));
            url = page.QuerySelector(".govuk-pagination__next a")?.GetAttribute("href");
        }

        Assert.Equal(references.Count, references.Distinct().Count());
        return [.. references.Order(StringComparer.Ordinal)];
    }

    private static string[] References(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=issues] tbody tr td:first-child a").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Areas A, B and C. In A (ward A1 unless said): UpTwice (2 → 3 on 10 April, 3 → 2 on 20 April, 2 → 3 on 5 May);
    /// UpAtMonthStart (2 → 3 at 23:30 UTC on 31 March, 00:30 on 1 April in the UK); UpBefore (2 → 3 at noon on 31
    /// March); UpAfter (2 → 3 at 23:30 UTC on 30 June, 1 July in the UK); Confidential (led by the police at Level 3,
    /// 3 → 4 on 2 May, 4 → 3 on 20 June); NeverMoved (ward A2, Level 2). In B: InB (2 → 3 on 15 May, the police
    /// leading), DownInB (3 → 2 on 1 June). In C: 26 issues, each 2 → 3 on 1 June.
    /// </summary>
    private sealed class World
    {
        public Area AreaA { get; private set; } = null!;

        public Area AreaB { get; private set; } = null!;

        public Area AreaC { get; private set; } = null!;

        public ApplicationUser PartnershipManager { get; private set; } = null!;

        public ApplicationUser ManagerAB { get; private set; } = null!;

        public ApplicationUser ManagerB { get; private set; } = null!;

        public ApplicationUser Councillor { get; private set; } = null!;

        public ApplicationUser PoliceUser { get; private set; } = null!;

        public ApplicationUser Administrator { get; private set; } = null!;

        public string UpTwice { get; private set; } = null!;

        public string UpAtMonthStart { get; private set; } = null!;

        public string UpBefore { get; private set; } = null!;

        public string UpAfter { get; private set; } = null!;

        public string Confidential { get; private set; } = null!;

        public string NeverMoved { get; private set; } = null!;

        public string InB { get; private set; } = null!;

        public string DownInB { get; private set; } = null!;

        public List<string> InC { get; } = [];

        private static DateTime Uk(int month, int day) => UkTime.ToUtc(new DateOnly(2025, month, day), new TimeOnly(12, 0))!.Value;

        private static DateTime Utc(int month, int day, int hour, int minute) => new(2025, month, day, hour, minute, 0, DateTimeKind.Utc);

        public static async Task<World> CreateAsync(AppFactory app)
        {
            var w = new World
            {
                AreaA = await app.Data.CreateAreaAsync(),
                AreaB = await app.Data.CreateAreaAsync(),
                AreaC = await app.Data.CreateAreaAsync(),
            };
            var wardA1 = await app.Data.CreateWardAsync(w.AreaA.Id);
            var wardA2 = await app.Data.CreateWardAsync(w.AreaA.Id);
            var wardB = await app.Data.CreateWardAsync(w.AreaB.Id);
            var wardC = await app.Data.CreateWardAsync(w.AreaC.Id);
            var police = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.Police);
            w.PartnershipManager = await app.Data.CreateUserAsync(Roles.PartnershipManager);
            w.ManagerAB = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [w.AreaA.Id, w.AreaB.Id]);
            w.ManagerB = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [w.AreaB.Id]);
            w.Councillor = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [wardA1.Id]);
            w.PoliceUser = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: police.Id);
            w.Administrator = await app.Data.CreateUserAsync(Roles.Administrator);

            var by = w.ManagerAB.Id;
            var manager = new Assignment(by, w.ManagerAB.DisplayName);
            var policeLead = new Assignment(w.PoliceUser.Id, w.PoliceUser.DisplayName, police.Id, police.Name);
            var borough = new Assignment(w.PartnershipManager.Id, w.PartnershipManager.DisplayName);
            Task<string> Raise(Ward ward, Action<Issue> then, bool confidential = false) => RaiseAsync(app, ward, by, confidential, then);
            void AtLevel2(Issue i) => i.Triage(IssueLevel.Partnership, "Partnership work", manager, by, Uk(3, 20), 30);
            void Up(Issue i, DateTime at) => i.StepUp(IssueLevel.MultiAgency, "Needs the police", policeLead, by, at, 30);
            void Down(Issue i, DateTime at) => i.StepDown(IssueLevel.Partnership, "Back to the area", manager, by, at, 30);

            w.UpTwice = await Raise(wardA1, i =>
            {
                AtLevel2(i);
                Up(i, Uk(4, 10));
                Down(i, Uk(4, 20));
                Up(i, Uk(5, 5));
            });
            w.UpAtMonthStart = await Raise(wardA1, i =>
            {
                AtLevel2(i);
                Up(i, Utc(3, 31, 23, 30));
            });
            w.UpBefore = await Raise(wardA1, i =>
            {
                AtLevel2(i);
                Up(i, Utc(3, 31, 12, 0));
            });
            w.UpAfter = await Raise(wardA1, i =>
            {
                AtLevel2(i);
                Up(i, Utc(6, 30, 23, 30));
            });
            w.Confidential = await Raise(wardA1, confidential: true, then: i =>
            {
                i.Triage(IssueLevel.MultiAgency, "Police to lead", policeLead, by, Uk(4, 1), 30);
                i.StepUp(IssueLevel.Borough, "Borough-wide", borough, by, Uk(5, 2), 30);
                i.StepDown(IssueLevel.MultiAgency, "Police again", policeLead, by, Uk(6, 20), 30);
            });
            w.NeverMoved = await Raise(wardA2, AtLevel2);
            w.InB = await Raise(wardB, i =>
            {
                AtLevel2(i);
                Up(i, Uk(5, 15));
            });
            w.DownInB = await Raise(wardB, i =>
            {
                i.Triage(IssueLevel.MultiAgency, "Police to lead", policeLead, by, Uk(3, 20), 30);
                Down(i, Uk(6, 1));
            });
            for (var n = 0; n < 26; n++)
            {
                w.InC.Add(await Raise(wardC, i =>
                {
                    AtLevel2(i);
                    Up(i, Uk(6, 1));
                }));
            }

            w.InC.Sort(StringComparer.Ordinal);
            return w;
        }

        private static Task<string> RaiseAsync(AppFactory app, Ward ward, int raisedById, bool confidential, Action<Issue> then) =>
            app.WithDbAsync(async db =>
            {
                var category = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
                var issue = new Issue(TestData.Unique("AP-F"), TestData.Unique("Flow issue"), "Something needs doing.", ward, category, IssueSource.Councillor, raisedById, Uk(3, 15))
                {
                    IsConfidential = confidential,
                };
                then(issue);
                db.Issues.Add(issue);
                await db.SaveChangesAsync();
                return issue.Reference;
            });
    }
}
