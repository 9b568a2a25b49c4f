using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Admin.Wards;

[Authorize(Policy = AuthorizationPolicies.Administrator)]
[Route("admin/wards")]
public sealed class WardsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? areaId, [FromServices] ListWards.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(areaId, ct));

    [HttpGet("new")]
    public async Task<IActionResult> Create(int? areaId, [FromServices] EditWard.Handler handler, CancellationToken ct) =>
        View("Edit", await handler.FillAsync(new EditWard.Form { AreaId = areaId }, ct));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditWard.Handler handler, CancellationToken ct) =>
        await handler.LoadAsync(id, ct) is { } form ? View(form) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> Create(EditWard.Form form, [FromServices] EditWard.Validator validator, [FromServices] EditWard.Handler handler, CancellationToken ct)
    {
        form.Id = null;
        return Save(form, validator, handler, ct);
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, EditWard.Form form, [FromServices] EditWard.Validator validator, [FromServices] EditWard.Handler handler, CancellationToken ct)
    {
        form.Id = id;
        return Save(form, validator, handler, ct);
    }

    private async Task<IActionResult> Save(EditWard.Form form, EditWard.Validator validator, EditWard.Handler handler, CancellationToken ct)
    {
        var result = await this.SaveFormAsync(form, validator, () => handler.HandleAsync(form, ct), _ =>
        {
            TempData["Success"] = form.Id is null ? $"Ward “{form.Name!.Trim()}” added" : $"Ward “{form.Name!.Trim()}” updated";
            return RedirectToAction(nameof(Index));
        });
        if (result is ViewResult)
        {
            await handler.FillAsync(form, ct);
        }

        return result;
    }
}
