using System.Globalization;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class QuickWinJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Partnership_manager_changes_an_allocation_the_area_manager_spends_and_an_overspend_is_refused_with_the_balance()
    {
        var purpose = $"Skip for the Pleck clean-up {Guid.NewGuid():N}"[..40];

        // The partnership manager sees every area side by side and cuts Darlaston & Bentley's allocation (£900 already spent).
        var manager = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(manager, "partnership.manager@demo.walsall.test");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Quick wins", Exact = true }).First.ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Quick-win budgets");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("South Walsall");
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Darlaston & Bentley", Exact = true }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Quick-win ledger");
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Change the allocation" }).ClickAsync();
        await manager.GetByLabel("New allocation in pounds").FillAsync("abc");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Change allocation" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByLabel("New allocation in pounds")).ToHaveValueAsync("abc");
        await manager.AssertAccessibleAsync();
        await manager.GetByLabel("New allocation in pounds").FillAsync("£2,500");
        await manager.GetByLabel("Why is it changing?").FillAsync("Money moved to the winter clean-up, agreed at the Borough Management Team");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Change allocation" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("£2,500.00");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Money moved to the winter clean-up");
        await manager.AssertAccessibleAsync();

        // Darlaston & Bentley's area manager records a spend: the form shows the balance before, the banner after.
        var east = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(east, "area.manager.east@demo.walsall.test");
        await east.GetByRole(AriaRole.Link, new() { Name = "Quick wins", Exact = true }).First.ClickAsync();
        await east.GetByRole(AriaRole.Link, new() { Name = "Darlaston & Bentley", Exact = true }).ClickAsync();
        await east.GetByRole(AriaRole.Button, new() { Name = "Record a spend" }).Or(east.GetByRole(AriaRole.Link, new() { Name = "Record a spend" })).First.ClickAsync();
        await Assertions.Expect(east.Locator("h1")).ToContainTextAsync("Record a spend");
        await Assertions.Expect(east.Locator("main")).ToContainTextAsync("Balance");
        await east.AssertAccessibleAsync();
        var today = DateTime.UtcNow;
        await east.GetByLabel("Day").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await east.GetByLabel("Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await east.GetByLabel("Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await east.GetByLabel("Amount, in pounds").FillAsync("£1,250");
        await east.GetByLabel("Payee", new() { Exact = true }).FillAsync("Walsall Skip Hire Ltd");
        await east.GetByLabel("Purpose").FillAsync(purpose);
        await east.GetByRole(AriaRole.Button, new() { Name = "Record the spend" }).ClickAsync();
        await Assertions.Expect(east.Locator(".govuk-notification-banner")).ToContainTextAsync("£1,250.00");
        await Assertions.Expect(east.Locator("main")).ToContainTextAsync(purpose);
        await east.AssertAccessibleAsync();

        // Spending more than the £350.00 left is refused, saying what is left, with what was typed kept.
        await east.GetByRole(AriaRole.Button, new() { Name = "Record a spend" }).Or(east.GetByRole(AriaRole.Link, new() { Name = "Record a spend" })).First.ClickAsync();
        await east.GetByLabel("Day").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await east.GetByLabel("Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await east.GetByLabel("Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await east.GetByLabel("Amount, in pounds").FillAsync("400");
        await east.GetByLabel("Payee", new() { Exact = true }).FillAsync("Walsall Skip Hire Ltd");
        await east.GetByLabel("Purpose").FillAsync("Too much");
        await east.GetByRole(AriaRole.Button, new() { Name = "Record the spend" }).ClickAsync();
        await Assertions.Expect(east.Locator(".govuk-error-summary")).ToContainTextAsync("£350.00");
        await Assertions.Expect(east.GetByLabel("Amount, in pounds")).ToHaveValueAsync("400");
        await east.AssertAccessibleAsync();

        // The ledger downloads as CSV for finance.
        await east.GotoAsync("/budgets");
        await east.GetByRole(AriaRole.Link, new() { Name = "Darlaston & Bentley", Exact = true }).ClickAsync();
        var ledgerUrl = new Uri(east.Url);
        var csv = await east.APIRequest.GetAsync($"{ledgerUrl.AbsolutePath.TrimEnd('/')}/ledger.csv");
        Assert.Equal(200, csv.Status);
        Assert.Contains("1250.00", await csv.TextAsync(), StringComparison.Ordinal);

        // A councillor gets no ledger.
        var councillor = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(councillor, "councillor@demo.walsall.test");
        var refused = await councillor.GotoAsync(ledgerUrl.AbsolutePath);
        Assert.Equal(404, refused!.Status);
    }
}
