using AreaPartnerships.Web.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser)
{
    internal static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task Area_manager_signs_in_through_the_form_and_lands_on_their_areas()
    {
        var page = await browser.NewPageAsync();

        await SignInAsync(page, "area.manager@demo.walsall.test");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome");
        await Assertions.Expect(page.Locator("[data-testid=home-scope]")).ToContainTextAsync("South Walsall");
        await Assertions.Expect(page.Locator("[data-testid=home-scope]")).Not.ToContainTextAsync("North Walsall");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.GotoAsync("/");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_summary_and_keeps_the_email()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.GetByLabel("E-mail address").FillAsync("councillor@demo.walsall.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-right-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct e-mail address and password");
        await Assertions.Expect(page.GetByLabel("E-mail address")).ToHaveValueAsync("councillor@demo.walsall.test");
        await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Administrator_works_through_the_reference_data_pages()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "admin@demo.walsall.test");

        foreach (var (link, heading) in new[] { ("Areas", "Areas"), ("Wards", "Wards"), ("Organisations", "Organisations"), ("Users", "Users") })
        {
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await page.AssertAccessibleAsync();
        }

        // Add an area with a mistake first: the error is shown, then put right.
        await page.GotoAsync("/admin/areas/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save area" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the area's name");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Name").FillAsync("Walsall Town Centre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save area" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Area “Walsall Town Centre” added");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Walsall Town Centre");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Councillor_is_refused_the_administration_pages()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "councillor@demo.walsall.test");
        await Assertions.Expect(page.Locator("[data-testid=home-scope]")).ToContainTextAsync("St Matthew's");

        var response = await page.GotoAsync("/admin/users");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
        await page.AssertAccessibleAsync();
    }
}
