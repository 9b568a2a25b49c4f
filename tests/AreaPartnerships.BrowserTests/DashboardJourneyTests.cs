using System.Globalization;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Partnership_manager_filters_the_dashboard_by_period_and_area_follows_a_figure_to_its_issues_and_downloads_a_table()
    {
        var page = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "partnership.manager@demo.walsall.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Borough dashboard");
        await Assertions.Expect(page.Locator(".app-chart").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // This quarter, South Walsall.
        await page.GetByLabel("This quarter", new() { Exact = true }).CheckAsync();
        await page.Locator("#AreaId").SelectOptionAsync(new SelectOptionValue { Label = "South Walsall" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dashboard" }).ClickAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));
        var quarter = new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1);
        var british = CultureInfo.GetCultureInfo("en-GB");
        await Assertions.Expect(page.Locator("[data-testid=period]"))
            .ToHaveTextAsync($"{quarter.ToString("d MMMM yyyy", british)} to {quarter.AddMonths(3).AddDays(-1).ToString("d MMMM yyyy", british)}");
        await Assertions.Expect(page.Locator("[data-testid=scope-areas]")).ToHaveTextAsync("South Walsall");
        await Assertions.Expect(page.Locator("[data-testid='table-open-by-area-level'] tbody tr")).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();

        // The open issues in South Walsall: the figure is the number of rows behind its link.
        var total = page.Locator("[data-testid='table-open-by-area-level'] tbody tr td").Last;
        var open = int.Parse((await total.Locator("a").InnerTextAsync()).Split(':')[0].Trim(), CultureInfo.InvariantCulture);
        Assert.InRange(open, 1, 25);

        // Its CSV: the same row, plain numbers.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download ‘Open issues by area and level’ (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("Area,Level 1,Level 2,Level 3,Level 4,Not triaged,Total", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains($",{open}\r\n", csv, StringComparison.Ordinal);

        await total.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Issues");
        await Assertions.Expect(page.Locator("main tbody tr")).ToHaveCountAsync(open);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Area_manager_writes_and_submits_the_quarters_highlight_report_and_the_partnership_manager_sees_it_submitted()
    {
        var page = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "area.manager@demo.walsall.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Area highlight reports" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.Locator("[data-testid=report-link]", new() { HasText = "South Walsall" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=write]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // Submitting with nothing written is refused, on the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the Borough Management Team" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Achievements").FillAsync("Caldmore family helped early; fly-tipping hotspot cleared.");
        await page.GetByLabel("Risks and issues").FillAsync("Housing capacity for Level 3 cases.");
        await page.GetByLabel("Asks of the Borough Management Team").FillAsync("A named housing lead for the task group.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the Borough Management Team" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Figures as at");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("A named housing lead for the task group.");
        await Assertions.Expect(page.Locator("[data-testid=write]")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        var manager = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(manager, "partnership.manager@demo.walsall.test");
        await manager.GotoAsync("/highlight-reports");
        await Assertions.Expect(manager.Locator("tr", new() { HasText = "South Walsall" })).ToContainTextAsync("Submitted");
        await manager.AssertAccessibleAsync();
    }
}
