using System.Globalization;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

/// <summary>The home pages lead somewhere: a count is a link to the list of exactly those issues.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Area_manager_follows_a_worklist_count_to_the_issues_behind_it()
    {
        var page = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "area.manager@demo.walsall.test");

        var followUps = page.Locator("[data-testid=worklist-FollowUpDue] a[data-testid=count]");
        await Assertions.Expect(page.Locator("[data-testid=worklist]")).ToBeVisibleAsync();
        var count = int.Parse((await followUps.Locator("span").TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
        await page.AssertAccessibleAsync();

        await followUps.ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Issues");
        await Assertions.Expect(page.Locator("input[name=FollowUpDue]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-testid=issues] tbody tr")).ToHaveCountAsync(count);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Partnership_manager_sees_borough_totals_and_follows_an_areas_count()
    {
        var page = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "partnership.manager@demo.walsall.test");

        await Assertions.Expect(page.Locator("[data-testid=home-total]")).ToContainTextAsync("Whole borough");
        await page.AssertAccessibleAsync();
        var southOpen = page.Locator("[data-testid=home-scope] tbody tr", new() { HasText = "South Walsall" }).Locator("td[data-column=Open] a");
        var count = int.Parse((await southOpen.InnerTextAsync()).Split(' ', '\n')[0], CultureInfo.InvariantCulture);

        await southOpen.ClickAsync();

        await Assertions.Expect(page.Locator("input[name=OpenOnly]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-testid=issues] tbody tr")).ToHaveCountAsync(Math.Min(count, 25));
    }
}
