using System.Globalization;
using System.Security.Claims;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AreaPartnerships.Web.Infrastructure.Security;

/// <summary>Adds the display name and scope claims (areas, wards, organisation) to the signed-in principal.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<ApplicationRole> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));

        var areaIds = await db.UserAreas.Where(a => a.UserId == user.Id).Select(a => a.AreaId).ToListAsync();
        var wardIds = await db.UserWards.Where(w => w.UserId == user.Id).Select(w => w.WardId).ToListAsync();
        identity.AddClaims(areaIds.Select(id => new Claim(AppClaims.Area, id.ToString(CultureInfo.InvariantCulture))));
        identity.AddClaims(wardIds.Select(id => new Claim(AppClaims.Ward, id.ToString(CultureInfo.InvariantCulture))));
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(AppClaims.Organisation, organisationId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
