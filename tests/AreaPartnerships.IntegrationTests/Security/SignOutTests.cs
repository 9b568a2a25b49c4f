using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AreaPartnerships.IntegrationTests.Security;

/// <summary>
/// Signing out ends the session, not only the browser's copy of the cookie: a saved copy is refused
/// afterwards by this instance and by any other over the same database (docs/decisions/0011).
/// </summary>
public sealed class SignOutTests : IDisposable
{
    private readonly AppFactory _first = new();
    private readonly AppFactory _second;

    public SignOutTests() => _second = AppFactory.SharingDatabaseWith(_first);

    [Fact]
    public async Task A_cookie_saved_before_signing_out_is_refused_afterwards_on_every_instance()
    {
        var user = await _first.Data.CreateUserAsync(Roles.PartnershipManager);
        var browser = _first.BrowserLikeClient();
        var saved = AuthCookie(await browser.SignInThroughFormAsync(user.Email!, TestData.Password));
        Assert.Equal(HttpStatusCode.OK, (await Replay(_first, saved)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Replay(_second, saved)).StatusCode);

        var signOut = await browser.PostFormAsync("/", [], postUrl: "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        foreach (var instance in new[] { _first, _second })
        {
            var replayed = await Replay(instance, saved);
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            Assert.Equal("/account/sign-in?ReturnUrl=%2F", replayed.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Signing_out_ends_only_that_session_not_the_persons_other_sign_ins()
    {
        var user = await _first.Data.CreateUserAsync(Roles.PartnershipManager);
        var laptop = _first.BrowserLikeClient();
        var phone = AuthCookie(await _first.BrowserLikeClient().SignInThroughFormAsync(user.Email!, TestData.Password));
        await laptop.SignInThroughFormAsync(user.Email!, TestData.Password);

        await laptop.PostFormAsync("/", [], postUrl: "/account/sign-out");

        Assert.Equal(HttpStatusCode.OK, (await Replay(_second, phone)).StatusCode);
    }

    [Fact]
    public async Task Checking_the_session_costs_one_query_per_request()
    {
        // A page that asks the database nothing itself: the only command is the ended-sessions lookup.
        var user = await _first.Data.CreateUserAsync(Roles.PartnershipManager);
        var saved = AuthCookie(await _first.BrowserLikeClient().SignInThroughFormAsync(user.Email!, TestData.Password));

        _first.Commands.Reset();
        await Replay(_first, saved, "/account/access-denied");

        Assert.Equal(1, _first.Commands.Count);
    }

    [Fact]
    public async Task Ended_sessions_are_kept_only_until_their_cookies_would_have_expired()
    {
        var user = await _first.Data.CreateUserAsync(Roles.PartnershipManager);
        var browser = _first.BrowserLikeClient();
        await browser.SignInThroughFormAsync(user.Email!, TestData.Password);
        var stale = new EndedSession(Guid.NewGuid(), DateTime.UtcNow.AddDays(-2), DateTime.UtcNow.AddDays(-1));
        await _first.WithDbAsync(db =>
        {
            db.EndedSessions.Add(stale);
            return db.SaveChangesAsync();
        });

        await browser.PostFormAsync("/", [], postUrl: "/account/sign-out");

        var kept = await _first.WithDbAsync(db => db.EndedSessions.AsNoTracking().ToListAsync());
        var ended = Assert.Single(kept);
        Assert.NotEqual(stale.Id, ended.Id);
        Assert.InRange(ended.KeepUntil, DateTime.UtcNow.AddHours(8), DateTime.UtcNow.AddHours(10));
    }

    private static SetCookieHeaderValue AuthCookie(HttpResponseMessage signIn)
    {
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return SetCookieHeaderValue.ParseList([.. signIn.Headers.GetValues(HeaderNames.SetCookie)]).Single(c => c.Name == "ap.auth");
    }

    private static Task<HttpResponseMessage> Replay(AppFactory instance, SetCookieHeaderValue cookie, string path = "/")
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(HeaderNames.Cookie, $"{cookie.Name}={cookie.Value}");
        return client.GetAsync(new Uri(path, UriKind.Relative));
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }
}
