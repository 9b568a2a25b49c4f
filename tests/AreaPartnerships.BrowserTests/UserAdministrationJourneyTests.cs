using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_creates_a_partner_user_who_signs_in_and_is_then_locked_out()
    {
        var admin = await browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(admin, "admin@demo.walsall.test");

        // The ward and organisation forms are accessible too.
        await admin.GotoAsync("/admin/wards");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Change St Matthew's" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Change ward");
        await Assertions.Expect(admin.GetByRole(AriaRole.List).Filter(new() { HasText = "Cllr Aisha Khan" })).ToBeVisibleAsync();
        await admin.AssertAccessibleAsync();
        await admin.GotoAsync("/admin/organisations/new");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save organisation" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Select the kind of organisation");
        await admin.AssertAccessibleAsync();

        // A partner user without an organisation is refused; what was typed stays.
        await admin.GotoAsync("/admin/users");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add a user" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Add a user");
        await admin.AssertAccessibleAsync();
        await admin.GetByLabel("Full name").FillAsync("Gemma Ward");
        await admin.GetByLabel("E-mail address").FillAsync("gemma.ward@demo.walsall.test");
        // Only the chosen role's scope shows (GOV.UK conditional reveals on the role radios).
        await Assertions.Expect(admin.GetByRole(AriaRole.Group, new() { Name = "Wards they represent" })).ToBeHiddenAsync();
        await Assertions.Expect(admin.GetByLabel("Their organisation")).ToBeHiddenAsync();
        await admin.GetByLabel("Ward councillor").CheckAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Group, new() { Name = "Wards they represent" })).ToBeVisibleAsync();
        await admin.GetByLabel("Partner user").CheckAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Group, new() { Name = "Wards they represent" })).ToBeHiddenAsync();
        await Assertions.Expect(admin.GetByLabel("Their organisation")).ToBeVisibleAsync();
        await admin.AssertAccessibleAsync();
        await admin.GetByLabel("First password").FillAsync("a long memorable passphrase");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Select the partner user's organisation");
        await Assertions.Expect(admin.GetByLabel("Full name")).ToHaveValueAsync("Gemma Ward");
        await admin.AssertAccessibleAsync();

        await admin.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "West Midlands Fire Service" });
        await admin.GetByLabel("First password").FillAsync("a long memorable passphrase");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync("Account for Gemma Ward created");

        // The list filters to her organisation.
        await admin.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "West Midlands Fire Service" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tbody")).ToContainTextAsync("Gemma Ward");
        await Assertions.Expect(admin.Locator("tbody")).Not.ToContainTextAsync("PC Mark Davies");
        await admin.AssertAccessibleAsync();

        // She can sign in.
        var partner = await browser.NewPageAsync();
        await partner.GotoAsync("/account/sign-in");
        await partner.GetByLabel("E-mail address").FillAsync("gemma.ward@demo.walsall.test");
        await partner.GetByLabel("Password", new() { Exact = true }).FillAsync("a long memorable passphrase");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(partner.Locator("h1")).ToContainTextAsync("Welcome, Gemma Ward");

        // The administrator locks her account; she can no longer sign in.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Change Gemma Ward" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lock account" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync("Gemma Ward's account is locked");
        await Assertions.Expect(admin.Locator("[data-testid=account-status]")).ToContainTextAsync("locked");
        await admin.AssertAccessibleAsync();

        var again = await browser.NewPageAsync();
        await again.GotoAsync("/account/sign-in");
        await again.GetByLabel("E-mail address").FillAsync("gemma.ward@demo.walsall.test");
        await again.GetByLabel("Password", new() { Exact = true }).FillAsync("a long memorable passphrase");
        await again.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(again.Locator(".govuk-error-summary")).ToBeVisibleAsync();
    }
}
