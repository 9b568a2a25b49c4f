using AreaPartnerships.Domain.Identity;

namespace AreaPartnerships.IntegrationTests.Security;

/// <summary>Nothing shown to a signed-in person — pages or CSV exports — may be kept by a browser or proxy cache.</summary>
public sealed class CachingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/issues/export")]
    [InlineData("/issues")]
    [InlineData("/")]
    public async Task Signed_in_responses_are_no_store(string path)
    {
        var manager = await app.Data.CreateUserAsync(Roles.PartnershipManager);

        var response = await app.ClientFor(manager.Id).GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_export_is_no_store_when_signed_in_with_the_real_cookie_too()
    {
        var manager = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        var browser = app.BrowserLikeClient();
        await browser.SignInThroughFormAsync(manager.Email!, TestData.Password);

        var response = await browser.GetAsync(new Uri("/issues/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Style_sheets_stay_cacheable()
    {
        var manager = await app.Data.CreateUserAsync(Roles.PartnershipManager);

        var response = await app.ClientFor(manager.Id).GetAsync(new Uri("/css/app.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}
