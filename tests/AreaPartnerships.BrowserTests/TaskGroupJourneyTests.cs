using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TaskGroupJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Area_manager_sets_up_a_partner_led_group_whose_police_action_is_completed_by_the_police_and_shows_on_the_issue()
    {
        var name = $"ASB around Williams Street {Guid.NewGuid():N}"[..36];
        var action = $"Visit the six households with the housing officer {Guid.NewGuid():N}"[..58];
        var due = DateTime.UtcNow.AddDays(14);

        // The area plan page is there for the manager, and accessible.
        var manager = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(manager, "area.manager@demo.walsall.test");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Area plans" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Area plans");
        await manager.AssertAccessibleAsync();

        // An open Level 2 issue in South Walsall to work through the group.
        await manager.GotoAsync("/issues?Level=2&OpenOnly=true&Sort=reference&Dir=asc");
        var reference = (await manager.Locator("[data-testid=issues] tbody tr td:first-child a").First.InnerTextAsync()).Trim();

        // Set up the group: a blank form is refused first, then a police-led group.
        await manager.GetByRole(AriaRole.Link, new() { Name = "Task groups" }).ClickAsync();
        await manager.AssertAccessibleAsync();
        await manager.GotoAsync("/task-groups/new");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Set up task group" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await manager.AssertAccessibleAsync();
        await manager.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await manager.GetByLabel("Who leads the group").SelectOptionAsync(new SelectOptionValue { Label = "PC Mark Davies (West Midlands Police)" });
        await manager.GetByLabel("Day").FillAsync(due.Day.ToString(CultureInfo.InvariantCulture));
        await manager.GetByLabel("Month").FillAsync(due.Month.ToString(CultureInfo.InvariantCulture));
        await manager.GetByLabel("Year").FillAsync(due.Year.ToString(CultureInfo.InvariantCulture));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Set up task group" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Led by partner");
        await manager.AssertAccessibleAsync();

        // Link the issue and give the police an action that serves it.
        await manager.GetByLabel("Link an issue").FillAsync(reference);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Link issue" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync(reference);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add an action" }).ClickAsync();
        await manager.AssertAccessibleAsync();
        await manager.GetByLabel("What needs doing?").FillAsync(action);
        await manager.GetByLabel("Who owns it?").SelectOptionAsync(new SelectOptionValue { Label = "PC Mark Davies (West Midlands Police)" });
        await manager.GetByLabel("Day").FillAsync(due.Day.ToString(CultureInfo.InvariantCulture));
        await manager.GetByLabel("Month").FillAsync(due.Month.ToString(CultureInfo.InvariantCulture));
        await manager.GetByLabel("Year").FillAsync(due.Year.ToString(CultureInfo.InvariantCulture));
        await manager.GetByLabel("Issue it serves (optional)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Assertions.Expect(manager.GetByLabel("Issue it serves (optional)").Locator("option:checked")).ToContainTextAsync(reference);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        var groupUrl = manager.Url;

        // The police user finds it under My actions and completes it in two clicks.
        var police = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(police, "police@demo.walsall.test");
        await police.GetByRole(AriaRole.Link, new() { Name = "My actions" }).First.ClickAsync();
        await Assertions.Expect(police.Locator("main")).ToContainTextAsync(name);
        await police.AssertAccessibleAsync();
        await police.GetByRole(AriaRole.Link, new() { Name = $"Update {action}", Exact = true }).ClickAsync();
        await Assertions.Expect(police.Locator("main")).ToContainTextAsync(action[..40]);
        await police.AssertAccessibleAsync();
        await police.GetByLabel("Done", new() { Exact = true }).CheckAsync();
        await police.GetByLabel("Progress update").FillAsync("All six households visited with WHG; two referred to early help.");
        await police.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await police.AssertAccessibleAsync();

        // The group's micro plan and the issue's timeline both show it done.
        await manager.GotoAsync(groupUrl);
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Done");
        await manager.AssertAccessibleAsync();
        await manager.GotoAsync($"/issues/{reference}");
        await Assertions.Expect(manager.Locator("[data-testid=task-group]")).ToContainTextAsync(name);
        await Assertions.Expect(manager.Locator("[data-testid=timeline]")).ToContainTextAsync("done");
        await Assertions.Expect(manager.Locator("[data-testid=timeline]")).ToContainTextAsync("All six households visited");
        await manager.AssertAccessibleAsync();
    }
}
