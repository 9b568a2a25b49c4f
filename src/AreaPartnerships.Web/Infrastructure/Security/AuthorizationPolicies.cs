using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace AreaPartnerships.Web.Infrastructure.Security;

/// <summary>
/// Named policies, one place. Page-level policies are here; record-level rules (who may see this
/// issue) are resource-based handlers added beside them as features arrive, and list queries use
/// the same rule.
/// </summary>
public static class AuthorizationPolicies
{
    public const string Administrator = nameof(Administrator);

    public static void Configure(AuthorizationOptions options)
    {
        // Everything needs sign-in unless it is marked [AllowAnonymous] (sign-in, health, errors, public pages).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
    }
}
