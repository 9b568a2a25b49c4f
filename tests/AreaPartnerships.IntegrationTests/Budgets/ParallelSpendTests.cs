using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.IntegrationTests.Concurrency;
using static AreaPartnerships.IntegrationTests.Budgets.SpendWorld;
using static AreaPartnerships.IntegrationTests.Infrastructure.Html;

namespace AreaPartnerships.IntegrationTests.Budgets;

/// <summary>
/// Concurrent spends can never overspend: many managers (and one manager in several tabs) spending from the same
/// budget at the same moment, through the real form against a real SQLite file. Exactly as many are accepted as
/// the money covers; every other is refused with the balance; the ledger and the budget's total agree.
/// </summary>
public sealed class ParallelSpendTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Twenty_parallel_spends_of_100_against_1000_accept_exactly_ten_and_refuse_ten_with_the_balance()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var managers = new[] { world.People.AreaManagerA.Id, world.People.PartnershipManager.Id, world.People.AreaManagerA.Id, world.People.AreaManagerA.Id };
        var clients = Enumerable.Range(0, 20).Select(i => app.ClientFor(managers[i % managers.Length])).ToList();

        var responses = await ParallelPosts.PostTogetherAsync(clients, NewUrl(budget.Id), i => SpendFields("100", purpose: $"Parallel spend {i}"));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(10, refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var message = FieldError(await Html.ReadAsync(response), "Amount");
            Assert.Matches(@"^There is £\d+\.00 left in \d{4}/\d{2}'s budget: this would take it below £0\.00", message);
        }

        var stored = await StoredAsync(app, budget.Id);
        Assert.Equal((1_000m, 0m), (stored.Spent, stored.Balance));
        var ledger = await LedgerAsync(app, budget.Id);
        Assert.Equal(10, ledger.Count);
        Assert.Equal(1_000m, ledger.Sum(e => e.Amount));
        Assert.All(ledger, e => Assert.Equal((LedgerEntryKind.Spend, 100m), (e.Kind, e.Amount)));
    }

    [Fact]
    public async Task Parallel_spends_reversals_and_corrections_keep_the_balance_at_or_above_zero_and_the_ledger_and_total_agree()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var first = await SpendAsync(app, manager, budget.Id, "300");
        var second = await SpendAsync(app, manager, budget.Id, "200");

        // Twelve spends of 100 (500 left, so at least five refused), two reversals of the same 300 spend (one must be
        // refused), and a correction of the 200 spend down by 50, all released together.
        var managers = new[] { world.People.AreaManagerA.Id, world.People.PartnershipManager.Id };
        var spendClients = Enumerable.Range(0, 12).Select(i => app.ClientFor(managers[i % 2])).ToList();
        var reverseClients = Enumerable.Range(0, 2).Select(i => app.ClientFor(managers[i])).ToList();
        var correctClient = new[] { app.ClientFor(world.People.PartnershipManager.Id) };

        var spends = ParallelPosts.PostTogetherAsync(spendClients, NewUrl(budget.Id), i => SpendFields("100", purpose: $"Mixed spend {i}"));
        var reversals = ParallelPosts.PostTogetherAsync(reverseClients, AdjustUrl(budget.Id, first.Id), _ => AdjustFields(null, "Paid twice"));
        var corrections = ParallelPosts.PostTogetherAsync(correctClient, AdjustUrl(budget.Id, second.Id), _ => AdjustFields("-50", "Discount given"));
        var all = await Task.WhenAll(spends, reversals, corrections);

        Assert.All(all.SelectMany(r => r), r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.BadRequest }));
        Assert.Equal(1, all[1].Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(HttpStatusCode.Redirect, all[2][0].StatusCode);
        var acceptedSpends = all[0].Count(r => r.StatusCode == HttpStatusCode.Redirect);

        // 500 + (up to 300 back) + 50 back: between five and eight spends of 100 fit, depending on the order.
        Assert.InRange(acceptedSpends, 5, 8);
        var ledger = await LedgerAsync(app, budget.Id);
        var stored = await StoredAsync(app, budget.Id);
        Assert.Equal(ledger.Sum(e => e.Amount), stored.Spent);
        Assert.Equal(500m - 300m - 50m + (acceptedSpends * 100m), stored.Spent);
        Assert.True(stored.Balance >= 0);
        Assert.Equal(2 + acceptedSpends + 2, ledger.Count);
        Assert.Single(ledger, e => e.Kind == LedgerEntryKind.Reversal && e.AdjustsSpendId == first.Id && e.Amount == -300m);
        Assert.Single(ledger, e => e.Kind == LedgerEntryKind.Correction && e.AdjustsSpendId == second.Id && e.Amount == -50m);
    }

    [Fact]
    public async Task Two_reversals_of_the_same_spend_at_once_record_one()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var spend = await SpendAsync(app, app.ClientFor(world.People.AreaManagerA.Id), budget.Id, "400");
        var clients = Enumerable.Range(0, 6).Select(i => app.ClientFor(i % 2 == 0 ? world.People.AreaManagerA.Id : world.People.PartnershipManager.Id)).ToList();

        var responses = await ParallelPosts.PostTogetherAsync(clients, AdjustUrl(budget.Id, spend.Id), _ => AdjustFields(null, "Cancelled order"));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(0m, (await StoredAsync(app, budget.Id)).Spent);
        Assert.Equal(2, (await LedgerAsync(app, budget.Id)).Count);
    }

    /// <summary>A correction (a change given) or a reversal (null), dated today.</summary>
    public static List<KeyValuePair<string, string>> AdjustFields(string? change, string reason, DateOnly? on = null)
    {
        var date = on ?? Today;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Kind", change is null ? "Reverse" : "Correct"), new("Reason", reason),
            new("SpentOnDay", Id(date.Day)), new("SpentOnMonth", Id(date.Month)), new("SpentOnYear", Id(date.Year)),
        };
        if (change is not null)
        {
            fields.Add(new("Change", change));
        }

        return fields;
    }
}
