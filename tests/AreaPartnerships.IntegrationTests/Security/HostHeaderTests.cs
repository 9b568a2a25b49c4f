using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Hosting;

namespace AreaPartnerships.IntegrationTests.Security;

/// <summary>Redirects never send anyone to a host named in the request's Host header.</summary>
public sealed class HostHeaderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_sign_in_redirect_stays_on_this_site_whatever_the_Host_header_says()
    {
        var response = await app.AnonymousClient().SendAsync(WithHost("/issues", "evil.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fissues", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_access_denied_redirect_stays_on_this_site_whatever_the_Host_header_says()
    {
        var councillor = await app.Data.CreateUserAsync(Roles.Councillor);
        var browser = app.BrowserLikeClient();
        await browser.SignInThroughFormAsync(councillor.Email!, TestData.Password);

        var response = await browser.SendAsync(WithHost("/admin/areas", "evil.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied?ReturnUrl=%2Fadmin%2Fareas", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task With_AllowedHosts_set_as_in_production_a_request_for_another_host_is_refused()
    {
        using var production = app.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "areapartnerships.example.gov.uk"));
        var client = production.CreateClient(new() { AllowAutoRedirect = false });

        var foreign = await client.SendAsync(WithHost("/account/sign-in", "evil.example"));
        var own = await client.SendAsync(WithHost("/account/sign-in", "areapartnerships.example.gov.uk"));

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private static HttpRequestMessage WithHost(string path, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = host;
        return request;
    }
}
