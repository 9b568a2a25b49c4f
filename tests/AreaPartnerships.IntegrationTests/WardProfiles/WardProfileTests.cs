using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Identity;
using static AreaPartnerships.IntegrationTests.WardProfiles.WardWorld;

namespace AreaPartnerships.IntegrationTests.WardProfiles;

/// <summary>
/// Ward profiles over the issues <see cref="WardWorld.SeedIssuesAsync"/> seeds (ward A1: population 2,000; six open
/// issues of which one confidential, six raised in the last 12 months of which one confidential), each figure against
/// its hand count, and who may see which profile.
/// </summary>
public sealed class WardProfileTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Level(IHtmlDocument page, string level, string what) => Cell(page, $"[data-testid=open-by-level] tr[data-level='{level}'] [data-testid={what}]");

    private static string Raised(IHtmlDocument page, string theme, string cell) =>
        Cell(page, $"[data-testid=raised] tr[data-theme='{theme}'] {(cell.All(char.IsDigit) ? $"[data-level='{cell}']" : $"[data-testid={cell}]")}");

    [Fact]
    public async Task The_partnership_manager_sees_open_issues_by_level_per_1000_residents_counting_every_issue()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);

        var page = await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync($"/wards/{Id(w.WardA1.Id)}");

        // Open: not triaged #4; Level 1 #3; Level 2 #1, #2 and the confidential #7; Level 3 #6 (raised 400 days ago, still open).
        Assert.Equal(("1", "0.5"), (Level(page, "0", "count"), Level(page, "0", "rate")));
        Assert.Equal(("1", "0.5"), (Level(page, "1", "count"), Level(page, "1", "rate")));
        Assert.Equal(("3", "1.5"), (Level(page, "2", "count"), Level(page, "2", "rate")));
        Assert.Equal(("1", "0.5"), (Level(page, "3", "count"), Level(page, "3", "rate")));
        Assert.Equal(("0", "0.0"), (Level(page, "4", "count"), Level(page, "4", "rate")));
        Assert.Equal(("6", "3.0"), (Level(page, "all", "count"), Level(page, "all", "rate")));
        Assert.Equal("2,000", Cell(page, "[data-testid=summary] [data-testid=population]"));
    }

    [Fact]
    public async Task Issues_raised_in_the_last_12_months_are_counted_by_theme_and_level_per_1000_residents()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);

        var page = await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync($"/wards/{Id(w.WardA1.Id)}");

        // #1 and the resolved #5 (fly-tipping, Level 2); #2 and #7 (Level 2) and #3 (Level 1) financial; #4 untriaged ASB. Not #6 (400 days).
        Assert.Equal(("2", "2", "1.0"), (Raised(page, "CleanerSaferGreener", "2"), Raised(page, "CleanerSaferGreener", "total"), Raised(page, "CleanerSaferGreener", "rate")));
        Assert.Equal(("1", "2", "3", "1.5"), (Raised(page, "Financial", "1"), Raised(page, "Financial", "2"), Raised(page, "Financial", "total"), Raised(page, "Financial", "rate")));
        Assert.Equal(("1", "1", "0.5"), (Raised(page, "CommunitySafety", "0"), Raised(page, "CommunitySafety", "total"), Raised(page, "CommunitySafety", "rate")));
        Assert.Equal(("0", "0", "0.0"), (Raised(page, "Housing", "3"), Raised(page, "Housing", "total"), Raised(page, "Housing", "rate")));
        Assert.Equal(("1", "1", "4", "0", "6", "3.0"),
            (Raised(page, "all", "0"), Raised(page, "all", "1"), Raised(page, "all", "2"), Raised(page, "all", "3"), Raised(page, "all", "total"), Raised(page, "all", "rate")));
        var since = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London")).AddMonths(-12).AddDays(1);
        Assert.Contains($"from {since.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} to today", Cell(page, "[data-testid=raised] caption"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ward_is_compared_with_its_area_and_each_count_links_to_the_case_list_behind_it()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);
        var client = app.ClientFor(w.PartnershipManager.Id);

        var page = await client.GetDocumentAsync($"/wards/{Id(w.WardA1.Id)}");

        Assert.Equal(("6", "2,000", "3.0"), (Cell(page, "[data-testid=comparison] tr[data-row=ward] [data-testid=count]"),
            Cell(page, "[data-testid=comparison] tr[data-row=ward] [data-testid=population]"), Cell(page, "[data-testid=comparison] tr[data-row=ward] [data-testid=rate]")));

        // Area A: A1's six and A2's one, over 2,000 + 3,000 residents.
        Assert.Equal(("7", "5,000", "1.4"), (Cell(page, "[data-testid=comparison] tr[data-row=area] [data-testid=count]"),
            Cell(page, "[data-testid=comparison] tr[data-row=area] [data-testid=population]"), Cell(page, "[data-testid=comparison] tr[data-row=area] [data-testid=rate]")));

        var ward = Id(w.WardA1.Id);
        Assert.Equal($"/issues?WardId={ward}&Level=2&OpenOnly=True", Link(page, "[data-testid=open-by-level] tr[data-level='2'] [data-testid=count]"));
        Assert.Equal($"/issues?WardId={ward}&Level=none&OpenOnly=True", Link(page, "[data-testid=open-by-level] tr[data-level='0'] [data-testid=count]"));
        Assert.Null(Link(page, "[data-testid=open-by-level] tr[data-level='4'] [data-testid=count]"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));
        var since = today.AddMonths(-12).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"/issues?RaisedFrom={since}&WardId={ward}&Theme=Financial", Link(page, "[data-testid=raised] tr[data-theme=Financial] [data-testid=total]"));
        Assert.Equal($"/issues?RaisedFrom={since}&WardId={ward}&Level=1&Theme=Financial", Link(page, "[data-testid=raised] tr[data-theme=Financial] [data-level='1']"));
        Assert.Equal($"/issues?AreaId={Id(w.AreaA.Id)}&OpenOnly=True", Link(page, "[data-testid=comparison] tr[data-row=area] [data-testid=count]"));

        // The list behind each link holds the number shown (the financial list: raised in the last 12 months, as counted).
        Assert.Equal("3 issues", await ListTotalAsync(client, Link(page, "[data-testid=open-by-level] tr[data-level='2'] [data-testid=count]")!));
        Assert.Equal("6 issues", await ListTotalAsync(client, Link(page, "[data-testid=open-by-level] tr[data-level=all] [data-testid=count]")!));
        Assert.Equal("3 issues", await ListTotalAsync(client, Link(page, "[data-testid=raised] tr[data-theme=Financial] [data-testid=total]")!));
        Assert.Equal("7 issues", await ListTotalAsync(client, Link(page, "[data-testid=comparison] tr[data-row=area] [data-testid=count]")!));
    }

    [Fact]
    public async Task A_councillor_sees_their_wards_profile_without_confidential_issues_in_any_count()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);
        var client = app.ClientFor(w.CouncillorA1.Id);

        var page = await client.GetDocumentAsync($"/wards/{Id(w.WardA1.Id)}");

        // The confidential Level 2 financial issue (#7) is in none of the councillor's counts.
        Assert.Equal(("2", "1.0"), (Level(page, "2", "count"), Level(page, "2", "rate")));
        Assert.Equal(("5", "2.5"), (Level(page, "all", "count"), Level(page, "all", "rate")));
        Assert.Equal(("1", "2", "1.0"), (Raised(page, "Financial", "2"), Raised(page, "Financial", "total"), Raised(page, "Financial", "rate")));
        Assert.Equal(("3", "5", "2.5"), (Raised(page, "all", "2"), Raised(page, "all", "total"), Raised(page, "all", "rate")));
        Assert.Null(page.QuerySelector("[data-testid=comparison]"));
        Assert.Equal("2 issues", await ListTotalAsync(client, Link(page, "[data-testid=open-by-level] tr[data-level='2'] [data-testid=count]")!));
        Assert.Contains(w.CouncillorA1.DisplayName, Cell(page, "[data-testid=councillors]"), StringComparison.Ordinal);
        Assert.Equal(w.AreaA.Name, Cell(page, "[data-testid=area]"));
    }

    [Fact]
    public async Task An_area_manager_and_support_officer_compare_with_their_area_but_not_the_borough()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);

        foreach (var user in new[] { w.AreaManagerA, w.SupportOfficerA })
        {
            var page = await app.ClientFor(user.Id).GetDocumentAsync($"/wards/{Id(w.WardA2.Id)}");

            Assert.Equal(("1", "0.3"), (Level(page, "2", "count"), Level(page, "2", "rate")));
            Assert.Equal("1.4", Cell(page, "[data-testid=comparison] tr[data-row=area] [data-testid=rate]"));
            Assert.Null(page.QuerySelector("[data-testid=comparison] tr[data-row=borough]"));
        }
    }

    [Fact]
    public async Task Without_a_population_the_rates_are_not_known()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);
        await SetPopulationAsync(app, w.WardA2.Id, null);

        var page = await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync($"/wards/{Id(w.WardA2.Id)}");

        Assert.Equal(("1", "Not known"), (Level(page, "2", "count"), Level(page, "2", "rate")));
        Assert.Equal("Not known", Cell(page, "[data-testid=summary] [data-testid=population]"));
        Assert.Equal("Not known (1 ward has no population)", Cell(page, "[data-testid=comparison] tr[data-row=area] [data-testid=population]"));
        Assert.Equal("Not known", Cell(page, "[data-testid=comparison] tr[data-row=area] [data-testid=rate]"));
    }

    [Fact]
    public async Task The_administrator_sees_a_wards_figures_but_no_issue_counts()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);
        await UploadAsync(app.ClientFor(w.Administrator.Id), w.FirstFile);

        var page = await app.ClientFor(w.Administrator.Id).GetDocumentAsync($"/wards/{Id(w.WardA1.Id)}");

        Assert.Equal("41.5", Cell(page, "[data-testid=figures] tr[data-measure='Claimant count'] [data-testid=value]"));
        Assert.Equal("31 October 2026", Cell(page, "[data-testid=figures] tr[data-measure='Claimant count'] [data-testid=as-at]"));
        Assert.Null(page.QuerySelector("[data-testid=open-by-level]"));
        Assert.Null(page.QuerySelector("[data-testid=raised]"));
        var list = await app.ClientFor(w.Administrator.Id).GetDocumentAsync("/wards");
        Assert.NotNull(list.QuerySelector($"[data-testid=wards] tr[data-ward='{Id(w.WardB1.Id)}']"));
        Assert.Null(list.QuerySelector("[data-testid=wards] [data-testid=open]"));
    }

    [Fact]
    public async Task A_ward_without_figures_says_so()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync($"/wards/{Id(w.WardB1.Id)}");

        Assert.NotNull(page.QuerySelector("[data-testid=no-figures]"));
        Assert.Equal("None recorded", Cell(page, "[data-testid=councillors]"));
        Assert.Equal("0", Level(page, "all", "count"));
    }

    [Fact]
    public async Task The_list_shows_each_person_the_wards_they_may_see_with_open_issues_per_1000_residents()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);

        string Row(IHtmlDocument page, int wardId, string what) => Cell(page, $"[data-testid=wards] tr[data-ward='{Id(wardId)}'] [data-testid={what}]");
        bool Lists(IHtmlDocument page, int wardId) => page.QuerySelector($"[data-testid=wards] tr[data-ward='{Id(wardId)}']") is not null;

        var manager = await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync("/wards");
        Assert.Equal(("6", "3.0"), (Row(manager, w.WardA1.Id, "open"), Row(manager, w.WardA1.Id, "open-rate")));
        Assert.Equal(("1", "0.3"), (Row(manager, w.WardA2.Id, "open"), Row(manager, w.WardA2.Id, "open-rate")));
        Assert.Equal(("2", "0.4"), (Row(manager, w.WardB1.Id, "open"), Row(manager, w.WardB1.Id, "open-rate")));
        Assert.Equal($"/wards/{Id(w.WardA1.Id)}", manager.QuerySelector($"[data-testid=wards] tr[data-ward='{Id(w.WardA1.Id)}'] th a")?.GetAttribute("href"));
        Assert.Equal($"/issues?WardId={Id(w.WardA1.Id)}&OpenOnly=True", Link(manager, $"[data-testid=wards] tr[data-ward='{Id(w.WardA1.Id)}'] [data-testid=open]"));

        var areaManager = await app.ClientFor(w.AreaManagerA.Id).GetDocumentAsync("/wards");
        Assert.True(Lists(areaManager, w.WardA1.Id) && Lists(areaManager, w.WardA2.Id));
        Assert.False(Lists(areaManager, w.WardB1.Id));

        var councillor = await app.ClientFor(w.CouncillorA1.Id).GetDocumentAsync("/wards");
        Assert.Single(councillor.QuerySelectorAll("[data-testid=wards] tbody tr"));
        Assert.Equal(("5", "2.5"), (Row(councillor, w.WardA1.Id, "open"), Row(councillor, w.WardA1.Id, "open-rate")));
    }

    [Fact]
    public async Task Another_wards_profile_is_not_found_for_a_councillor_or_another_areas_officers()
    {
        var w = await CreateAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(w.CouncillorA1.Id).GetAsync(new Uri($"/wards/{Id(w.WardA2.Id)}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(w.CouncillorA2.Id).GetAsync(new Uri($"/wards/{Id(w.WardA1.Id)}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(w.AreaManagerA.Id).GetAsync(new Uri($"/wards/{Id(w.WardB1.Id)}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(w.SupportOfficerA.Id).GetAsync(new Uri($"/wards/{Id(w.WardB1.Id)}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(w.PartnershipManager.Id).GetAsync(new Uri("/wards/999999", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Partner_users_may_not_use_the_ward_profile_pages()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.PoliceUser.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/wards", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/wards/{Id(w.WardA1.Id)}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_profile_costs_the_same_few_commands_however_many_issues_the_ward_has()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);
        var client = app.ClientFor(w.PartnershipManager.Id);
        var url = $"/wards/{Id(w.WardA1.Id)}";
        await client.GetDocumentAsync(url);

        app.Commands.Reset();
        await client.GetDocumentAsync(url);
        var before = app.Commands.Count;
        foreach (var code in new[] { "graffiti", "youth", "health", "poverty", "fire-risk" })
        {
            await w.IssueAsync(app, w.WardA1, code, 2);
        }

        app.Commands.Reset();
        await client.GetDocumentAsync(url);

        Assert.Equal(before, app.Commands.Count);
        Assert.InRange(before, 1, 16);
    }
}
