using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// Task groups: the list (with overdue flags), setting one up, its page (members, linked issues, micro plan,
/// timeline), and every change to it. Who may see and change which group is <see cref="TaskGroupAccess"/>;
/// a group the person may not see is "not found", whatever the URL; one they see but may not change is
/// refused (403). Councillors and administrators have no task groups.
/// </summary>
[Authorize(Roles = $"{Roles.PartnershipManager},{Roles.AreaManager},{Roles.SupportOfficer},{Roles.PartnerUser}")]
[Route("task-groups")]
public sealed class TaskGroupsController(AppDbContext db, ILogger<TaskGroupsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ListTaskGroups.Query query, [FromServices] ListTaskGroups.Handler handler, CancellationToken ct)
    {
        // A filter value that cannot be read (e.g. ?areaId=abc) is ignored rather than an error page.
        ModelState.Clear();
        return View(await handler.HandleAsync(await ViewerAsync(ct), query, ct));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] CreateTaskGroup.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return viewer.CanCreateTaskGroups() ? View(await handler.FillAsync(viewer, null, ct)) : Forbid();
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(CreateTaskGroup.Form form, [FromServices] CreateTaskGroup.Validator validator, [FromServices] CreateTaskGroup.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.CanCreateTaskGroups())
        {
            return Forbid();
        }

        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, form, ct),
            saved => Saved(saved.Id!.Value, "Task group set up"),
            async () => View(await handler.FillAsync(viewer, form, ct)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] ViewTaskGroup.Handler handler, CancellationToken ct) =>
        await handler.HandleAsync(await ViewerAsync(ct), id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditTaskGroup.Handler handler, CancellationToken ct)
    {
        var form = await handler.LoadAsync(await ViewerAsync(ct), id, null, ct);
        return form switch
        {
            null => NotFound(),
            { Allowed: false } => Forbid(),
            { IsActive: false } => ClosedGroup(id),
            _ => View(form),
        };
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditTaskGroup.Form form, [FromServices] EditTaskGroup.Validator validator, [FromServices] EditTaskGroup.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, "Task group changed"),
            async () => await handler.LoadAsync(viewer, id, form, ct) is { } page ? View(page) : NotFound());
    }

    [HttpPost("{id:int}/members")]
    public async Task<IActionResult> AddMember(int id, AddMember.Form form, [FromServices] AddMember.Validator validator, [FromServices] AddMember.Handler handler,
        [FromServices] ViewTaskGroup.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, $"{form.Name} added to the group"),
            () => ShowAgainAsync(viewer, id, view, ct));
    }

    [HttpPost("{id:int}/members/{userId:int}/remove")]
    public async Task<IActionResult> RemoveMember(int id, int userId, RemoveMember.Form form, [FromServices] RemoveMember.Validator validator, [FromServices] RemoveMember.Handler handler,
        [FromServices] ViewTaskGroup.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, userId, form, ct),
            _ => Saved(id, $"{form.Name} removed from the group"),
            () => ShowAgainAsync(viewer, id, view, ct));
    }

    [HttpPost("{id:int}/issues")]
    public async Task<IActionResult> LinkIssue(int id, LinkIssue.Form form, [FromServices] LinkIssue.Validator validator, [FromServices] LinkIssue.Handler handler,
        [FromServices] ViewTaskGroup.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, $"Issue {form.Reference} linked to the group"),
            () => ShowAgainAsync(viewer, id, view, ct));
    }

    [HttpPost("{id:int}/issues/{reference}/unlink")]
    public async Task<IActionResult> UnlinkIssue(int id, string reference, UnlinkIssue.Form form, [FromServices] UnlinkIssue.Validator validator, [FromServices] UnlinkIssue.Handler handler,
        [FromServices] ViewTaskGroup.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, reference, ct),
            _ => Saved(id, $"Issue {reference} is no longer worked through the group"),
            () => ShowAgainAsync(viewer, id, view, ct));
    }

    [HttpGet("{id:int}/close")]
    public async Task<IActionResult> Close(int id, [FromServices] CloseTaskGroup.Handler handler, CancellationToken ct)
    {
        var form = await handler.LoadAsync(await ViewerAsync(ct), id, null, ct);
        return form switch
        {
            null => NotFound(),
            { Allowed: false } => Forbid(),
            { IsActive: false } => ClosedGroup(id),
            _ => View(form),
        };
    }

    [HttpPost("{id:int}/close")]
    public async Task<IActionResult> Close(int id, CloseTaskGroup.Form form, [FromServices] CloseTaskGroup.Validator validator, [FromServices] CloseTaskGroup.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, "Task group closed"),
            async () => await handler.LoadAsync(viewer, id, form, ct) is { } page ? View(page) : NotFound());
    }

    /// <summary>
    /// Before a change is validated: not found when the person may not see the group, 403 when they see it
    /// but may not manage it (so a refused person never gets a form back). Null when they may go on.
    /// </summary>
    private async Task<IActionResult?> RefusedAsync(Viewer viewer, int id, CancellationToken ct)
    {
        var areaId = await viewer.VisibleTaskGroups(db).Where(g => g.Id == id).Select(g => (int?)g.AreaId).SingleOrDefaultAsync(ct);
        if (areaId is null)
        {
            TaskGroupStore.LogNotVisible(logger, viewer, id);
            return NotFound();
        }

        return viewer.CanManage(areaId.Value) ? null : Forbid();
    }

    private async Task<IActionResult> ShowAgainAsync(Viewer viewer, int id, ViewTaskGroup.Handler view, CancellationToken ct) =>
        await view.HandleAsync(viewer, id, ct) is { } page ? View(nameof(Show), page) : NotFound();

    private RedirectResult ClosedGroup(int id)
    {
        TempData["Important"] = "This task group is closed: it can no longer be changed";
        return Redirect($"/task-groups/{id}");
    }

    private RedirectResult Saved(int id, string message)
    {
        TempData["Success"] = message;
        return Redirect($"/task-groups/{id}");
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
