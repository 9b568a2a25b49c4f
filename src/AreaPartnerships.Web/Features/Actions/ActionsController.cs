using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Actions;

/// <summary>
/// Micro plan actions: adding one to a task group, its page and history, progress updates, changes, and
/// the person's own "My actions" page. Who may see which action is the group's rule
/// (<see cref="TaskGroups.TaskGroupAccess"/>): an action in a group the person may not see is "not
/// found"; one they may see but not change is refused. Councillors and administrators have no task groups.
/// </summary>
[Authorize(Roles = $"{Roles.PartnershipManager},{Roles.AreaManager},{Roles.SupportOfficer},{Roles.PartnerUser}")]
public sealed class ActionsController(AppDbContext db) : Controller
{
    [HttpGet("/my-actions")]
    public async Task<IActionResult> Mine([FromServices] MyActions.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(await ViewerAsync(ct), ct));

    [HttpGet("/task-groups/{groupId:int}/actions/new")]
    public async Task<IActionResult> Add(int groupId, [FromServices] AddAction.Handler handler, CancellationToken ct)
    {
        var page = await handler.LoadAsync(await ViewerAsync(ct), groupId, null, ct);
        return page is null ? NotFound() : page.CanAdd ? View(page) : Forbid();
    }

    [HttpPost("/task-groups/{groupId:int}/actions/new")]
    public async Task<IActionResult> Add(int groupId, AddAction.Form form, [FromServices] AddAction.Validator validator, [FromServices] AddAction.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, groupId, form, ct),
            saved => Saved($"/actions/{saved.Id}", "Action added"),
            async () => await handler.LoadAsync(viewer, groupId, form, ct) is { } page ? page.CanAdd ? View(page) : Forbid() : NotFound());
    }

    [HttpGet("/actions/{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] ViewAction.Handler handler, CancellationToken ct) =>
        await handler.HandleAsync(await ViewerAsync(ct), id, ct) is { } model ? View(model) : NotFound();

    [HttpGet("/actions/{id:int}/update")]
    public async Task<IActionResult> Update(int id, string? from, [FromServices] UpdateProgress.Handler handler, CancellationToken ct)
    {
        var page = await handler.LoadAsync(await ViewerAsync(ct), id, null, ct);
        if (page is null)
        {
            return NotFound();
        }

        page.From = from == "my-actions" ? from : null;
        return page.CanUpdate ? View(page) : Forbid();
    }

    [HttpPost("/actions/{id:int}/update")]
    public async Task<IActionResult> Update(int id, UpdateProgress.Form form, [FromServices] UpdateProgress.Validator validator, [FromServices] UpdateProgress.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(form.FromMyActions ? "/my-actions" : $"/actions/{id}", "Update saved"),
            async () => await handler.LoadAsync(viewer, id, form, ct) is { } page ? page.CanUpdate ? View(page) : Forbid() : NotFound());
    }

    [HttpGet("/actions/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditAction.Handler handler, CancellationToken ct)
    {
        var page = await handler.LoadAsync(await ViewerAsync(ct), id, null, ct);
        return page is null ? NotFound() : page.CanChange ? View(page) : Forbid();
    }

    [HttpPost("/actions/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditAction.Form form, [FromServices] EditAction.Validator validator, [FromServices] EditAction.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved($"/actions/{id}", "Action changed"),
            async () => await handler.LoadAsync(viewer, id, form, ct) is { } page ? page.CanChange ? View(page) : Forbid() : NotFound());
    }

    private RedirectResult Saved(string url, string message)
    {
        TempData["Success"] = message;
        return Redirect(url);
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
