using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

/// <summary>The footer's accessibility statement and privacy notice, signed out, on a desktop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HelpPagesJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Both_pages_open_from_the_footer_and_are_accessible(int width)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);

        foreach (var (link, heading) in new[] { ("Accessibility", "Accessibility statement for Area Partnerships"), ("Privacy", "Privacy notice for Area Partnerships") })
        {
            await page.GotoAsync("/account/sign-in");
            await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await page.AssertAccessibleAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{heading} at {width} px scrolls sideways by {overflow} px");
        }
    }
}
