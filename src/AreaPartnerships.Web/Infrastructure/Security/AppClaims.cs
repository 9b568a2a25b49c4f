using System.Globalization;
using System.Security.Claims;

namespace AreaPartnerships.Web.Infrastructure.Security;

/// <summary>
/// Claims the sign-in cookie carries beyond Identity's own: the person's name and their scope.
/// They are rebuilt from the database whenever the security stamp is validated (every minute),
/// so a change of scope reaches a signed-in user promptly.
/// </summary>
public static class AppClaims
{
    public const string DisplayName = "display_name";
    public const string Area = "area";
    public const string Ward = "ward";
    public const string Organisation = "organisation";

    public static int UserId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."), CultureInfo.InvariantCulture);

    public static IReadOnlyList<int> AreaIds(this ClaimsPrincipal user) => Ids(user, Area);

    public static IReadOnlyList<int> WardIds(this ClaimsPrincipal user) => Ids(user, Ward);

    public static int? OrganisationId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Organisation), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;

    private static int[] Ids(ClaimsPrincipal user, string type) =>
        [.. user.FindAll(type).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture))];
}
