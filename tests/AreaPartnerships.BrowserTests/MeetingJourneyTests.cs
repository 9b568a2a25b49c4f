using System.Globalization;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MeetingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Area_manager_schedules_a_tasking_meeting_invites_the_police_records_minutes_and_an_action_arising_reaches_the_group_and_my_actions()
    {
        var title = $"South Walsall tasking {Guid.NewGuid():N}"[..32];
        var action = $"Walk the alley with the CCTV engineer {Guid.NewGuid():N}"[..46];

        // Recorded after the event (yesterday), so the record can be written straight away.
        var held = DateTime.UtcNow.AddDays(-1);
        var due = DateTime.UtcNow.AddDays(14);

        var manager = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(manager, "area.manager@demo.walsall.test");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }).First.ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Meetings");
        await manager.AssertAccessibleAsync();

        // Schedule: a blank form is refused first (errors on the page, accessible), then a tasking meeting.
        await manager.GetByRole(AriaRole.Button, new() { Name = "Schedule a meeting" }).Or(manager.GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" })).First.ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Schedule a meeting");
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await manager.AssertAccessibleAsync();
        await manager.GetByLabel("Tasking", new() { Exact = true }).CheckAsync();
        await manager.GetByLabel("Title (optional)").FillAsync(title);
        await manager.GetByLabel("Day").FillAsync(held.Day.ToString(CultureInfo.InvariantCulture));
        await manager.GetByLabel("Month").FillAsync(held.Month.ToString(CultureInfo.InvariantCulture));
        await manager.GetByLabel("Year").FillAsync(held.Year.ToString(CultureInfo.InvariantCulture));
        await manager.GetByLabel("Start time").FillAsync("10:00");
        await manager.GetByLabel("End time").FillAsync("11:30");
        await manager.GetByLabel("Venue").FillAsync("Walsall Council House, Committee Room 2");
        await manager.GetByLabel("This meeting has already taken place (I am recording it)").CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync(title);
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Confidential");
        await manager.AssertAccessibleAsync();
        var meetingUrl = manager.Url;

        // Invite the police user.
        await manager.GetByLabel("Person", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "PC Mark Davies (West Midlands Police)" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("[data-testid=name]", new() { HasText = "PC Mark Davies" })).ToBeVisibleAsync();
        await manager.AssertAccessibleAsync();

        // Agenda: the Williams Street task group; then the record: minutes and an action arising on the group for the police.
        await manager.GetByLabel("Or link a task group (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Williams Street task group" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add to the agenda" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await manager.GetByLabel("General minutes").FillAsync("Quorate. Police and the area team attended.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save minutes" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Quorate. Police and the area team attended.");
        await manager.AssertAccessibleAsync();

        var arising = manager.GetByTestId("action-arising-form");
        await arising.GetByLabel("What needs doing?").FillAsync(action);
        await arising.GetByLabel("Task group (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Williams Street task group" });
        await arising.GetByLabel("Who owns it?").SelectOptionAsync(new SelectOptionValue { Label = "PC Mark Davies (West Midlands Police)" });
        var dueDate = arising.Locator("fieldset", new() { HasText = "Due date" });
        await dueDate.GetByLabel("Day").FillAsync(due.Day.ToString(CultureInfo.InvariantCulture));
        await dueDate.GetByLabel("Month").FillAsync(due.Month.ToString(CultureInfo.InvariantCulture));
        await dueDate.GetByLabel("Year").FillAsync(due.Year.ToString(CultureInfo.InvariantCulture));
        await arising.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync(action[..30]);
        await manager.AssertAccessibleAsync();

        // The printable agenda.
        await manager.GetByRole(AriaRole.Link, new() { Name = "Print the agenda" }).ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Williams Street task group");
        await manager.AssertAccessibleAsync();

        // The group's timeline says where the action was agreed.
        await manager.GotoAsync("/task-groups");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Williams Street task group", Exact = true }).ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync(action[..30]);
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync($"Agreed at the {title}");
        await manager.AssertAccessibleAsync();

        // The police user finds the action on My actions, and the meeting (with its calendar file) on My meetings.
        var police = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(police, "police@demo.walsall.test");
        await police.GetByRole(AriaRole.Link, new() { Name = "My actions" }).First.ClickAsync();
        await Assertions.Expect(police.Locator("main")).ToContainTextAsync(action[..30]);
        await police.AssertAccessibleAsync();
        await police.GotoAsync("/meetings/mine");
        await Assertions.Expect(police.Locator("main")).ToContainTextAsync(title);
        await police.AssertAccessibleAsync();
        await police.GotoAsync(meetingUrl);
        await Assertions.Expect(police.Locator("h1")).ToContainTextAsync(title);
        await Assertions.Expect(police.Locator("main")).ToContainTextAsync("Quorate. Police and the area team attended.");
        await police.AssertAccessibleAsync();

        // The councillor may not see the confidential meeting at all.
        var councillor = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(councillor, "councillor@demo.walsall.test");
        var refused = await councillor.GotoAsync(meetingUrl);
        Assert.Equal(404, refused!.Status);
    }
}
