using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Security;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Correct_password_signs_in_and_goes_home()
    {
        var user = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var client = app.BrowserLikeClient();

        var response = await client.SignInThroughFormAsync(user.Email!, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var home = await client.GetDocumentAsync("/");
        Assert.Contains(user.DisplayName, home.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_url_to_another_site_is_ignored()
    {
        var user = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var client = app.BrowserLikeClient();

        var response = await client.PostFormAsync("/account/sign-in",
            [new("Email", user.Email!), new("Password", TestData.Password), new("ReturnUrl", "https://evil.example/steal")]);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var user = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [(await app.Data.CreateAreaAsync()).Id]);
        var client = app.BrowserLikeClient();

        var wrongPassword = await client.SignInThroughFormAsync(user.Email!, "not-the-password-at-all");
        var unknownUser = await client.SignInThroughFormAsync("nobody@test.walsall.test", "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        var page = await Html.ReadAsync(wrongPassword);
        Assert.Equal(["Enter a correct e-mail address and password"], Html.ErrorSummary(page));
        Assert.Equal(user.Email, page.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("input[name=Password]")!.GetAttribute("value")));
        Assert.Equal(["Enter a correct e-mail address and password"], Html.ErrorSummary(await Html.ReadAsync(unknownUser)));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var user = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var client = app.BrowserLikeClient();

        for (var attempt = 0; attempt < SecuritySetup.MaxFailedAttempts; attempt++)
        {
            await client.SignInThroughFormAsync(user.Email!, $"wrong-password-{attempt}");
        }

        var response = await client.SignInThroughFormAsync(user.Email!, TestData.Password);

        // Refused with the same words as any failure: "locked" would tell a stranger the account exists.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter a correct e-mail address and password"], Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.Null(response.Headers.Location);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("yes please")]
    public async Task Malformed_form_values_get_a_form_error_not_a_server_error(string rememberMe)
    {
        var user = await app.Data.CreateUserAsync(Roles.PartnershipManager);

        var response = await app.BrowserLikeClient().SignInThroughFormAsync(user.Email!, TestData.Password, rememberMe);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a valid value for RememberMe", Html.ErrorSummary(await Html.ReadAsync(response)));
    }

    [Fact]
    public async Task Blank_form_lists_both_errors()
    {
        var response = await app.BrowserLikeClient().SignInThroughFormAsync(string.Empty, string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter your e-mail address", "Enter your password"], Html.ErrorSummary(await Html.ReadAsync(response)));
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_rejected()
    {
        var user = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var client = app.BrowserLikeClient();

        var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative),
            new FormUrlEncodedContent([new("Email", user.Email!), new("Password", TestData.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Signed_in_posts_also_need_the_token()
    {
        var admin = await app.Data.CreateUserAsync(Roles.Administrator);

        var response = await app.ClientFor(admin.Id).PostAsync(new Uri("/admin/areas/new", UriKind.Relative),
            new FormUrlEncodedContent([new("Name", "Forged area")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Areas, a => a.Name == "Forged area")));
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var user = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var client = app.BrowserLikeClient();
        await client.SignInThroughFormAsync(user.Email!, TestData.Password);

        var signOut = await client.PostFormAsync("/", [], postUrl: "/account/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_shorter_than_twelve_characters_are_refused_by_the_identity_rules()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var result = await users.CreateAsync(new ApplicationUser("short@test.walsall.test", "Short Password"), "Elevenchars");

        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }
}
