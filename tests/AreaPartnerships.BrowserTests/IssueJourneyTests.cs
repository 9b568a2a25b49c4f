using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class IssueJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Councillor_raises_an_issue_that_the_area_manager_triages_steps_up_and_resolves()
    {
        var title = $"Drug dealing from the empty shop on Caldmore Road {Guid.NewGuid():N}"[..60];

        // The councillor raises it; a blank form is refused first, with nothing lost.
        var councillor = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(councillor, "councillor@demo.walsall.test");
        await councillor.GetByRole(AriaRole.Link, new() { Name = "Raise an issue" }).First.ClickAsync();
        await Assertions.Expect(councillor.Locator("h1")).ToHaveTextAsync("Raise an issue");
        await councillor.AssertAccessibleAsync();
        await councillor.GetByLabel("Title").FillAsync(title);
        await councillor.GetByRole(AriaRole.Button, new() { Name = "Raise issue" }).ClickAsync();
        await Assertions.Expect(councillor.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a description of the issue");
        await Assertions.Expect(councillor.GetByLabel("Title")).ToHaveValueAsync(title);
        await councillor.AssertAccessibleAsync();

        await councillor.GetByLabel("Description").FillAsync("Residents report dealing every evening from the boarded-up shop; the landlord cannot be traced.");
        await councillor.GetByLabel("Ward").SelectOptionAsync(new SelectOptionValue { Label = "St Matthew's (South Walsall)" });
        await councillor.GetByLabel("Postcode (optional)").FillAsync("ws1 3ea");
        await councillor.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Crime and drugs" });
        await councillor.GetByLabel("Resident", new() { Exact = true }).CheckAsync();
        await councillor.GetByRole(AriaRole.Button, new() { Name = "Raise issue" }).ClickAsync();
        await Assertions.Expect(councillor.Locator(".govuk-notification-banner")).ToContainTextAsync("raised");
        await Assertions.Expect(councillor.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(councillor.Locator("[data-testid=timeline]")).ToContainTextAsync("Raised");
        await councillor.AssertAccessibleAsync();
        var reference = ReferencePattern().Match(councillor.Url).Value;
        Assert.False(string.IsNullOrEmpty(reference), $"the issue page's address carries its reference: {councillor.Url}");

        // The area manager finds it in the triage inbox and triages it at Level 2, owning it.
        var manager = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(manager, "area.manager@demo.walsall.test");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Triage" }).First.ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Issues waiting for triage");
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-back-link")).ToHaveTextAsync("Back to issues waiting for triage");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Triage" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Triage");
        await Assertions.Expect(manager.Locator(".govuk-back-link")).ToHaveTextAsync("Back to issues waiting for triage");
        await manager.AssertAccessibleAsync();

        // Level 2 without an owner is refused, and the choice and reason are kept.
        await manager.GetByLabel(new Regex("^Level 2")).CheckAsync();
        await manager.GetByLabel("Why this level?").FillAsync("Needs the police and housing together: a task for the partnership.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save triage" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("Select who owns the issue");
        await Assertions.Expect(manager.GetByLabel(new Regex("^Level 2"))).ToBeCheckedAsync();
        await Assertions.Expect(manager.GetByLabel("Why this level?")).ToHaveValueAsync("Needs the police and housing together: a task for the partnership.");
        await manager.AssertAccessibleAsync();
        await manager.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Priya Sharma (Area manager)" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save triage" }).ClickAsync();
        // Triage is a queue: saving moves on to the next issue waiting (or the empty inbox), naming the one just triaged.
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync($"{reference} triaged at Level 2");
        await manager.AssertAccessibleAsync();
        await manager.GotoAsync($"/issues/{reference}");
        await Assertions.Expect(manager.Locator("[data-testid=issue-summary]")).ToContainTextAsync("Priya Sharma");

        // It proves more serious: stepped up to Level 3, led by the police.
        await manager.GetByRole(AriaRole.Button, new() { Name = "Step up" }).ClickAsync();
        await manager.AssertAccessibleAsync();
        await manager.GetByLabel(new Regex("^Level 3")).CheckAsync();
        await manager.GetByLabel(new Regex("^Why is the issue being")).FillAsync("Organised supply across several addresses: the police must lead.");
        await manager.GetByLabel("Owner in the lead organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "PC Mark Davies (West Midlands Police)" });
        await manager.GetByLabel("Lead organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "West Midlands Police" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Step up the issue" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync("Issue stepped up to Level 3");
        await Assertions.Expect(manager.Locator("[data-testid=timeline]")).ToContainTextAsync("Stepped up from Level 2 to Level 3");
        await Assertions.Expect(manager.Locator("[data-testid=timeline]")).ToContainTextAsync("Level: Level 2 → Level 3");
        await manager.AssertAccessibleAsync();

        // Resolving without an outcome is refused; with one, it is resolved.
        await manager.GetByRole(AriaRole.Button, new() { Name = "Update status" }).ClickAsync();
        await manager.AssertAccessibleAsync();
        await manager.GetByLabel("Resolve it, with the outcome").CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the outcome");
        await Assertions.Expect(manager.GetByLabel("Resolve it, with the outcome")).ToBeCheckedAsync();
        await manager.GetByLabel("Outcome or reason").FillAsync("Closure order granted; the shop is sealed and the landlord traced.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync("Issue resolved");
        await Assertions.Expect(manager.Locator("[data-testid=issue-summary]")).ToContainTextAsync("Closure order granted");
        await manager.AssertAccessibleAsync();

        // The councillor follows it: resolved, with the whole story on the timeline.
        await councillor.ReloadAsync();
        await Assertions.Expect(councillor.Locator("strong.govuk-tag").First).ToHaveTextAsync("Resolved");
        var timeline = councillor.Locator("[data-testid=timeline]");
        foreach (var step in new[] { "Raised", "Triaged at Level 2", "Stepped up from Level 2 to Level 3", "Resolved" })
        {
            await Assertions.Expect(timeline).ToContainTextAsync(step);
        }
    }

    [Fact]
    public async Task Partnership_manager_filters_sorts_and_pages_the_case_list()
    {
        var page = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "partnership.manager@demo.walsall.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Issues", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Issues");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Area").SelectOptionAsync(new SelectOptionValue { Label = "South Walsall" });
        await page.GetByLabel("Open issues only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Area")).ToHaveValueAsync(new Regex("^[0-9]+$"));
        await Assertions.Expect(page.GetByLabel("Open issues only")).ToBeCheckedAsync();
        var rows = page.Locator("[data-testid=issues] tbody tr");
        Assert.True(await rows.CountAsync() > 0, "South Walsall has open demo issues");
        foreach (var ward in await page.Locator("[data-testid=issues] tbody tr td:nth-child(7)").AllInnerTextsAsync())
        {
            Assert.Contains("South Walsall", ward, StringComparison.Ordinal);
        }

        foreach (var status in await page.Locator("[data-testid=issues] tbody tr td:nth-child(4)").AllInnerTextsAsync())
        {
            Assert.Contains(status.Trim(), new[] { "New", "Triaged", "In progress" });
        }

        // Sorting by reference keeps the filters and orders the rows.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reference (sort)" }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Reference");
        await Assertions.Expect(page.GetByLabel("Open issues only")).ToBeCheckedAsync();
        var references = await page.Locator("[data-testid=issues] tbody tr td:nth-child(1)").AllInnerTextsAsync();
        Assert.Equal(references.Order(StringComparer.Ordinal), references);
        await page.AssertAccessibleAsync();

        // A filter that matches nothing says so; clearing the filters brings every issue back, paged.
        await page.GetByLabel("Reference or title").FillAsync("nothing is called this");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=no-issues]")).ToHaveTextAsync("No issues match these filters.");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        var firstPage = await page.Locator("[data-testid=issues] tbody tr td:nth-child(1)").AllInnerTextsAsync();
        Assert.Equal(25, firstPage.Count);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Previous" }).CountAsync());

        // Pages are read by key: next, then previous, comes back to the same page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("After=AP-"));
        var secondPage = await page.Locator("[data-testid=issues] tbody tr td:nth-child(1)").AllInnerTextsAsync();
        Assert.Empty(secondPage.Intersect(firstPage));
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Previous" }).ClickAsync();
        Assert.Equal(firstPage, await page.Locator("[data-testid=issues] tbody tr td:nth-child(1)").AllInnerTextsAsync());
    }

    [GeneratedRegex("AP-[0-9]{4}-[0-9]{5}")]
    private static partial Regex ReferencePattern();
}
