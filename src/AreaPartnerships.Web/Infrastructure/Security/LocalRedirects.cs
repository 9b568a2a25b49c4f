using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AreaPartnerships.Web.Infrastructure.Security;

/// <summary>
/// The cookie handler builds its sign-in and access-denied redirects as absolute URLs from the request's
/// own scheme and Host header, so a forged <c>Host: evil.example</c> would send the person there. These
/// events send the same redirect as a path on this site instead (<c>/account/sign-in?ReturnUrl=…</c>),
/// whatever the Host header says. Every other redirect in the app is already relative
/// (<c>RedirectToAction</c>, <c>LocalRedirect</c>).
/// </summary>
public static class LocalRedirects
{
    public static Task Send(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(PathOf(context.RedirectUri, context.Request, context.Options.LoginPath));
        return Task.CompletedTask;
    }

    /// <summary>The path and query of <paramref name="redirectUri"/> when it points at this request's own origin; else the fallback.</summary>
    public static string PathOf(string redirectUri, HttpRequest request, PathString fallback)
    {
        var origin = request.Scheme + Uri.SchemeDelimiter + request.Host.ToUriComponent();
        var path = redirectUri.StartsWith(origin, StringComparison.OrdinalIgnoreCase)
            ? redirectUri[origin.Length..]
            : redirectUri;
        return IsLocalPath(path) ? path : (request.PathBase + fallback).ToString();
    }

    private static bool IsLocalPath(string path) =>
        path.Length > 0 && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));
}
