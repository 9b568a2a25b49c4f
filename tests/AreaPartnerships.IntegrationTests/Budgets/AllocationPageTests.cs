using AreaPartnerships.Domain.Identity;
using AreaPartnerships.IntegrationTests.Issues;

namespace AreaPartnerships.IntegrationTests.Budgets;

public sealed class AllocationPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.Administrator)]
    public async Task The_partnership_manager_or_administrator_sets_an_allocation_and_it_is_kept_with_its_history(string role)
    {
        var world = await BudgetWorld.CreateAsync(app);
        var user = world.User(role);
        var client = app.ClientFor(user.Id);
        var year = BudgetWorld.ThisYear.StartYear;
        var url = $"/budgets/allocate?areaId={world.AreaA}&year={year}";

        var response = await client.PostFormAsync(url, [new("Allocation", "£10,000")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var budget = await BudgetWorld.StoredAsync(app, world.AreaA, year);
        Assert.NotNull(budget);
        Assert.Equal(10_000m, budget.Allocation);
        Assert.Equal($"/budgets/{budget.Id}", response.Headers.Location!.OriginalString);
        var history = await BudgetWorld.HistoryAsync(app, budget.Id);
        Assert.Equal((null, 10_000m, user.Id), (history.Single().From, history.Single().To, history.Single().ById));

        var page = await client.GetDocumentAsync($"/budgets/{budget.Id}");
        Assert.Contains("allocation for", Html.Banner(page), StringComparison.Ordinal);
        Assert.Equal("£10,000.00", BudgetWorld.Text(page.QuerySelector("[data-testid=budget-summary] [data-testid=allocation]")!.TextContent));
        Assert.Equal("£10,000.00", BudgetWorld.Text(page.QuerySelector("[data-testid=history] [data-testid=to]")!.TextContent));
    }

    [Theory]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Anyone_else_is_refused_the_allocation_pages_and_posts(string role)
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaB, 5_000m);
        var client = app.ClientFor(world.User(role).Id);
        var year = BudgetWorld.ThisYear.StartYear;
        var url = $"/budgets/allocate?areaId={world.AreaA}&year={year}";

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var forged = await client.PostFormAsync("/", [new("Allocation", "10000")], url);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Null(await BudgetWorld.StoredAsync(app, world.AreaA, year));

        // Area B's budget: not theirs to see (404) or, for those who may see it, not theirs to change (403).
        var change = await client.PostFormAsync("/", [new("Allocation", "1"), new("Reason", "No"), new("Version", budget.Version.ToString())], $"/budgets/{budget.Id}/allocation");
        Assert.Contains(change.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(5_000m, (await BudgetWorld.StoredAsync(app, world.AreaB, year))!.Allocation);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1e9")]
    [InlineData("1.005")]
    [InlineData("£99,999,999")]
    public async Task A_bad_amount_is_refused_on_the_field_and_what_was_typed_is_kept(string typed)
    {
        var world = await BudgetWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);
        var year = BudgetWorld.ThisYear.StartYear;

        var response = await client.PostFormAsync($"/budgets/allocate?areaId={world.AreaA}&year={year}", [new("Allocation", typed)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(["Enter the allocation in pounds and pence, like 10,000.00"], Html.ErrorSummary(page));
        Assert.Equal("Enter the allocation in pounds and pence, like 10,000.00", Html.FieldError(page, "Allocation"));
        Assert.Equal(typed, page.QuerySelector("#Allocation")!.GetAttribute("value"));
        Assert.Null(await BudgetWorld.StoredAsync(app, world.AreaA, year));
    }

    [Fact]
    public async Task A_year_that_is_not_offered_is_not_found_and_a_year_already_allocated_goes_to_its_change_page()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);
        var year = BudgetWorld.ThisYear.StartYear;
        var budget = await world.BudgetAsync(app, world.AreaA, 8_000m);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/budgets/allocate?areaId={world.AreaA}&year={year + 2}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/budgets/allocate?areaId={world.AreaA}&year=abc", UriKind.Relative))).StatusCode);
        var existing = await client.GetAsync(new Uri($"/budgets/allocate?areaId={world.AreaA}&year={year}", UriKind.Relative));
        Assert.Equal($"/budgets/{budget.Id}/allocation", existing.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/budgets/allocate?areaId={world.AreaA}&year={year + 1}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_change_with_a_reason_is_kept_in_the_history_on_the_ledger()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaA, 10_000m);
        var client = app.ClientFor(world.People.PartnershipManager.Id);
        var url = $"/budgets/{budget.Id}/allocation";

        var response = await IssueWorld.PostWithVersionAsync(client, url, [new("Allocation", "12,500.50"), new("Reason", "Extra from the ward fund")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = await BudgetWorld.HistoryAsync(app, budget.Id);
        Assert.Equal(2, history.Count);
        Assert.Equal((10_000m, 12_500.50m, "Extra from the ward fund"), (history[1].From, history[1].To, history[1].Reason));
        var page = await client.GetDocumentAsync($"/budgets/{budget.Id}");
        Assert.Equal("Allocation changed", Html.Banner(page));
        var latest = page.QuerySelector("[data-testid=history] tbody tr")!;
        Assert.Equal(("£10,000.00", "£12,500.50", "Extra from the ward fund"),
            (BudgetWorld.Text(latest.QuerySelector("[data-testid=from]")!.TextContent), BudgetWorld.Text(latest.QuerySelector("[data-testid=to]")!.TextContent),
                BudgetWorld.Text(latest.QuerySelector("[data-testid=reason]")!.TextContent)));
    }

    [Fact]
    public async Task A_change_needs_a_reason_and_cannot_go_below_what_has_been_spent()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaA, 1_000m);
        await world.SpendAsync(app, budget.Id, 600m);
        var client = app.ClientFor(world.Administrator.Id);
        var url = $"/budgets/{budget.Id}/allocation";

        var noReason = await IssueWorld.PostWithVersionAsync(client, url, [new("Allocation", "900"), new("Reason", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var page = await Html.ReadAsync(noReason);
        Assert.Equal("Enter why the allocation is changing", Html.FieldError(page, "Reason"));
        Assert.Equal("900", page.QuerySelector("#Allocation")!.GetAttribute("value"));

        var below = await IssueWorld.PostWithVersionAsync(client, url, [new("Allocation", "500"), new("Reason", "Cut")]);
        Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
        Assert.Equal("£600.00 has already been spent from this budget: the allocation cannot be less than that", Html.FieldError(await Html.ReadAsync(below), "Allocation"));
        Assert.Single(await BudgetWorld.HistoryAsync(app, budget.Id));
    }

    [Fact]
    public async Task A_spend_recorded_while_the_change_form_was_open_is_a_conflict_and_what_was_typed_is_kept()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaA, 1_000m);
        var client = app.ClientFor(world.People.PartnershipManager.Id);
        var url = $"/budgets/{budget.Id}/allocation";
        var version = IssueWorld.VersionOn(await client.GetDocumentAsync(url));

        await world.SpendAsync(app, budget.Id, 100m);
        var response = await client.PostFormAsync(url, [new("Allocation", "2,000"), new("Reason", "More"), new("Version", version)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("changed this budget", Html.ErrorSummary(page).Single(), StringComparison.Ordinal);
        Assert.Contains("spent £100.00", Html.ErrorSummary(page).Single(), StringComparison.Ordinal);
        Assert.Equal("2,000", page.QuerySelector("#Allocation")!.GetAttribute("value"));
        Assert.Single(await BudgetWorld.HistoryAsync(app, budget.Id));
    }
}
