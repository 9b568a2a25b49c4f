using System.Globalization;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CostJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_adds_a_unit_cost_the_area_manager_records_a_cost_and_an_estimate_line_and_value_for_money_shows_the_agency_split()
    {
        var unitName = $"Street drinking dispersal {Guid.NewGuid():N}"[..34];

        // The administrator keeps the unit-cost table: a police cost, with its source.
        var admin = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(admin, "admin@demo.walsall.test");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Unit costs", Exact = true }).First.ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Unit costs");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("A child taken into care");
        await admin.AssertAccessibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add a unit cost" }).Or(admin.GetByRole(AriaRole.Link, new() { Name = "Add a unit cost" })).First.ClickAsync();
        await admin.GetByLabel("Name").FillAsync(unitName);
        await admin.GetByLabel("Value, in pounds").FillAsync("£120");
        await admin.GetByLabel("Unit", new() { Exact = true }).FillAsync("per dispersal");
        await admin.GetByLabel("Police", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("Source (optional)").FillAsync("Browser test figure");
        await admin.AssertAccessibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save unit cost" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync(unitName);

        // The area manager reads this year's value for money, then follows the figures to the St Matthew's family's issue.
        var page = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "area.manager@demo.walsall.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Quick wins", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Value for money: spent against cost avoided" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Value for money");
        await page.AssertAccessibleAsync();
        var spentBefore = Pounds(await page.Locator("[data-testid=total-spent]").InnerTextAsync());
        var avoidedBefore = Pounds(await page.Locator("[data-testid=total-avoided]").InnerTextAsync());
        Assert.True(avoidedBefore >= 52_097m, $"The St Matthew's family's £52,097.00 is in this year's figures (was {avoidedBefore})");
        await Assertions.Expect(page.Locator("[data-testid=low-confidence]")).ToContainTextAsync("£5,400.00");

        await page.Locator("[data-testid=total-issues] a").ClickAsync();
        await page.AssertAccessibleAsync();
        await page.Locator("tbody tr", new() { HasText = "Family in Caldmore helped early by a lead professional" }).GetByRole(AriaRole.Link).First.ClickAsync();
        var panel = page.Locator("#costs-and-value").Locator("..");
        await Assertions.Expect(panel).ToContainTextAsync("£52,097.00");
        await Assertions.Expect(panel).ToContainTextAsync("£347.00");
        await page.AssertAccessibleAsync();
        var issueUrl = new Uri(page.Url).AbsolutePath;

        // A cost from the table: two dispersals by the police.
        await page.GetByRole(AriaRole.Link, new() { Name = "View and record costs" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Costs on");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a cost" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Record a cost" })).First.ClickAsync();
        await page.GetByLabel("Organisation that bore the cost").SelectOptionAsync(new SelectOptionValue { Label = "West Midlands Police" });
        await page.GetByLabel("A unit cost from the table").CheckAsync();
        var unitOption = await page.Locator("#UnitCostId option", new() { HasText = unitName }).GetAttributeAsync("value");
        await page.GetByLabel("Unit cost", new() { Exact = true }).SelectOptionAsync(unitOption!);
        await page.GetByLabel("Quantity").FillAsync("2");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the cost" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("£240.00");
        await page.AssertAccessibleAsync();

        // An estimate line: a bad chance is refused with what was typed kept, then three dispersals at 50%.
        await page.GotoAsync(issueUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "View the estimate" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cost-avoidance estimate");
        await Assertions.Expect(page.Locator("[data-testid=lines]")).ToContainTextAsync("A child taken into care");
        await page.AssertAccessibleAsync();
        var lineOption = await page.Locator("#UnitCostId option", new() { HasText = unitName }).GetAttributeAsync("value");
        await page.GetByLabel("Unit cost", new() { Exact = true }).SelectOptionAsync(lineOption!);
        await page.GetByLabel("Quantity").FillAsync("3");
        await page.GetByLabel("Chance it would have happened").FillAsync("often");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the line" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Chance it would have happened")).ToHaveValueAsync("often");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Chance it would have happened").FillAsync("50%");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the line" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("£180.00");
        await Assertions.Expect(page.Locator("[data-testid=totals] [data-testid=avoided]")).ToContainTextAsync("£52,277.00");
        var police = page.Locator("[data-testid=by-agency] tbody tr", new() { HasText = "Police" });
        await Assertions.Expect(police.Locator("[data-testid=spent]")).ToHaveTextAsync("£240.00");
        await Assertions.Expect(police.Locator("[data-testid=avoided]")).ToHaveTextAsync("£180.00");
        await page.AssertAccessibleAsync();

        // The report moves by exactly what was added, and shows who the saving is for.
        await page.GotoAsync("/value-for-money");
        Assert.Equal(spentBefore + 240m, Pounds(await page.Locator("[data-testid=total-spent]").InnerTextAsync()));
        Assert.Equal(avoidedBefore + 180m, Pounds(await page.Locator("[data-testid=total-avoided]").InnerTextAsync()));
        await Assertions.Expect(page.Locator("[data-testid=shares]")).ToContainTextAsync("Council");
        await Assertions.Expect(page.Locator("[data-testid=shares]")).ToContainTextAsync("Partners");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Police");
        await page.AssertAccessibleAsync();
        var csv = await page.APIRequest.GetAsync("/value-for-money.csv");
        Assert.Equal(200, csv.Status);
        Assert.Contains("Agency", await csv.TextAsync(), StringComparison.Ordinal);

        // A councillor sees neither the report nor the costs on a case.
        var councillor = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(councillor, "councillor@demo.walsall.test");
        Assert.Equal(404, (await councillor.GotoAsync("/value-for-money"))!.Status);
        Assert.Equal(404, (await councillor.GotoAsync($"{issueUrl}/costs"))!.Status);
    }

    private static decimal Pounds(string text) =>
        decimal.Parse(text.Trim().Replace("£", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"));
}
