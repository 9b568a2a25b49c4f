using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AreaPartnerships.Web.Infrastructure.Security;

/// <summary>
/// Signing out ends the session everywhere (docs/decisions/0011). Each sign-in gets a random session id,
/// kept in the cookie's authentication properties (which survive the security-stamp refresh). Signing out
/// records the id in <see cref="AppDbContext.EndedSessions"/>; every request with a cookie costs one
/// primary-key lookup there, so a copy of the cookie is refused by every instance over the same database.
/// A cookie without a session id (issued before this existed) is refused too.
/// </summary>
public sealed class SignInSessions(AppDbContext db, TimeProvider clock, IOptionsMonitor<CookieAuthenticationOptions> cookieOptions)
{
    /// <summary>The authentication-properties item that holds the session id.</summary>
    public const string SessionIdItem = "ap.session";

    /// <summary>A row outlives the last cookie of its session by this much (a request racing the sign-out).</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromHours(1);

    /// <summary>Cookie event: a new sign-in starts a new session (a refresh of an existing one keeps its id).</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (context.Properties.GetString(SessionIdItem) is null)
        {
            context.Properties.SetString(SessionIdItem, Guid.NewGuid().ToString("N"));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Cookie event, on every request that carries a cookie: refuse an ended session (one indexed lookup),
    /// then let Identity's security-stamp check run (once a minute).
    /// </summary>
    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (!await sessions.IsActiveAsync(context.Properties))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public async Task<bool> IsActiveAsync(AuthenticationProperties properties) =>
        IdOf(properties) is { } id && !await HasEnded(db, id, CancellationToken.None);

    /// <summary>Compiled once: every signed-in request asks, so the query is not translated again each time.</summary>
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<bool>> HasEnded =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken ct) => db.EndedSessions.Any(s => s.Id == id));

    /// <summary>Ends the session the request's cookie belongs to (if it has one) and prunes rows no longer needed.</summary>
    public async Task EndAsync(AuthenticationProperties? properties)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.EndedSessions.Where(s => s.KeepUntil < now).ExecuteDeleteAsync();
        if (properties is not null && IdOf(properties) is { } id && !await db.EndedSessions.AnyAsync(s => s.Id == id))
        {
            var lifetime = cookieOptions.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
            db.EndedSessions.Add(new EndedSession(id, now, now + lifetime + Margin));
            await db.SaveChangesAsync();
        }
    }

    private static Guid? IdOf(AuthenticationProperties properties) =>
        Guid.TryParseExact(properties.GetString(SessionIdItem), "N", out var id) ? id : null;
}
