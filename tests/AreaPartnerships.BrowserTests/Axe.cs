using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

public static class Axe
{
    /// <summary>Runs axe on the page as it stands and fails with the violations listed (WCAG 2.2 AA rule set).</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var results = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions
            {
                Type = "tag",
                Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            },
        });
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");
        Assert.True(results.Violations.Length == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", violations)}");
    }
}
