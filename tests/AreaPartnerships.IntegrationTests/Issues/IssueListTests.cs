using System.Globalization;
using System.Runtime.CompilerServices;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// The case list (GET /issues) and its CSV export: filters, sorting, paging, odd query strings, the empty
/// state, overdue flags and a fixed number of SQL commands per page. Each test looks through a person
/// scoped to the test's own fresh areas, so other tests' issues in the shared database never show.
/// </summary>
public sealed class IssueListTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    /// <summary>One catalogue per database, built by the first test that needs it; tests only read it.</summary>
    private static readonly ConditionalWeakTable<AppFactory, Task<Catalogue>> Catalogues = new();

    /// <summary>Thirty New issues per database (see <see cref="SharedThirtyAsync"/>); tests only read them.</summary>
    private static readonly ConditionalWeakTable<AppFactory, Task<(HttpClient, IReadOnlyList<string>, int)>> Thirties = new();

    public static TheoryData<string, string> FilterCases => new()
    {
        { "", "new,level1,level2,level3,level4,resident,withdrawn" },
        { "AreaId={areaA}", "new,level1,level2,level4,resident,withdrawn" },
        { "AreaId={areaB}", "level3" },
        { "WardId={wardA2}", "level2,resident" },
        { "Level=none", "new,resident,withdrawn" },
        { "Level=1", "level1" },
        { "Level=2", "level2" },
        { "Level=3", "level3" },
        { "Level=4", "level4" },
        { "Status=New", "new,resident" },
        { "Status=Triaged", "level1,level3" },
        { "Status=InProgress", "level2" },
        { "Status=Resolved", "level4" },
        { "Status=Withdrawn", "withdrawn" },
        { "Status=Closed", "" },
        { "OpenOnly=true", "new,level1,level2,level3,resident" },
        { "CategoryId={noise}", "resident" },
        { "OwnerId={areaManagerA}", "level2" },
        { "LeadOrganisationId={police}", "level3" },
        { "Source=Resident", "resident" },
        { "Source=Councillor", "new,level1,level2,level3,level4,withdrawn" },
        { "Overdue=true", "level3" },
        { "Q={level2Reference}", "level2" },
        { "Q=%20{level2ReferenceLower}%20", "level2" },
        { "Q=bins", "level1" },
        { "Q=GRAFFITI", "level2" },
        { "Q=graffiti%20ON%20the", "level2" },
        { "Q=%25", "withdrawn" },
        { "Q=_", "withdrawn" },
        { "Q=[it]", "withdrawn" },
        { "Q=Fly%25", "" },
        { "Q=%5C", "" },
        { "WardId={wardA1}&OpenOnly=true", "new,level1" },
        { "AreaId={areaA}&Level=none&Source=Resident", "resident" },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Each_filter_narrows_the_list_and_the_export_to_the_matching_issues(string filter, string expected)
    {
        var catalogue = await SharedCatalogueAsync();
        var query = "?" + catalogue.Fill(filter);
        var wanted = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(key => catalogue.Issues[key].Reference).Order(StringComparer.Ordinal).ToList();

        var listed = await IssuePages.ListedAsync(catalogue.Client, query);
        var exported = await IssuePages.ExportedAsync(catalogue.Client, query);

        Assert.Equal(wanted, listed.Order(StringComparer.Ordinal));
        Assert.Equal(wanted, exported.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_filter_form_shows_the_filters_in_use()
    {
        var catalogue = await SharedCatalogueAsync();

        var page = await catalogue.Client.GetDocumentAsync($"/issues?{catalogue.Fill("WardId={wardA2}&Level=none&Status=New&Source=Resident&OpenOnly=true&Q=Noisy")}");

        Assert.Equal(catalogue.World.WardA2.ToString(CultureInfo.InvariantCulture), page.QuerySelector("select[name=WardId] option[selected]")!.GetAttribute("value"));
        Assert.Equal("none", page.QuerySelector("select[name=Level] option[selected]")!.GetAttribute("value"));
        Assert.Equal("New", page.QuerySelector("select[name=Status] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Resident", page.QuerySelector("select[name=Source] option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name=OpenOnly][checked]"));
        Assert.Equal("Noisy", page.QuerySelector("input[name=Q]")!.GetAttribute("value"));
        Assert.Equal([catalogue.Issues["resident"].Reference], IssuePages.References(page));
    }

    public static TheoryData<string, int[]> SortCases => new()
    {
        { "reference", [0, 1, 2, 3, 4] },
        { "title", [1, 4, 3, 0, 2] },
        { "raised", [0, 2, 4, 1, 3] },
        { "level", [1, 3, 0, 4, 2] },
        { "status", [1, 0, 2, 3, 4] },
        { "target", [1, 3, 2, 4, 0] },
        { "activity", [3, 1, 4, 0, 2] },
    };

    [Theory]
    [MemberData(nameof(SortCases))]
    public async Task Sorting_by_a_column_orders_the_rows_both_ways(string sort, int[] ascending)
    {
        var (client, references, area) = await SortableAsync();
        var expected = ascending.Select(i => references[i]).ToList();

        var up = await client.GetDocumentAsync($"/issues?AreaId={area}&Sort={sort}&Dir=asc");
        var down = await client.GetDocumentAsync($"/issues?AreaId={area}&Sort={sort}&Dir=desc");

        Assert.Equal(expected, IssuePages.References(up));
        Assert.Equal(Enumerable.Reverse(expected), IssuePages.References(down));
        Assert.Equal(expected, await IssuePages.ExportedAsync(client, $"?AreaId={area}&Sort={sort}&Dir=asc"));
        if (sort != "activity")
        {
            // Every sort but last activity has a column; its header says how the table is sorted.
            Assert.Single(up.QuerySelectorAll("[data-testid=issues] th[aria-sort=ascending]"));
            Assert.Single(down.QuerySelectorAll("[data-testid=issues] th[aria-sort=descending]"));
        }
    }

    [Fact]
    public async Task Without_a_sort_the_newest_raised_issue_comes_first()
    {
        var (client, references, area) = await SortableAsync();

        var page = await client.GetDocumentAsync($"/issues?AreaId={area}");

        Assert.Equal([references[3], references[1], references[4], references[2], references[0]], IssuePages.References(page));
    }

    [Fact]
    public async Task Thirty_issues_make_two_pages_read_by_key_next_previous_first_and_last()
    {
        var (client, references, area) = await SharedThirtyAsync();

        var first = await client.GetDocumentAsync($"/issues?AreaId={area}");
        var second = await client.GetDocumentAsync(Link(first, "a[rel=next]"));
        var backToFirst = await client.GetDocumentAsync(Link(second, "a[rel=prev]"));
        var last = await client.GetDocumentAsync(Link(first, "[data-testid=last-page]"));
        var firstAgain = await client.GetDocumentAsync(Link(last, "[data-testid=first-page]"));

        Assert.Equal(25, IssuePages.References(first).Count);
        Assert.Equal(5, IssuePages.References(second).Count);
        Assert.Contains("30 issues", first.QuerySelector("[data-testid=issues] caption")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("30 issues", second.QuerySelector("[data-testid=issues] caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(references.Order(StringComparer.Ordinal), IssuePages.References(first).Concat(IssuePages.References(second)).Order(StringComparer.Ordinal));
        Assert.Equal(IssuePages.References(first), IssuePages.References(backToFirst));
        // The last page is the last 25 (a full page ending at the oldest), as reading by key from the end gives.
        Assert.Equal(IssuePages.References(first).Concat(IssuePages.References(second)).Skip(5), IssuePages.References(last));
        Assert.Null(last.QuerySelector("[data-testid=last-page]"));
        Assert.Equal(IssuePages.References(first), IssuePages.References(firstAgain));
        Assert.Contains($"AreaId={area}", Link(first, "a[rel=next]"), StringComparison.Ordinal);
        Assert.Null(first.QuerySelector(".govuk-pagination a[rel=prev]"));
        Assert.Null(second.QuerySelector(".govuk-pagination a[rel=next]"));
        Assert.Null(last.QuerySelector(".govuk-pagination a[rel=next]"));
    }

    /// <summary>Paging by key, in every order the list offers, both ways: the pages together are every issue once, in order.</summary>
    [Theory]
    [InlineData("reference", "asc")]
    [InlineData("reference", "desc")]
    [InlineData("title", "asc")]
    [InlineData("title", "desc")]
    [InlineData("raised", "asc")]
    [InlineData("raised", "desc")]
    [InlineData("level", "asc")]
    [InlineData("level", "desc")]
    [InlineData("status", "asc")]
    [InlineData("status", "desc")]
    [InlineData("target", "asc")]
    [InlineData("target", "desc")]
    [InlineData("activity", "asc")]
    [InlineData("activity", "desc")]
    public async Task Following_next_then_previous_visits_every_issue_once_in_order(string sort, string dir)
    {
        // Thirty issues with levels, due dates and none (nulls sort first going up, last going down), and equal titles (ties go by Id).
        var world = await IssueWorld.CreateAsync(app);
        await CreateVariedAsync(world, world.WardA1, 30);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var area = world.AreaA;
        var export = await client.GetStringAsync(new Uri($"/issues/export?AreaId={area}&Sort={sort}&Dir={dir}", UriKind.Relative));
        var inOrder = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0]).ToList();

        var pages = new List<IReadOnlyList<string>>();
        var page = await client.GetDocumentAsync($"/issues?AreaId={area}&Sort={sort}&Dir={dir}");
        pages.Add(IssuePages.References(page));
        while (page.QuerySelector(".govuk-pagination a[rel=next]") is not null)
        {
            page = await client.GetDocumentAsync(Link(page, "a[rel=next]"));
            pages.Add(IssuePages.References(page));
        }

        var back = await client.GetDocumentAsync(Link(page, "a[rel=prev]"));

        Assert.Equal(30, inOrder.Distinct().Count());
        Assert.Equal(inOrder, pages.SelectMany(p => p));
        Assert.Equal(pages[^2], IssuePages.References(back));
    }

    private static string Link(AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelector($".govuk-pagination {selector}")?.GetAttribute("href") ?? throw new Xunit.Sdk.XunitException($"No {selector} link");

    [Theory]
    [InlineData("AreaId=abc", 1)]
    [InlineData("WardId=99999999999999", 1)]
    [InlineData("Sort=nonsense", 1)]
    [InlineData("Sort=title&Dir=sideways", 1)]
    [InlineData("After=AP-1999-99999", 1)]
    [InlineData("Before=%00&After=", 1)]
    [InlineData("Last=perhaps", 1)]
    [InlineData("Level=7", 1)]
    [InlineData("Level=abc", 1)]
    [InlineData("Status=Bogus", 1)]
    [InlineData("Status=99", 1)]
    [InlineData("Source=Nope", 1)]
    [InlineData("OpenOnly=maybe&Overdue=perhaps", 1)]
    [InlineData("CategoryId=1.5&OwnerId=x&LeadOrganisationId=%00", 1)]
    public async Task Unreadable_filter_values_are_ignored_rather_than_an_error(string odd, int page)
    {
        var (client, references, _) = await SharedThirtyAsync();

        var response = await client.GetAsync(new Uri($"/issues?{odd}", UriKind.Relative));
        var list = await Html.ReadAsync(response);
        var export = await client.GetAsync(new Uri($"/issues/export?{odd}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("30 issues", list.QuerySelector("[data-testid=issues] caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(page == 1 ? 25 : 5, IssuePages.References(list).Count);
        Assert.All(IssuePages.References(list), r => Assert.Contains(r, references));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    /// <summary>Issue 9, finding 2: these crashed the list (500) and cut the export off mid-file.</summary>
    [Theory]
    [InlineData("Sort=")]
    [InlineData("Sort")]
    [InlineData("Sort=%20")]
    [InlineData("Dir=")]
    [InlineData("Dir")]
    [InlineData("Dir=%20")]
    [InlineData("After=")]
    [InlineData("Before")]
    [InlineData("Sort=&Dir=&After=&Before=&Last=")]
    [InlineData("Sort=%20&Dir=sideways&After=%20")]
    public async Task An_empty_or_missing_sort_direction_or_page_is_the_default_newest_first_and_the_export_is_whole(string odd)
    {
        var (client, references, area) = await SortableAsync();
        string[] newestFirst = [references[3], references[1], references[4], references[2], references[0]];

        var response = await client.GetAsync(new Uri($"/issues?AreaId={area}&{odd}", UriKind.Relative));
        var page = await Html.ReadAsync(response);
        var export = await client.GetAsync(new Uri($"/issues/export?AreaId={area}&{odd}", UriKind.Relative));
        var csv = await export.Content.ReadAsStringAsync();
        var records = IssuePages.ParseCsv(csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(newestFirst, IssuePages.References(page));
        Assert.Equal("Raised", IssueWorld.Text(page.QuerySelector("[data-testid=issues] th[aria-sort=descending] a")!.TextContent.Replace("(sort)", "", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.EndsWith("\n", csv, StringComparison.Ordinal);
        Assert.Equal(6, records.Count);
        Assert.All(records, r => Assert.Equal(15, r.Count));
        Assert.Equal(newestFirst, records.Skip(1).Select(r => r[0]));
    }

    [Theory]
    [InlineData(Roles.AreaManager, "/task-groups?Status=&Overdue=&AreaId=&Page=")]
    [InlineData(Roles.AreaManager, "/task-groups?Status&Page&AreaId")]
    [InlineData(Roles.AreaManager, "/task-groups?Status=%20&Page=-3")]
    [InlineData(Roles.AreaManager, "/issues/triage?areaId=&page=")]
    [InlineData(Roles.AreaManager, "/issues/triage?areaId&page=-2")]
    [InlineData(Roles.AreaManager, "/partners?Agreement=&OrganisationId=&Q=&Page=")]
    [InlineData(Roles.Administrator, "/admin/users?Role=&Status=&AreaId=&OrganisationId=&Q=&Page=")]
    [InlineData(Roles.Administrator, "/admin/users?Role=%20&Status=%20&Page=-1")]
    public async Task Every_other_list_with_filters_or_pages_takes_empty_values_as_its_defaults(string role, string url)
    {
        var area = await app.Data.CreateAreaAsync();
        var client = app.ClientFor((await app.Data.CreateUserAsync(role, areaIds: [area.Id])).Id);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector("h1"));
    }

    /// <summary>Issue 9, finding 21: "Download these issues (CSV)" was offered when nothing matched.</summary>
    [Fact]
    public async Task The_download_is_offered_only_when_some_issues_match_and_an_empty_list_says_how_to_find_more()
    {
        var catalogue = await SharedCatalogueAsync();

        var some = await catalogue.Client.GetDocumentAsync($"/issues?{catalogue.Fill("AreaId={areaA}")}");
        var none = await catalogue.Client.GetDocumentAsync($"/issues?{catalogue.Fill("AreaId={areaB}&Level=1")}");

        var download = some.QuerySelector("[data-testid=export]")!;
        Assert.Equal("Download these issues (CSV)", download.TextContent.Trim());
        Assert.StartsWith("/issues/export?", download.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(none.QuerySelector("[data-testid=export]"));
        Assert.DoesNotContain("Download", none.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var empty = IssueWorld.Text(none.QuerySelector("[data-testid=empty-state]")!.TextContent);
        Assert.Contains("removing a filter", empty, StringComparison.Ordinal);
        Assert.Contains("Clear filters", empty, StringComparison.Ordinal);
    }

    /// <summary>Issue 9, finding 20: the theme (e.g. the financial themes) is a filter of the list and the export.</summary>
    [Fact]
    public async Task The_theme_filter_lists_and_exports_the_issues_whose_category_has_that_theme()
    {
        var world = await IssueWorld.CreateAsync(app);
        var manager = world.AreaManagerA;
        var client = app.ClientFor(manager.Id);

        async Task<string> InCategoryAsync(string code)
        {
            var issue = await app.Data.CreateIssueAsync(world.WardA1, manager.Id);
            var categoryId = await IssueWorld.CategoryIdAsync(app, code);
            await IssueWorld.UpdateIssueAsync(app, issue.Id, s => s.SetProperty(i => i.CategoryId, categoryId));
            return issue.Reference;
        }

        var debt = await InCategoryAsync("debt");
        var lending = await InCategoryAsync("doorstep-lending");
        var asb = await InCategoryAsync("asb");
        var flyTipping = await InCategoryAsync("fly-tipping");

        var financial = await client.GetDocumentAsync($"/issues?AreaId={world.AreaA}&Theme=Financial");

        Assert.Equal([debt, lending], IssuePages.References(financial).Order(StringComparer.Ordinal));
        Assert.Equal("Financial", financial.QuerySelector("select[name=Theme] option[selected]")!.GetAttribute("value"));
        Assert.Equal([debt, lending], (await IssuePages.ExportedAsync(client, $"?AreaId={world.AreaA}&Theme=Financial")).Order(StringComparer.Ordinal));
        Assert.Equal([asb], await IssuePages.ListedAsync(client, $"?AreaId={world.AreaA}&Theme=CommunitySafety"));
        Assert.Equal([flyTipping], await IssuePages.ListedAsync(client, $"?AreaId={world.AreaA}&Theme=CleanerSaferGreener"));
        Assert.Equal(4, (await IssuePages.ListedAsync(client, $"?AreaId={world.AreaA}&Theme=Nonsense")).Count);
        var issuePage = await client.GetDocumentAsync($"/issues/{debt}");
        Assert.Equal("Financial inclusion (debt, doorstep lending, poverty, worklessness)", issuePage.QuerySelector("[data-testid=theme]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_person_with_no_issues_sees_a_message_instead_of_an_empty_table()
    {
        var area = await app.Data.CreateAreaAsync();
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id])).Id);

        var page = await client.GetDocumentAsync("/issues");

        Assert.Equal("There are no issues for you to see yet.", page.QuerySelector("[data-testid=no-issues]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=issues]"));
        Assert.Single(await IssuePages.ExportAsync(client));
    }

    [Fact]
    public async Task Filters_that_match_nothing_say_so()
    {
        var catalogue = await SharedCatalogueAsync();

        var page = await catalogue.Client.GetDocumentAsync($"/issues?{catalogue.Fill("AreaId={areaB}&Level=1")}");

        Assert.Equal("No issues match these filters.", page.QuerySelector("[data-testid=no-issues]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=issues]"));
        Assert.Contains(page.QuerySelectorAll("a[href='/issues']"), a => a.TextContent.Trim() == "Clear filters");
    }

    [Fact]
    public async Task Export_is_every_issue_of_the_filtered_set_across_all_pages_in_list_order()
    {
        var (client, references, area) = await SharedThirtyAsync();
        var query = $"?AreaId={area}&Sort=title&Dir=asc";

        var response = await client.GetAsync(new Uri($"/issues/export{query}", UriKind.Relative));
        var records = IssuePages.ParseCsv(await response.Content.ReadAsStringAsync());
        var first = await client.GetDocumentAsync($"/issues{query}");
        var listed = IssuePages.References(first).Concat(IssuePages.References(await client.GetDocumentAsync(Link(first, "a[rel=next]")))).ToList();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            ["Reference", "Title", "Area", "Ward", "Category", "Source", "Level", "Status", "Owner", "Lead organisation", "Referred to", "Raised", "Target date", "Overdue", "Confidential"],
            records[0]);
        Assert.Equal(31, records.Count);
        Assert.All(records, r => Assert.Equal(15, r.Count));
        Assert.Equal(listed, records.Skip(1).Select(r => r[0]));
        Assert.Equal(references.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_keeps_commas_and_quotes_in_titles_and_defuses_formulas()
    {
        var world = await IssueWorld.CreateAsync(app);
        const string awkward = "Bins, \"overflowing\" again; see \"Ward walk\", 3 May";
        const string formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        var withCommas = await app.Data.CreateIssueAsync(world.WardA1, world.AreaManagerA.Id, title: awkward);
        var withFormula = await app.Data.CreateIssueAsync(world.WardA1, world.AreaManagerA.Id, title: formula);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var response = await client.GetAsync(new Uri($"/issues/export?AreaId={world.AreaA}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var records = IssuePages.ParseCsv(text);

        Assert.Contains("\"Bins, \"\"overflowing\"\" again; see \"\"Ward walk\"\", 3 May\"", text, StringComparison.Ordinal);
        Assert.Equal(awkward, records.Single(r => r[0] == withCommas.Reference)[1]);
        Assert.Equal("'" + formula, records.Single(r => r[0] == withFormula.Reference)[1]);
        Assert.All(records, r => Assert.Equal(15, r.Count));
    }

    [Fact]
    public async Task Overdue_open_issues_are_flagged_in_the_list_the_export_and_on_their_page()
    {
        var world = await IssueWorld.CreateAsync(app);
        var manager = world.AreaManagerA;
        var monthAgo = DateTime.UtcNow.AddDays(-30);
        var overdue = await app.Data.CreateIssueAsync(world.WardA1, manager.Id, then: issue =>
            issue.Triage(IssueLevel.Partnership, "Ours", new Assignment(manager.Id, manager.DisplayName), manager.Id, monthAgo, 7));
        var onTime = await app.Data.CreateIssueAsync(world.WardA1, manager.Id, then: issue =>
            issue.Triage(IssueLevel.Partnership, "Ours", new Assignment(manager.Id, manager.DisplayName), manager.Id, DateTime.UtcNow, 30));
        var resolvedLate = await app.Data.CreateIssueAsync(world.WardA1, manager.Id, then: issue =>
        {
            issue.Triage(IssueLevel.Partnership, "Ours", new Assignment(manager.Id, manager.DisplayName), manager.Id, monthAgo, 7);
            issue.Resolve("Sorted", manager.Id, DateTime.UtcNow);
        });
        var untriaged = await app.Data.CreateIssueAsync(world.WardA1, manager.Id);
        var client = app.ClientFor(manager.Id);

        var list = await client.GetDocumentAsync($"/issues?AreaId={world.AreaA}");
        var flagged = list.QuerySelectorAll("[data-testid=issues] tbody tr")
            .Where(row => row.QuerySelectorAll(".govuk-tag").Any(tag => tag.TextContent.Trim() == "Overdue"))
            .Select(row => row.QuerySelector("td")!.TextContent.Trim());
        var export = await IssuePages.ExportAsync(client, $"?AreaId={world.AreaA}");

        Assert.Equal([overdue.Reference], flagged);
        Assert.Equal([overdue.Reference], export.Skip(1).Where(r => r[13] == "Yes").Select(r => r[0]));
        Assert.Equal([overdue.Reference], await IssuePages.ListedAsync(client, $"?AreaId={world.AreaA}&Overdue=true"));
        Assert.NotNull((await client.GetDocumentAsync($"/issues/{overdue.Reference}")).QuerySelector("[data-testid=overdue]"));
        foreach (var notOverdue in new[] { onTime, resolvedLate, untriaged })
        {
            Assert.Null((await client.GetDocumentAsync($"/issues/{notOverdue.Reference}")).QuerySelector("[data-testid=overdue]"));
        }
    }

    /// <summary>The filter options are kept in memory, but a ward or area saved here shows in them at once.</summary>
    [Fact]
    public async Task A_ward_added_after_the_options_were_cached_is_offered_at_once()
    {
        var world = await IssueWorld.CreateAsync(app);
        var client = app.ClientFor(world.PartnershipManager.Id);
        await client.GetDocumentAsync("/issues");

        var ward = await app.Data.CreateWardAsync(world.AreaA, TestData.Unique("Newly drawn ward"));
        var page = await client.GetDocumentAsync("/issues");

        Assert.Contains(page.QuerySelectorAll("select[name=WardId] option"), o => o.TextContent == ward.Name && o.GetAttribute("value") == IssueWorld.Id(ward.Id));
    }

    [Fact]
    public async Task List_page_runs_the_same_small_number_of_sql_commands_for_five_issues_as_for_thirty()
    {
        var world = await IssueWorld.CreateAsync(app);
        await CreateVariedAsync(world, world.WardA1, 5);
        await CreateVariedAsync(world, world.WardA2, 30);
        var client = app.ClientFor(world.AreaManagerA.Id);
        await client.GetDocumentAsync($"/issues?WardId={world.WardA1}");
        var signIn = await IssuePages.SignInCommandsAsync(app, client);

        app.Commands.Reset();
        var few = await client.GetDocumentAsync($"/issues?WardId={world.WardA1}");
        var forFew = app.Commands.Count;
        app.Commands.Reset();
        var many = await client.GetDocumentAsync($"/issues?WardId={world.WardA2}&Sort=activity");
        var forMany = app.Commands.Count;

        Assert.Equal(5, IssuePages.References(few).Count);
        Assert.Equal(25, IssuePages.References(many).Count);
        output.WriteLine($"GET /issues: {forFew} commands for 5 rows, {forMany} for 25 rows of 30; {signIn} of each are the test scheme signing in");
        Assert.Equal(forFew, forMany);

        // The page's own: count, page of rows, and the five filter option lists (areas, wards, categories, owners, organisations).
        Assert.InRange(forMany - signIn, 1, 7);
    }

    private Task<Catalogue> SharedCatalogueAsync() => Catalogues.GetValue(app, Catalogue.CreateAsync);

    /// <summary>Thirty New issues in area A of a fresh world, seen by its area manager; one per database, only read.</summary>
    private Task<(HttpClient Client, IReadOnlyList<string> References, int AreaId)> SharedThirtyAsync() =>
        Thirties.GetValue(app, _ => ManyAsync(30));

    private async Task CreateVariedAsync(IssueWorld world, int wardId, int count)
    {
        var manager = world.AreaManagerA;
        for (var n = 0; n < count; n++)
        {
            Action<Issue>? then = (n % 3) switch
            {
                0 => issue => issue.Triage(IssueLevel.MultiAgency, "Police", world.PoliceLead, manager.Id, DateTime.UtcNow, 90),
                1 => issue => issue.Triage(IssueLevel.FrontLine, "Cleansing", world.ReferToCleansing, manager.Id, DateTime.UtcNow, 10),
                _ => null,
            };
            await app.Data.CreateIssueAsync(wardId, manager.Id, then: then);
        }
    }

    /// <summary>Area A of a fresh world holding <paramref name="count"/> New issues (wards A1 and A2), seen by its area manager.</summary>
    private async Task<(HttpClient Client, IReadOnlyList<string> References, int AreaId)> ManyAsync(int count)
    {
        var world = await IssueWorld.CreateAsync(app);
        var references = new List<string>();
        for (var n = 0; n < count; n++)
        {
            references.Add((await app.Data.CreateIssueAsync(n % 2 == 0 ? world.WardA1 : world.WardA2, world.AreaManagerA.Id)).Reference);
        }

        return (app.ClientFor(world.AreaManagerA.Id), references, world.AreaA);
    }

    /// <summary>
    /// Five issues in area A, created in reference order 0..4, whose every sortable column orders them differently:
    /// <code>
    ///        title    raised    level  status       target   activity
    ///   0    Delta    10d ago   2      Triaged      +20d     3h ago
    ///   1    Alpha    2d ago    none   New          none     5d ago
    ///   2    Echo     7d ago    4      In progress  +5d      1h ago
    ///   3    Charlie  1d ago    1      Resolved     +1d      9d ago
    ///   4    Bravo    5d ago    3      Withdrawn    +10d     2d ago
    /// </code>
    /// </summary>
    private async Task<(HttpClient Client, IReadOnlyList<string> References, int AreaId)> SortableAsync()
    {
        var world = await IssueWorld.CreateAsync(app);
        var manager = world.AreaManagerA;
        var pm = world.PartnershipManager;
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var specs = new (string Title, int RaisedDaysAgo, DateOnly? Target, TimeSpan ActivityAgo, Action<Issue>? Then)[]
        {
            ("Delta", 10, today.AddDays(20), TimeSpan.FromHours(3), i =>
                i.Triage(IssueLevel.Partnership, "Ours", new Assignment(manager.Id, manager.DisplayName), manager.Id, now, 30)),
            ("Alpha", 2, null, TimeSpan.FromDays(5), null),
            ("Echo", 7, today.AddDays(5), TimeSpan.FromHours(1), i =>
            {
                i.Triage(IssueLevel.Borough, "Borough", new Assignment(pm.Id, pm.DisplayName), manager.Id, now, 180);
                i.Start(pm.Id, now);
            }),
            ("Charlie", 1, today.AddDays(1), TimeSpan.FromDays(9), i =>
            {
                i.Triage(IssueLevel.FrontLine, "Quick job", world.ReferToCleansing, manager.Id, now, 10);
                i.ConfirmReferralDone("Cleared", manager.Id, now);
            }),
            ("Bravo", 5, today.AddDays(10), TimeSpan.FromDays(2), i =>
            {
                i.Triage(IssueLevel.MultiAgency, "Police", world.PoliceLead, manager.Id, now, 90);
                i.Withdraw("Not for us", null, manager.Id, now);
            }),
        };
        var prefix = TestData.Unique("Sortable");
        var references = new List<string>();
        foreach (var (title, raisedDaysAgo, target, activityAgo, then) in specs)
        {
            var issue = await app.Data.CreateIssueAsync(world.WardA1, manager.Id, title: $"{prefix} {title}", then: then);
            await IssueWorld.UpdateIssueAsync(app, issue.Id, s => s
                .SetProperty(i => i.RaisedAt, now.AddDays(-raisedDaysAgo))
                .SetProperty(i => i.TargetDate, target)
                .SetProperty(i => i.LastActivityAt, now - activityAgo));
            references.Add(issue.Reference);
        }

        return (app.ClientFor(manager.Id), references, world.AreaA);
    }

    /// <summary>
    /// Seven issues across areas A and B of a fresh world, seen by an area manager of both areas:
    /// new (A1), level1 (A1, referred to cleansing), level2 (A2, owned by area manager A, in progress),
    /// level3 (B1, police lead, overdue), level4 (A1, resolved after its target), resident (A2, new,
    /// raised by a resident about noise), withdrawn (A1).
    /// </summary>
    private sealed class Catalogue
    {
        public IssueWorld World { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        public Dictionary<string, Issue> Issues { get; } = [];

        private Dictionary<string, string> Values { get; } = [];

        public static async Task<Catalogue> CreateAsync(AppFactory app)
        {
            var world = await IssueWorld.CreateAsync(app);
            var both = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [world.AreaA, world.AreaB]);
            var catalogue = new Catalogue { World = world, Client = app.ClientFor(both.Id) };
            var manager = world.AreaManagerA;
            var pm = world.PartnershipManager;
            var now = DateTime.UtcNow;
            var monthAgo = now.AddDays(-30);
            var prefix = TestData.Unique("Catalogue");

            async Task AddAsync(string key, int wardId, string title, Action<Issue>? then = null) =>
                catalogue.Issues[key] = await app.Data.CreateIssueAsync(wardId, manager.Id, title: $"{prefix} {title}", then: then);

            await AddAsync("new", world.WardA1, "Fly tip behind the shops");
            await AddAsync("level1", world.WardA1, "Overflowing bins", i =>
                i.Triage(IssueLevel.FrontLine, "Quick job", world.ReferToCleansing, manager.Id, now, 10));
            await AddAsync("level2", world.WardA2, "Graffiti on the bridge", i =>
            {
                i.Triage(IssueLevel.Partnership, "Ours", new Assignment(manager.Id, manager.DisplayName), manager.Id, now, 30);
                i.Start(manager.Id, now);
            });
            await AddAsync("level3", world.WardB1, "Drug dealing in the park", i =>
                i.Triage(IssueLevel.MultiAgency, "Police", world.PoliceLead, world.AreaManagerB.Id, monthAgo, 7));
            await AddAsync("level4", world.WardA1, "Youth provision", i =>
            {
                i.Triage(IssueLevel.Borough, "Borough", new Assignment(pm.Id, pm.DisplayName), manager.Id, monthAgo, 7);
                i.Resolve("Funded", pm.Id, now);
            });
            await AddAsync("resident", world.WardA2, "Noisy neighbours");
            await AddAsync("withdrawn", world.WardA1, "Duplicate report (50% of [it]_again)", i => i.Withdraw("Duplicate", null, manager.Id, now));

            var noise = await app.WithDbAsync(db => db.Categories.Where(c => c.Code == "noise-nuisance").Select(c => c.Id).SingleAsync());
            await IssueWorld.UpdateIssueAsync(app, catalogue.Issues["resident"].Id, s => s
                .SetProperty(i => i.CategoryId, noise)
                .SetProperty(i => i.Source, IssueSource.Resident));

            var level2 = catalogue.Issues["level2"].Reference;
            foreach (var (name, value) in new (string, object)[]
            {
                ("areaA", world.AreaA), ("areaB", world.AreaB), ("wardA1", world.WardA1), ("wardA2", world.WardA2), ("noise", noise),
                ("areaManagerA", manager.Id), ("police", world.Police.Id), ("level2Reference", level2), ("level2ReferenceLower", level2.ToLowerInvariant()),
            })
            {
                catalogue.Values[$"{{{name}}}"] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }

            return catalogue;
        }

        /// <summary>The query string with {placeholders} replaced by this world's ids.</summary>
        public string Fill(string query) =>
            Values.Aggregate(query, (q, pair) => q.Replace(pair.Key, pair.Value, StringComparison.Ordinal));
    }
}
