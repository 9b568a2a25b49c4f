using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace AreaPartnerships.IntegrationTests.Platform;

/// <summary>
/// The web tier keeps no state of its own: data-protection keys live in the database, so a cookie issued
/// by one instance is read by another over the same database (as behind a load balancer).
/// </summary>
public sealed class ScaleOutTests : IDisposable
{
    private readonly AppFactory _first = new();
    private readonly AppFactory _second;

    public ScaleOutTests() => _second = AppFactory.SharingDatabaseWith(_first);

    [Fact]
    public async Task A_cookie_from_one_instance_signs_in_on_another()
    {
        var user = await _first.Data.CreateUserAsync(Roles.PartnershipManager);
        var signIn = await _first.BrowserLikeClient().SignInThroughFormAsync(user.Email!, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authCookie = SetCookieHeaderValue.ParseList([.. signIn.Headers.GetValues(HeaderNames.SetCookie)])
            .Single(c => c.Name == "ap.auth");

        var other = _second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        other.DefaultRequestHeaders.Add(HeaderNames.Cookie, $"{authCookie.Name}={authCookie.Value}");
        var response = await other.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(user.DisplayName, (await Html.ReadAsync(response)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_instances_share_one_key_ring_in_the_database()
    {
        await _first.BrowserLikeClient().GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        await _second.BrowserLikeClient().GetAsync(new Uri("/account/sign-in", UriKind.Relative));

        var keys = await _first.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DataProtectionKeys));

        Assert.Equal(1, keys);
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }
}
