using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// Each signed-in person's own notification settings. Administrators get no notifications (they look after users and
/// reference data, not casework): the page tells them so, and a save from them is refused.
/// </summary>
[Authorize]
[Route("account/notifications")]
public sealed class NotificationsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Preferences([FromServices] EditPreferences.Handler handler, CancellationToken ct) =>
        View(new EditPreferences.Page(
            User.IsInRole(Roles.Administrator) ? new EditPreferences.Form() : await handler.LoadAsync(User.UserId(), ct),
            User.IsInRole(Roles.Administrator)));

    [HttpPost("")]
    public async Task<IActionResult> Preferences([FromServices] EditPreferences.Validator validator, [FromServices] EditPreferences.Handler handler, CancellationToken ct)
    {
        if (User.IsInRole(Roles.Administrator))
        {
            return Forbid();
        }

        var form = EditPreferences.Form.Read(await Request.ReadFormAsync(ct));
        return await this.SaveFormAsync(form, validator, async () => (SaveResult?)await handler.HandleAsync(User.UserId(), form, ct), _ =>
        {
            TempData["Success"] = "Your notification settings have been saved";
            return RedirectToAction(nameof(Preferences));
        }, () => Task.FromResult<IActionResult>(View(new EditPreferences.Page(form, IsAdministrator: false))));
    }

    /// <summary>The link in a neutral e-mail: to the record, for someone who may see it.</summary>
    [HttpGet("/notifications/{id:long}")]
    public async Task<IActionResult> Open(long id, [FromServices] AppDbContext db, [FromServices] OpenNotification.Handler handler, CancellationToken ct) =>
        await handler.HandleAsync(await Viewer.ForAsync(User, db, ct), id, ct) is { } path ? LocalRedirect(path) : NotFound();
}
