using AreaPartnerships.Domain.Identity;
using AreaPartnerships.IntegrationTests.Issues;

namespace AreaPartnerships.IntegrationTests.Budgets;

public sealed class BudgetMonitorTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_partnership_manager_sees_every_area_side_by_side_with_totals_including_areas_with_no_allocation()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaA, 10_000m);
        var issue = await app.Data.CreateIssueAsync(world.People.WardA1, world.People.AreaManagerA.Id);
        var big = await world.SpendAsync(app, budget.Id, 2_500m, issueId: issue.Id);
        await world.SpendAsync(app, budget.Id, 300m);
        await world.SpendAsync(app, budget.Id, 200m);
        await world.AdjustAsync(app, big, null, "Paid twice");
        await world.BudgetAsync(app, world.AreaA, 9_000m, new Domain.Common.FinancialYear(BudgetWorld.ThisYear.StartYear - 1));
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var page = await client.GetDocumentAsync("/budgets");

        var a = BudgetWorld.Row(page, world.AreaA);
        Assert.Equal("£10,000.00", a["allocation"]);
        Assert.Equal("£500.00", a["spent"]);
        Assert.Equal("£9,500.00", a["remaining"]);
        Assert.Equal("3", a["spends"]);
        Assert.Equal("£2,500.00", a["largest"]);
        Assert.Equal("2", a["without-issue"]);
        Assert.NotNull(page.QuerySelector($"tr[data-area-id='{world.AreaA}'] a[href='/budgets/{budget.Id}']"));
        var b = BudgetWorld.Row(page, world.AreaB);
        Assert.StartsWith("No allocation", b["allocation"], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"tr[data-area-id='{world.AreaB}'] a[href='/budgets/allocate?areaId={world.AreaB}&year={BudgetWorld.ThisYear.StartYear}']"));
        Assert.NotNull(page.QuerySelector("[data-testid=totals]"));
        Assert.NotNull(page.QuerySelector("table.app-table--stack[data-testid=budgets]"));
        Assert.NotNull(page.QuerySelector("a.govuk-service-navigation__link[href='/budgets']"));

        var last = await client.GetDocumentAsync($"/budgets?year={BudgetWorld.ThisYear.StartYear - 1}");
        Assert.Equal("£9,000.00", BudgetWorld.Row(last, world.AreaA)["allocation"]);
        Assert.Equal("0", BudgetWorld.Row(last, world.AreaA)["spends"]);
    }

    [Fact]
    public async Task The_administrator_sees_every_area_and_may_allocate_and_set_the_ceiling()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var client = app.ClientFor(world.Administrator.Id);

        var page = await client.GetDocumentAsync("/budgets");

        Assert.StartsWith("No allocation", BudgetWorld.Row(page, world.AreaA)["allocation"], StringComparison.Ordinal);
        Assert.StartsWith("No allocation", BudgetWorld.Row(page, world.AreaB)["allocation"], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=totals]"));
        Assert.NotNull(page.QuerySelector("a[href='/budgets/settings']"));
        Assert.NotNull(page.QuerySelector("a.govuk-service-navigation__link[href='/budgets']"));
    }

    [Fact]
    public async Task An_area_manager_sees_only_their_areas_and_can_spend_from_the_ledger()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var a = await world.BudgetAsync(app, world.AreaA, 1_000m);
        await world.BudgetAsync(app, world.AreaB, 2_000m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var page = await client.GetDocumentAsync("/budgets");

        Assert.Equal([world.AreaA.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            page.QuerySelectorAll("[data-testid=budgets] tbody tr").Select(r => r.GetAttribute("data-area-id")));
        Assert.Null(page.QuerySelector("[data-testid=totals]"));
        Assert.Null(page.QuerySelector("[data-testid=allocate-link]"));
        var ledger = await client.GetDocumentAsync($"/budgets/{a.Id}");
        Assert.NotNull(ledger.QuerySelector($"a[href='/budgets/{a.Id}/spends/new']"));
        Assert.Null(ledger.QuerySelector($"a[href='/budgets/{a.Id}/allocation']"));
    }

    [Fact]
    public async Task A_support_officer_sees_their_areas_read_only()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var a = await world.BudgetAsync(app, world.AreaA, 1_000m);
        await world.SpendAsync(app, a.Id, 10m);
        var client = app.ClientFor(world.People.SupportOfficerA.Id);

        var page = await client.GetDocumentAsync("/budgets");
        Assert.Single(page.QuerySelectorAll("[data-testid=budgets] tbody tr"));
        var ledger = await client.GetDocumentAsync($"/budgets/{a.Id}");
        Assert.Null(ledger.QuerySelector("[data-testid=record-spend]"));
        Assert.Null(ledger.QuerySelector("[data-testid=adjust-link]"));
        Assert.Contains("Only the area's manager", ledger.QuerySelector("[data-testid=who-spends]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Councillors_and_partners_are_refused_the_monitor_and_have_no_link(string role)
    {
        var world = await BudgetWorld.CreateAsync(app);
        var client = app.ClientFor(world.User(role).Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/budgets", UriKind.Relative))).StatusCode);
        Assert.Null((await client.GetDocumentAsync("/")).QuerySelector("a[href='/budgets']"));
    }

    [Fact]
    public async Task A_year_that_is_not_offered_shows_this_year()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var page = await client.GetDocumentAsync("/budgets?year=1900");

        Assert.Contains(BudgetWorld.ThisYear.ToString(), page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/budgets?year=abc", UriKind.Relative))).StatusCode);
    }
}
