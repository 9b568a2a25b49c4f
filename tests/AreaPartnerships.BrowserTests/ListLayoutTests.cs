using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

/// <summary>
/// Issue 9, finding 10: at 1280 px the case list's table was 1355 px wide (Due, Ward and Owner off-screen) and on a
/// phone the page was 671 px wide. Case-working lists use the full width of the screen; at 1280 px nothing scrolls
/// sideways, and at 320 CSS px the page reflows (WCAG 2.2 1.4.10): tables become stacked rows and the filter is usable.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ListLayoutTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task The_case_list_the_triage_inbox_and_an_issue_fit_the_screen_with_no_sideways_scrolling(int width)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await SignInJourneyTests.SignInAsync(page, "partnership.manager@demo.walsall.test");

        foreach (var url in new[] { "/issues", "/issues?Sort=target&Dir=asc&OpenOnly=true", "/issues/triage" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("[data-testid=issues] tbody tr").First).ToBeVisibleAsync();
            await AssertFitsAsync(page, width);
            await page.AssertAccessibleAsync();
        }

        // An issue page: summary, related issues and the timeline.
        await page.GotoAsync("/issues");
        await page.Locator("[data-testid=issues] tbody tr td a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToBeVisibleAsync();
        await AssertFitsAsync(page, width);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task At_1280_px_the_list_uses_the_full_width_and_every_column_is_on_screen()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await SignInJourneyTests.SignInAsync(page, "partnership.manager@demo.walsall.test");
        await page.GotoAsync("/issues");

        var main = await page.Locator("main").BoundingBoxAsync();
        var headers = await page.Locator("[data-testid=issues] thead th").EvaluateAllAsync<double[]>("ths => ths.map(th => th.getBoundingClientRect().right)");
        var labels = await page.Locator("[data-testid=issues] thead th").AllInnerTextsAsync();

        Assert.True(main!.Width > 1100, $"the main column is {main.Width} px wide at 1280 px: list pages use the full width");
        Assert.Equal(8, headers.Length);
        Assert.All(headers, right => Assert.True(right <= 1280, $"a column ends at {right} px"));
        Assert.Contains(labels, l => l.StartsWith("Due", StringComparison.Ordinal));
        Assert.Contains("Ward", labels);
        Assert.Contains("Owner or service", labels);
    }

    [Fact]
    public async Task At_320_px_the_filter_is_in_the_page_and_works_and_rows_are_stacked_with_their_labels()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(320, 700);
        await SignInJourneyTests.SignInAsync(page, "partnership.manager@demo.walsall.test");
        await page.GotoAsync("/issues");

        // The filter does not cover the page (the MoJ small-screen overlay needs a toggle this service does not use).
        await Assertions.Expect(page.Locator("h1")).ToBeInViewportAsync();
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "New" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Status=New"));
        await AssertFitsAsync(page, 320);

        var firstRow = page.Locator("[data-testid=issues] tbody tr").First;
        var display = await firstRow.Locator("td").First.EvaluateAsync<string>("td => getComputedStyle(td).display");
        var label = await firstRow.Locator("td").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content");
        Assert.Equal("block", display);
        Assert.Contains("Reference", label, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task The_category_administration_pages_fit_and_are_accessible(int width)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await SignInJourneyTests.SignInAsync(page, "admin@demo.walsall.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Categories" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Categories");
        await AssertFitsAsync(page, width);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a category" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save category" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the category's name");
        await AssertFitsAsync(page, width);
        await page.AssertAccessibleAsync();

        var name = $"Illegal money lending {Guid.NewGuid():N}"[..30];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync($"illegal-lending-{Guid.NewGuid():N}"[..30]);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Financial inclusion")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save category" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Category “{name}” added");
        await Assertions.Expect(page.Locator("[data-testid=categories]")).ToContainTextAsync(name);
    }

    [Theory]
    [InlineData("partnership.manager@demo.walsall.test", 1280)]
    [InlineData("partnership.manager@demo.walsall.test", 320)]
    [InlineData("area.manager@demo.walsall.test", 320)]
    public async Task The_home_pages_counts_fit_the_screen_and_are_accessible(string email, int width)
    {
        // The borough's table of counts per area was 419 px wide on a 390 px phone: it now stacks like the lists.
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await SignInJourneyTests.SignInAsync(page, email);
        await Assertions.Expect(page.Locator("[data-testid=home-scope]")).ToBeVisibleAsync();
        await AssertFitsAsync(page, width);
        await page.AssertAccessibleAsync();
    }

    /// <summary>Nothing scrolls sideways: the document is no wider than the viewport, and no table is wider than the box it sits in.</summary>
    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var viewport = await page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.Equal(width, viewport);
        Assert.True(scrollWidth <= viewport, $"{page.Url} is {scrollWidth} px wide in a {viewport} px viewport");
        var overflowing = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().right > window.innerWidth + 0.5 || t.parentElement.scrollWidth > t.parentElement.clientWidth + 1).map(t => t.dataset.testid || t.className)");
        Assert.True(overflowing.Length == 0, $"{page.Url}: tables wider than their space: {string.Join(", ", overflowing)}");
    }
}
