using AreaPartnerships.Domain.Budgets;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Budgets.SpendWorld;
using static AreaPartnerships.IntegrationTests.Infrastructure.Html;

namespace AreaPartnerships.IntegrationTests.Budgets;

/// <summary>The administrator's ceiling for one spend, set here through the database (its own app and database file: the setting is one row).</summary>
public sealed class SpendCeilingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_spend_over_the_ceiling_is_refused_on_the_amount_and_one_at_the_ceiling_is_recorded()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 10_000m);
        await SetCeilingAsync(500m);
        try
        {
            var client = app.ClientFor(world.People.AreaManagerA.Id);

            var over = await client.PostFormAsync(NewUrl(budget.Id), SpendFields("500.01"));
            Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
            var page = await Html.ReadAsync(over);
            Assert.Equal("One spend can be no more than £500.00 (the ceiling the administrator sets)", FieldError(page, "Amount"));
            Assert.Equal("500.01", page.QuerySelector("#Amount")!.GetAttribute("value"));

            await SpendAsync(app, client, budget.Id, "500");
            Assert.Equal(500m, (await StoredAsync(app, budget.Id)).Spent);
        }
        finally
        {
            await SetCeilingAsync(null);
        }
    }

    private Task SetCeilingAsync(decimal? ceiling) =>
        app.WithDbAsync(async db =>
        {
            var settings = await db.QuickWinSettings.SingleAsync(s => s.Id == QuickWinSettings.SingletonId);
            settings.SetCeiling(ceiling);
            await db.SaveChangesAsync();
        });
}
