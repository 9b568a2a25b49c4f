using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Security;

/// <summary>
/// What a form can carry: a form the framework cannot read (a null byte anywhere in it) gets a readable
/// 400 page; control characters in text are refused at their field on every form, with what was typed kept.
/// </summary>
public sealed class FormInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string CouldNotAccept = "Sorry, we could not accept what you sent";

    [Theory]
    [InlineData("Email")]
    [InlineData("Password")]
    [InlineData("NotAFieldOfThisForm")]
    public async Task A_null_byte_in_any_field_of_the_sign_in_form_gets_the_400_page(string field)
    {
        var response = await app.BrowserLikeClient().PostFormAsync("/account/sign-in",
            [new("Email", "someone@test.walsall.test"), new("Password", "a-password-of-sorts"), new(field, "a\0b")]);

        await AssertUnreadableFormPageAsync(response);
    }

    [Fact]
    public async Task A_null_byte_in_a_signed_in_form_gets_the_400_page_and_nothing_is_saved()
    {
        var world = await CreateAsync(app);
        var title = TestData.Unique("Null byte");

        var response = await app.ClientFor(world.AreaManagerA.Id).PostFormAsync("/issues/new",
            [new("Title", title), new("Description", "Bad\0text"), new("WardId", Id(world.WardA1)),
             new("CategoryId", Id(await CategoryIdAsync(app, "asb"))), new("Source", "Councillor")]);

        await AssertUnreadableFormPageAsync(response);
        Assert.False(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Title == title)));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_null_byte_gets_the_400_page_in_development_and_production(string environment)
    {
        using var host = app.WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .UseSetting("Database:SeedDemoData", "false"));
        var client = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var response = await client.PostFormAsync("/account/sign-in", [new("Email", "a\0b"), new("Password", "x")]);

        await AssertUnreadableFormPageAsync(response);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("200")]
    public async Task A_posted_code_field_cannot_change_the_status_of_the_error_page(string code)
    {
        // No anti-forgery token: refused with 400, and the error page is re-run for the same POST.
        var response = await app.BrowserLikeClient().PostAsync(new Uri("/account/sign-in", UriKind.Relative),
            new FormUrlEncodedContent([new("Email", "someone@test.walsall.test"), new("code", code)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(CouldNotAccept, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("reload the page", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u0001")]
    [InlineData("\u001b")]
    [InlineData("\u007f")]
    public async Task A_control_character_is_refused_at_its_field_and_what_was_typed_is_kept(string control)
    {
        var typed = $"some{control}one@test.walsall.test";

        var response = await app.BrowserLikeClient().SignInThroughFormAsync(typed, "a-password-of-sorts");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        var link = Assert.Single(page.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal("#Email", link.GetAttribute("href"));
        Assert.Equal("E-mail address must not include invisible control characters, such as escape or backspace", link.TextContent);
        Assert.Equal(typed, page.QuerySelector("input[name=Email]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Multi_line_text_keeps_tabs_and_new_lines_but_not_other_control_characters()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var category = Id(await CategoryIdAsync(app, "asb"));
        var kept = TestData.Unique("Tabs and lines");
        var refused = TestData.Unique("A bell");

        var saved = await client.PostFormAsync("/issues/new",
            [new("Title", kept), new("Description", "First line\r\n\tindented second line"), new("WardId", Id(world.WardA1)),
             new("CategoryId", category), new("Source", "Councillor")]);
        var bell = await client.PostFormAsync("/issues/new",
            [new("Title", refused), new("Description", "Ring\u0007ring"), new("WardId", Id(world.WardA1)),
             new("CategoryId", category), new("Source", "Councillor")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Title == kept));
        Assert.Contains("\n\tindented", stored.Description, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, bell.StatusCode);
        var page = await Html.ReadAsync(bell);
        var link = Assert.Single(page.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal("#Description", link.GetAttribute("href"));
        Assert.StartsWith("Description must not include invisible control characters", link.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ring\u0007ring", page.QuerySelector("textarea[name=Description]")!.TextContent);
        Assert.Equal(refused, page.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Title == refused)));
    }

    private static async Task AssertUnreadableFormPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ReadAsync(response);
        Assert.Equal(CouldNotAccept, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=unreadable-form]"));
        Assert.NotNull(page.QuerySelector("footer.govuk-footer"));
    }
}
