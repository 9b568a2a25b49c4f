using AreaPartnerships.Domain.Identity;

namespace AreaPartnerships.IntegrationTests.Budgets;

public sealed class LedgerCsvTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_csv_has_iso_dates_plain_amounts_and_one_row_per_entry_with_reversals_negative()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaA, 10_000m);
        var on = BudgetWorld.ThisYear.Starts;
        var spend = await world.SpendAsync(app, budget.Id, 1_234.5m, on, payee: "Smith, J", reference: "=SUM(A1)");
        await world.SpendAsync(app, budget.Id, 20m, on.AddDays(1));
        var reversal = await world.AdjustAsync(app, spend, null, "Paid by mistake");
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var response = await client.GetAsync(new Uri($"/budgets/{budget.Id}/ledger.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 1)
        {
            lines = lines[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        Assert.Equal("Date,Kind,Amount,Payee,Purpose,Reference,Issue reference,Adjusts entry,Reason,Recorded by,Recorded at", lines[0].TrimEnd('\r'));
        Assert.Equal(4, lines.Length);
        var today = BudgetWorld.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"{today},Reversal,-1234.50,\"Smith, J\",Skip for the clear-up,'=SUM(A1),,{spend.Id},Paid by mistake,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{on.AddDays(1):yyyy-MM-dd},Spend,20.00,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith($"{on:yyyy-MM-dd},Spend,1234.50,", lines[3], StringComparison.Ordinal);
        Assert.Matches(@",\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\r?$", lines[3]);
        Assert.True(reversal.Amount < 0);
    }

    [Theory]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Councillors_and_partners_are_refused_the_csv(string role)
    {
        var world = await BudgetWorld.CreateAsync(app);
        var budget = await world.BudgetAsync(app, world.AreaA, 100m);

        var response = await app.ClientFor(world.User(role).Id).GetAsync(new Uri($"/budgets/{budget.Id}/ledger.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
