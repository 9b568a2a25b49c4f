using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.ValueForMoney.ValueWorld;

namespace AreaPartnerships.IntegrationTests.ValueForMoney;

/// <summary>The value-for-money report kept by the data version (docs/decisions/0029), over <see cref="ValueWorld"/>.</summary>
public sealed class KeptReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_report_is_served_without_reading_a_figure_until_a_change_and_then_counts_it()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.People.PartnershipManager.Id);
        var url = "/value-for-money?" + Period(w.AreaA);
        Assert.Equal("£897.00", Cell(await client.GetDocumentAsync(url), "[data-testid=total-spent]"));

        // Kept: the data version and the person's areas, no figure.
        var signIn = await IssuePages.SignInCommandsAsync(app, client);
        app.Commands.Reset();
        var kept = await client.GetDocumentAsync(url);
        Assert.Equal(2, app.Commands.Count - signIn);
        Assert.Equal("£897.00", Cell(kept, "[data-testid=total-spent]"));

        // A cost recorded on an issue in area A in the period (a save): counted on the next request.
        await w.CostAsync(app, w.Issue2.Id, w.People.Police, 100m, new DateOnly(2025, 1, 15));
        app.Commands.Reset();
        var changed = await client.GetDocumentAsync(url);
        Assert.True(app.Commands.Count - signIn > 2, "The report was not worked out again after the change.");
        Assert.Equal("£997.00", Cell(changed, "[data-testid=total-spent]"));

        // A quick-win spend (the ledger's conditional update, in the transaction of its save): counted too.
        var budget = await app.WithDbAsync(db => db.QuickWinBudgets.AsNoTracking().Where(b => b.AreaId == w.AreaA).OrderBy(b => b.Id).FirstAsync());
        await w.SpendAsync(app, budget, 3m, new DateOnly(2024, 7, 1), w.Issue1.Id);
        Assert.Equal("£1,000.00", Cell(await client.GetDocumentAsync(url), "[data-testid=total-spent]"));
    }

    [Fact]
    public async Task An_area_manager_is_never_shown_a_report_kept_for_areas_beyond_their_own()
    {
        var w = await CreateAsync(app);
        var both = "/value-for-money?" + Period(w.AreaA, w.AreaB);

        // The partnership manager's report for areas A and B (area B's £5,000.00 spend included) is kept first.
        Assert.Equal("£5,897.00", Cell(await app.ClientFor(w.People.PartnershipManager.Id).GetDocumentAsync(both), "[data-testid=total-spent]"));

        // The same address for area A's manager: area B is not theirs, so it is left out, and A's own figures are shown.
        Assert.Equal("£897.00", Cell(await app.ClientFor(w.People.AreaManagerA.Id).GetDocumentAsync(both), "[data-testid=total-spent]"));
    }
}
