using AreaPartnerships.Domain.Identity;
using AreaPartnerships.IntegrationTests.Issues;
using static AreaPartnerships.IntegrationTests.Budgets.SpendWorld;

namespace AreaPartnerships.IntegrationTests.Budgets;

/// <summary>Councillors see their wards' quick-win spend (totals and purposes), never a payee; nobody else has the page.</summary>
public sealed class CouncillorSpendTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_councillor_sees_their_wards_totals_dates_amounts_and_purposes_but_never_a_payee()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 2_000m);
        var people = world.People;
        var councillor = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [people.WardA1, people.WardA2]);
        var inA1 = await people.IssueAsync(app, people.AtLevel2);
        var inA2 = await people.IssueAsync(app, people.AtLevel2, wardId: people.WardA2);
        var confidential = await people.IssueAsync(app, people.AtLevel2, confidential: true);
        var manager = app.ClientFor(people.AreaManagerA.Id);
        var spend = await SpendAsync(app, manager, budget.Id, "120.25", sensitive: true, issue: inA1.Reference, purpose: "Bus fares to the food bank", payee: "Jo Bloggs");
        await SpendAsync(app, manager, budget.Id, "80", issue: inA1.Reference, purpose: "Replacement padlock", payee: "Lock Shop Ltd");
        await SpendAsync(app, manager, budget.Id, "300", issue: inA2.Reference, purpose: "Skip for the clear-up", payee: "Acme Skips Ltd");
        await SpendAsync(app, manager, budget.Id, "999", issue: confidential.Reference, purpose: "Confidential work", payee: "Secret Ltd");
        await SpendAsync(app, manager, budget.Id, "50", purpose: "Not on an issue", payee: "Unlinked Ltd");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(AdjustUrl(budget.Id, spend.Id), ParallelSpendTests.AdjustFields("-20.25", "Part refund"))).StatusCode);

        var page = await app.ClientFor(councillor.Id).GetDocumentAsync("/budgets/wards");

        var wardNames = await app.WithDbAsync(db => Task.FromResult(db.Wards.Where(w => w.Id == people.WardA1 || w.Id == people.WardA2).ToDictionary(w => w.Id, w => w.Name)));
        var headings = page.QuerySelectorAll("[data-testid=ward]").Select(h => IssueWorld.Text(h.TextContent)).ToList();
        Assert.Contains($"{wardNames[people.WardA1]}: £180.00", headings);
        Assert.Contains($"{wardNames[people.WardA2]}: £300.00", headings);
        var text = page.Body!.TextContent;
        Assert.Contains("Bus fares to the food bank", text, StringComparison.Ordinal);
        Assert.Contains("Replacement padlock", text, StringComparison.Ordinal);
        Assert.Contains("£120.25", text, StringComparison.Ordinal);
        Assert.Contains("-£20.25", text, StringComparison.Ordinal);
        foreach (var hidden in new[] { "Jo Bloggs", "Lock Shop Ltd", "Acme Skips Ltd", "Secret Ltd", "Confidential work", "Unlinked Ltd", "Not on an issue" })
        {
            Assert.DoesNotContain(hidden, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_wards_councillor_sees_none_of_it_and_officers_and_partners_do_not_have_the_page()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 2_000m);
        var people = world.People;
        var inA1 = await people.IssueAsync(app, people.AtLevel2);
        await SpendAsync(app, app.ClientFor(people.AreaManagerA.Id), budget.Id, "40", issue: inA1.Reference, purpose: "Paint for the underpass");
        var elsewhere = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [people.WardB1]);

        var page = await app.ClientFor(elsewhere.Id).GetDocumentAsync("/budgets/wards");
        Assert.DoesNotContain("Paint for the underpass", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£0.00", page.QuerySelector("[data-testid=ward]")!.TextContent, StringComparison.Ordinal);

        foreach (var user in new[] { people.PoliceUser, people.AreaManagerA, people.PartnershipManager, people.SupportOfficerA })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(user.Id).GetAsync(new Uri("/budgets/wards", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task Another_year_is_chosen_and_a_year_that_cannot_be_read_shows_this_one()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.People.CouncillorA1.Id);

        var last = await client.GetDocumentAsync($"/budgets/wards?year={ThisYear.StartYear - 1}");
        Assert.Equal(Id(ThisYear.StartYear - 1), last.QuerySelector("#year option[selected]")!.GetAttribute("value"));
        var odd = await client.GetDocumentAsync("/budgets/wards?year=abc");
        Assert.Equal(Id(ThisYear.StartYear), odd.QuerySelector("#year option[selected]")!.GetAttribute("value"));
    }
}
