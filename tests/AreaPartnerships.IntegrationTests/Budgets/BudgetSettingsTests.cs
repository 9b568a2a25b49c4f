using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Budgets;

public sealed class BudgetSettingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_administrator_sets_and_clears_the_ceiling_for_one_spend()
    {
        var world = await BudgetWorld.CreateAsync(app);
        var client = app.ClientFor(world.Administrator.Id);

        var bad = await IssueWorld.PostWithVersionAsync(client, "/budgets/settings", [new("Ceiling", "abc")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await Html.ReadAsync(bad);
        Assert.Equal("Enter the ceiling in pounds and pence, like 2,500.00, or leave it empty for no ceiling", Html.FieldError(page, "Ceiling"));
        Assert.Equal("abc", page.QuerySelector("#Ceiling")!.GetAttribute("value"));

        var set = await IssueWorld.PostWithVersionAsync(client, "/budgets/settings", [new("Ceiling", "£2,500")]);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(2_500m, await CeilingAsync());
        Assert.Equal("2,500.00", (await client.GetDocumentAsync("/budgets/settings")).QuerySelector("#Ceiling")!.GetAttribute("value"));

        await IssueWorld.PostWithVersionAsync(client, "/budgets/settings", [new("Ceiling", "")]);
        Assert.Null(await CeilingAsync());
    }

    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Only_the_administrator_may_set_the_ceiling(string role)
    {
        var world = await BudgetWorld.CreateAsync(app);
        var client = app.ClientFor(world.User(role).Id);
        var before = await CeilingAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/budgets/settings", UriKind.Relative))).StatusCode);
        var forged = await client.PostFormAsync("/", [new("Ceiling", "1")], "/budgets/settings");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(before, await CeilingAsync());
    }

    private Task<decimal?> CeilingAsync() =>
        app.WithDbAsync(db => db.QuickWinSettings.AsNoTracking().Where(s => s.Id == QuickWinSettings.SingletonId).Select(s => s.SpendCeiling).SingleOrDefaultAsync());
}
