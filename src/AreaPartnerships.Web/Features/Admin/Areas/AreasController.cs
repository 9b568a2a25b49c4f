using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Admin.Areas;

[Authorize(Policy = AuthorizationPolicies.Administrator)]
[Route("admin/areas")]
public sealed class AreasController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListAreas.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new EditArea.Form());

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditArea.Handler handler, CancellationToken ct) =>
        await handler.LoadAsync(id, ct) is { } form ? View(form) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> Create(EditArea.Form form, [FromServices] EditArea.Validator validator, [FromServices] EditArea.Handler handler, CancellationToken ct)
    {
        form.Id = null;
        return Save(form, validator, handler, ct);
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, EditArea.Form form, [FromServices] EditArea.Validator validator, [FromServices] EditArea.Handler handler, CancellationToken ct)
    {
        form.Id = id;
        return Save(form, validator, handler, ct);
    }

    private Task<IActionResult> Save(EditArea.Form form, EditArea.Validator validator, EditArea.Handler handler, CancellationToken ct) =>
        this.SaveFormAsync(form, validator, () => handler.HandleAsync(form, ct), _ =>
        {
            TempData["Success"] = form.Id is null ? $"Area “{form.Name!.Trim()}” added" : $"Area “{form.Name!.Trim()}” updated";
            return RedirectToAction(nameof(Index));
        });
}
