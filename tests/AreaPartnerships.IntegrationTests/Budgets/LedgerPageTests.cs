using AreaPartnerships.Domain.Identity;

namespace AreaPartnerships.IntegrationTests.Budgets;

public sealed class LedgerPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_ledger_shows_entries_newest_first_with_corrections_and_reversals_and_hides_issues_the_person_cannot_see()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaA, 1_000m);
        var issue = await app.Data.CreateIssueAsync(world.People.WardA1, world.People.AreaManagerA.Id);
        var hidden = await app.Data.CreateIssueAsync(world.People.WardB1, world.People.AreaManagerB.Id);
        var first = await world.SpendAsync(app, budget.Id, 100m, BudgetWorld.ThisYear.Starts, issueId: issue.Id, reference: "PO-1");
        await world.SpendAsync(app, budget.Id, 50m, BudgetWorld.ThisYear.Starts, issueId: hidden.Id);
        await world.AdjustAsync(app, first, -25m, "Discount");
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var page = await client.GetDocumentAsync($"/budgets/{budget.Id}");

        Assert.Equal("£125.00", BudgetWorld.Text(page.QuerySelector("[data-testid=budget-summary] [data-testid=spent]")!.TextContent));
        Assert.Equal("£875.00", BudgetWorld.Text(page.QuerySelector("[data-testid=remaining]")!.TextContent));
        var rows = page.QuerySelectorAll("[data-testid=entries] tbody tr").ToList();
        Assert.Equal(["Correction", "Spend", "Spend"], rows.Select(r => BudgetWorld.Text(r.QuerySelector("[data-testid=kind]")!.TextContent)));
        Assert.Equal(["\u2212£25.00", "£50.00", "£100.00"], rows.Select(r => BudgetWorld.Text(r.QuerySelector("[data-testid=amount]")!.TextContent)));
        Assert.Contains("Discount", rows[0].QuerySelector("[data-testid=adjusts]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("An issue you cannot see", BudgetWorld.Text(rows[1].QuerySelector("[data-testid=issue]")!.TextContent));
        Assert.DoesNotContain(hidden.Reference, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[2].QuerySelector($"[data-testid=issue] a[href='/issues/{issue.Reference}']"));
        Assert.Null(rows[0].QuerySelector("[data-testid=adjust-link]"));
        Assert.NotNull(rows[2].QuerySelector($"a[href='/budgets/{budget.Id}/spends/{first.Id}/adjust']"));
        Assert.Single(page.QuerySelectorAll("[data-testid=history] tbody tr"));
    }

    [Fact]
    public async Task An_empty_ledger_says_so()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaA, 1_000m);

        var page = await app.ClientFor(world.People.PartnershipManager.Id).GetDocumentAsync($"/budgets/{budget.Id}");

        Assert.NotNull(page.QuerySelector("[data-testid=no-entries]"));
        Assert.NotNull(page.QuerySelector($"a[href='/budgets/{budget.Id}/allocation']"));
    }

    [Theory]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Another_areas_budget_is_not_found_for_its_ledger_and_csv(string role)
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, role is Roles.Councillor or Roles.PartnerUser ? world.AreaA : world.AreaB, 1_000m);
        var client = app.ClientFor(world.User(role).Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/budgets/{budget.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/budgets/{budget.Id}/ledger.csv", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/budgets/{budget.Id}/allocation", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_ledger_pages_by_key_25_at_a_time()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaA, 10_000m);
        for (var n = 1; n <= 30; n++)
        {
            await world.SpendAsync(app, budget.Id, n, BudgetWorld.ThisYear.Starts.AddDays(n % 5));
        }

        var client = app.ClientFor(world.People.PartnershipManager.Id);
        var first = await client.GetDocumentAsync($"/budgets/{budget.Id}");
        var firstIds = Ids(first);
        Assert.Equal(25, firstIds.Count);
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);
        var secondIds = Ids(second);
        Assert.Equal(5, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
        var previous = await client.GetDocumentAsync(second.QuerySelector(".govuk-pagination__prev a")!.GetAttribute("href")!);
        Assert.Equal(firstIds, Ids(previous));
        // The last page is a full page ending with the oldest entries.
        var last = Ids(await client.GetDocumentAsync($"/budgets/{budget.Id}?last=true"));
        Assert.Equal(25, last.Count);
        Assert.Equal(secondIds, last.TakeLast(5));
    }

    private static List<string> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=entries] tbody tr").Select(r => r.GetAttribute("data-entry-id")!)];
}
