using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

/// <summary>
/// Notifications in a real browser: a person chooses how they hear about each kind; the administrator fixes a broken
/// placeholder in an e-mail's wording and sees the outbox; and the app's own worker sends what the demo's changes
/// caused to the file outbox, the embedded default.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_area_manager_moves_action_e_mails_to_the_daily_digest_but_cannot_switch_assignments_off()
    {
        var page = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "area.manager@demo.walsall.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "E-mail settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your e-mail notifications");
        var assigned = page.GetByRole(AriaRole.Group, new() { Name = "An issue is assigned to you" });
        await Assertions.Expect(assigned.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Group, new() { Name = "An action is assigned to you" }).GetByLabel("In my daily digest").CheckAsync();
        await page.GetByLabel("When your daily digest comes").SelectOptionAsync(new SelectOptionValue { Label = "8:30am" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your settings" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "An action is assigned to you" }).GetByLabel("In my daily digest")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("When your daily digest comes")).ToHaveValueAsync("08:30");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_administrator_is_refused_a_broken_placeholder_then_saves_the_wording_and_sees_the_outbox()
    {
        var page = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "admin@demo.walsall.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "E-mail templates" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "An issue is assigned to you" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Subject").FillAsync("((refrence)) is yours now");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the wording" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("((refrence))");
        await Assertions.Expect(page.GetByLabel("Subject")).ToHaveValueAsync("((refrence)) is yours now");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Subject").FillAsync("((reference)) is yours now");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the wording" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Subject")).ToHaveValueAsync("((reference)) is yours now");

        await page.GetByRole(AriaRole.Link, new() { Name = "E-mail", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_worker_sends_the_demo_changes_e_mails_to_the_file_outbox()
    {
        // The demo data's assignments, referrals and invitations were written as notifications with the changes; the
        // app's background worker (every second here) dispatches them and the file transport writes each as .eml.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string[] files = [];
        while (DateTime.UtcNow < deadline)
        {
            files = Directory.Exists(browser.OutboxFolder) ? Directory.GetFiles(browser.OutboxFolder, "*.eml") : [];
            if (files.Length > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.NotEmpty(files);
        var text = await File.ReadAllTextAsync(files[0]);
        Assert.Contains("Message-Id:", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@demo.walsall.test", text, StringComparison.Ordinal);
    }
}
