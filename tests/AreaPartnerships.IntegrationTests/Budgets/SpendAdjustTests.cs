using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.IntegrationTests.Issues;
using static AreaPartnerships.IntegrationTests.Budgets.ParallelSpendTests;
using static AreaPartnerships.IntegrationTests.Budgets.SpendWorld;
using static AreaPartnerships.IntegrationTests.Infrastructure.Html;

namespace AreaPartnerships.IntegrationTests.Budgets;

/// <summary>A spend is put right only by a reasoned entry against it: a correction or its reversal.</summary>
public sealed class SpendAdjustTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_correction_up_within_the_balance_then_down_adds_entries_against_the_spend()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var spend = await SpendAsync(app, client, budget.Id, "250");

        var page = await client.GetDocumentAsync(AdjustUrl(budget.Id, spend.Id));
        Assert.Equal("£250.00", page.QuerySelector("[data-testid=net]")!.TextContent.Trim());
        var up = await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields("£25.50", "Delivery charge added"));
        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal($"/budgets/{budget.Id}", up.Headers.Location!.OriginalString);
        Assert.Contains($"Spend corrected by +£25.50. Balance for {ThisYear}: £724.50", (await client.GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);

        var down = await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields("-75.50", "Part refund"));
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);

        var ledger = await LedgerAsync(app, budget.Id);
        Assert.Equal([250m, 25.50m, -75.50m], ledger.Select(e => e.Amount));
        Assert.Equal([null, "Delivery charge added", "Part refund"], ledger.Select(e => e.Reason));
        Assert.All(ledger.Skip(1), e => Assert.Equal((LedgerEntryKind.Correction, (long?)spend.Id), (e.Kind, e.AdjustsSpendId)));
        Assert.Equal(200m, (await StoredAsync(app, budget.Id)).Spent);
    }

    [Fact]
    public async Task A_correction_up_beyond_the_balance_or_down_below_zero_is_refused_on_the_change()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 300m);
        var client = app.ClientFor(world.People.PartnershipManager.Id);
        var spend = await SpendAsync(app, client, budget.Id, "250");

        var beyond = await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields("60", "More than left"));
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal($"There is £50.00 left in {ThisYear}'s budget: this would take it below £0.00", FieldError(await Html.ReadAsync(beyond), "Change"));

        var below = await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields("-250.01", "Too much back"));
        Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
        var page = await Html.ReadAsync(below);
        Assert.Equal("The spend now stands at £250.00: it cannot be reduced by more than that", FieldError(page, "Change"));
        Assert.Equal(("-250.01", "Too much back"), (page.QuerySelector("#Change")!.GetAttribute("value"), page.QuerySelector("#Reason")!.TextContent.Trim()));

        foreach (var bad in new[] { "abc", "1e9", "1.005", "0" })
        {
            var response = await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields(bad, "Typo"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull(FieldError(await Html.ReadAsync(response), "Change"));
        }

        Assert.Single(await LedgerAsync(app, budget.Id));
    }

    [Fact]
    public async Task A_reversal_gives_the_whole_net_back_and_a_second_is_refused_clearly()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var issue = await world.People.IssueAsync(app, world.People.AtLevel2);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var spend = await SpendAsync(app, client, budget.Id, "250", issue: issue.Reference);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields("-50", "Discount"))).StatusCode);

        var reversed = await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields(null, "Order cancelled"));
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        Assert.Contains($"Spend reversed. Balance for {ThisYear}: £1,000.00", (await client.GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);

        var again = await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields(null, "Again"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("This spend has already been reversed in full", FieldError(await Html.ReadAsync(again), "Reason"));

        var ledger = await LedgerAsync(app, budget.Id);
        Assert.Equal([250m, -50m, -200m], ledger.Select(e => e.Amount));
        Assert.Equal(LedgerEntryKind.Reversal, ledger[^1].Kind);
        Assert.Equal(0m, (await StoredAsync(app, budget.Id)).Spent);
        var events = await IssueWorld.EventsAsync(app, issue.Id);
        Assert.Equal("Quick-win spend of £200.00 to Acme Skips Ltd reversed", events[^1].Summary);
        Assert.Equal((IssueEventKind.SpendRecorded, Visibility.Confidential, "Order cancelled"), (events[^1].Kind, events[^1].Visibility, events[^1].Body));
    }

    [Fact]
    public async Task Reason_kind_and_a_date_in_the_budgets_year_are_required()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var spend = await SpendAsync(app, client, budget.Id, "250");

        var none = await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), [new("Reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(["Select whether to correct or reverse the spend", "Enter why the spend is being corrected or reversed", "Enter a real date, like 3 12 2026"],
            Html.ErrorSummary(await Html.ReadAsync(none)));

        var late = await client.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields(null, "Late", ThisYear.Ends.AddDays(1)));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.StartsWith("A correction or reversal is dated in the", FieldError(await Html.ReadAsync(late), "SpentOnDay"), StringComparison.Ordinal);
        Assert.Single(await LedgerAsync(app, budget.Id));
    }

    [Fact]
    public async Task Only_those_who_may_spend_may_adjust_and_an_entry_that_is_not_a_spend_of_this_budget_is_not_found()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var other = await world.BudgetAsync(app, 1_000m, world.People.AreaB);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var spend = await SpendAsync(app, manager, budget.Id, "250");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields("-10", "Refund"))).StatusCode);
        var correction = (await LedgerAsync(app, budget.Id))[^1];

        var officer = app.ClientFor(world.People.SupportOfficerA.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri(AdjustUrl(budget.Id, spend.Id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(officer, AdjustUrl(budget.Id, spend.Id), AdjustFields(null, "No"))).StatusCode);
        foreach (var user in new[] { world.People.AreaManagerB, world.People.CouncillorA1, world.People.PoliceUser })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(app.ClientFor(user.Id), AdjustUrl(budget.Id, spend.Id), AdjustFields(null, "No"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri(AdjustUrl(budget.Id, correction.Id), UriKind.Relative))).StatusCode);
        var pm = app.ClientFor(world.People.PartnershipManager.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await pm.GetAsync(new Uri(AdjustUrl(other.Id, spend.Id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pm.PostFormAsync(AdjustUrl(budget.Id, spend.Id), AdjustFields(null, "Wrong budget"), AdjustUrl(other.Id, spend.Id))).StatusCode);
        Assert.Equal(2, (await LedgerAsync(app, budget.Id)).Count);
    }
}
