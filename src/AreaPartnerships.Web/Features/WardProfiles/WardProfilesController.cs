using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.WardProfiles;

/// <summary>
/// Ward profiles (<see cref="ViewWardProfile"/>) and the list of the wards a person may see them for
/// (<see cref="ListWardProfiles"/>). Who sees which is <see cref="WardProfileAccess"/>: another ward's profile is
/// "not found"; partner users and residents may not use these pages at all.
/// </summary>
[Authorize(Roles = WardProfileAccess.PageRoles)]
[Route("wards")]
public sealed class WardProfilesController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListWardProfiles.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(await Viewer.ForAsync(User, db, ct), ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] ViewWardProfile.Handler handler, CancellationToken ct) =>
        await handler.HandleAsync(await Viewer.ForAsync(User, db, ct), id, ct) is { } page ? View(page) : NotFound();
}
