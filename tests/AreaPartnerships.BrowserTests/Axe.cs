using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

public static class Axe
{
    /// <summary>
    /// The radios and checkboxes that reveal more fields (GOV.UK's conditional reveal). GOV.UK Frontend's own
    /// script sets <c>aria-expanded</c> on them, a pattern GOV.UK tested with users, which axe's
    /// <c>aria-allowed-attr</c> rule does not allow on a radio or checkbox. Those inputs get every other rule;
    /// that one rule alone is left off for them alone.
    /// </summary>
    private const string Reveals = ".govuk-radios__input[aria-controls], .govuk-checkboxes__input[aria-controls]";

    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Runs axe on the page as it stands and fails with the violations listed (WCAG 2.2 AA rule set).</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } };
        var hasReveals = await page.Locator(Reveals).CountAsync() > 0;
        var results = hasReveals
            ? await page.RunAxe(new AxeRunContext { Exclude = [new AxeSelector(Reveals)] }, options)
            : await page.RunAxe(options);
        var violations = results.Violations.ToList();
        if (hasReveals)
        {
            var revealOptions = new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
                Rules = new Dictionary<string, RuleOptions> { ["aria-allowed-attr"] = new() { Enabled = false } },
            };
            violations.AddRange((await page.RunAxe(new AxeRunContext { Include = [new AxeSelector(Reveals)] }, revealOptions)).Violations);
        }

        var lines = violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");
        Assert.True(violations.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", lines)}");
    }
}
