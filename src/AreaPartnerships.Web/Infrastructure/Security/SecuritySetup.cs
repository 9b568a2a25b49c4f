using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AreaPartnerships.Web.Infrastructure.Security;

/// <summary>
/// Sign-in to OWASP ASVS 5.0 level 2 basics (docs/decisions/0004): 12+ character passwords with no
/// composition rules and a deny-list; lockout after repeated failures; a one-minute security-stamp
/// check so a locked or disabled account is signed out promptly; data-protection keys in the database
/// so any instance behind a load balancer reads any other's cookies.
/// </summary>
public static class SecuritySetup
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SecurityStampInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddAppSecurity(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, ApplicationRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SecurityStampInterval);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ap.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // Signing out ends the session on every instance (docs/decisions/0011).
            o.Events.OnSigningIn = SignInSessions.OnSigningIn;
            o.Events.OnValidatePrincipal = SignInSessions.OnValidatePrincipal;

            // Never send anyone to a host taken from the request's Host header: these redirects are relative.
            o.Events.OnRedirectToLogin = LocalRedirects.Send;
            o.Events.OnRedirectToAccessDenied = LocalRedirects.Send;
        });
        services.AddScoped<SignInSessions>();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ap.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddDataProtection()
            .SetApplicationName("AreaPartnerships")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddAuthorization(AuthorizationPolicies.Configure);
        return services;
    }
}
