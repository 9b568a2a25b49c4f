using System.Globalization;
using System.Text.Encodings.Web;
using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AreaPartnerships.IntegrationTests.Infrastructure;

/// <summary>
/// Signs the request in as the user whose id is in the header, building the principal with the app's
/// own claims factory: the same role, name and scope claims a real sign-in produces.
/// </summary>
public sealed class TestAuthHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInManager<ApplicationUser> signInManager)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Selector = "TestOrCookie";
    public const string UserHeader = "X-Test-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(UserHeader, out var value)
            || !int.TryParse(value, CultureInfo.InvariantCulture, out var userId))
        {
            return AuthenticateResult.NoResult();
        }

        var user = await signInManager.UserManager.FindByIdAsync(userId.ToString(CultureInfo.InvariantCulture));
        if (user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail("Unknown or disabled test user");
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
