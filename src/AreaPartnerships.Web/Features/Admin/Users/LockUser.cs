using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace AreaPartnerships.Web.Features.Admin.Users;

/// <summary>
/// Lock an account (it cannot sign in, and open sessions end within the security-stamp interval) or
/// unlock it (which also clears a lockout after repeated failed sign-ins). Administrators cannot lock
/// themselves out.
/// </summary>
public static class LockUser
{
    public enum Outcome
    {
        Done,
        NotFound,
        CannotLockSelf,
    }

    public sealed class Handler(UserManager<ApplicationUser> users, ILogger<Handler> logger)
    {
        public async Task<(Outcome Outcome, string? Name)> HandleAsync(int userId, bool locked, int actorId)
        {
            var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (user is null)
            {
                return (Outcome.NotFound, null);
            }

            if (locked && user.Id == actorId)
            {
                return (Outcome.CannotLockSelf, user.DisplayName);
            }

            user.IsDisabled = locked;
            if (!locked)
            {
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
            }

            // A new stamp makes every open session fail its next validation, so a locked person is signed out promptly.
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            logger.LogWarning("User {ActorId} {Action} account {UserId}", actorId, locked ? "locked" : "unlocked", user.Id);
            return (Outcome.Done, user.DisplayName);
        }
    }
}
