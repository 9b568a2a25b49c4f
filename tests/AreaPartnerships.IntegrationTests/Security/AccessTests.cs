using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AreaPartnerships.IntegrationTests.Security;

public sealed class AccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin/users")]
    public async Task Pages_need_sign_in(string url)
    {
        var response = await app.AnonymousClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/health")]
    public async Task Public_pages_need_no_sign_in(string url) =>
        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync(new Uri(url, UriKind.Relative))).StatusCode);

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await app.AnonymousClient().GetAsync(new Uri("/account/sign-in", UriKind.Relative));

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_page_is_a_friendly_404()
    {
        var user = await app.Data.CreateUserAsync(Roles.PartnershipManager);

        var response = await app.ClientFor(user.Id).GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await Html.ReadAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public void A_locked_or_disabled_user_is_signed_out_within_a_minute()
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        Assert.True(options.ValidationInterval <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Home_page_shows_only_the_signed_in_area_managers_areas()
    {
        var mine = await app.Data.CreateAreaAsync();
        var other = await app.Data.CreateAreaAsync();
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [mine.Id]);

        var home = await app.ClientFor(manager.Id).GetDocumentAsync("/");

        var table = home.QuerySelector("[data-testid=home-scope]")!.TextContent;
        Assert.Contains(mine.Name, table, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, table, StringComparison.Ordinal);
    }
}

/// <summary>With the check made on every request, the security-stamp wiring itself is proven.</summary>
public sealed class PromptSignOutTests : IClassFixture<PromptSignOutTests.ImmediateStampCheckFactory>
{
    private readonly ImmediateStampCheckFactory _app;

    public PromptSignOutTests(ImmediateStampCheckFactory app) => _app = app;

    [Fact]
    public async Task Disabling_an_account_signs_its_holder_out_at_the_next_check()
    {
        var user = await _app.Data.CreateUserAsync(Roles.PartnershipManager);
        var client = _app.BrowserLikeClient();
        await client.SignInThroughFormAsync(user.Email!, TestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            stored.IsDisabled = true;
            await users.UpdateAsync(stored);
            await users.UpdateSecurityStampAsync(stored);
        }

        var after = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    public sealed class ImmediateStampCheckFactory : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }
}
