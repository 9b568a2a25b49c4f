using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Admin.UnitCosts;

/// <summary>
/// The unit-cost table ("common sense and calculators"), kept by the administrator only (CostAccess.CanKeepUnitCosts;
/// every other role is refused, as on the other reference-data pages). A unit cost is retired, never deleted.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Administrator)]
[Route("admin/unit-costs")]
public sealed class UnitCostsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListUnitCosts.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new EditUnitCost.Form());

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditUnitCost.Handler handler, CancellationToken ct) =>
        await handler.LoadAsync(id, ct) is { } form ? View(form) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> Create(EditUnitCost.Form form, [FromServices] EditUnitCost.Validator validator, [FromServices] EditUnitCost.Handler handler, CancellationToken ct)
    {
        form.Id = null;
        form.IsActive = true;
        return Save(form, validator, handler, ct);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditUnitCost.Form form, [FromServices] EditUnitCost.Validator validator, [FromServices] EditUnitCost.Handler handler, CancellationToken ct)
    {
        form.Id = id;
        form.IsActive = await handler.IsActiveAsync(id, ct);
        return await Save(form, validator, handler, ct);
    }

    [HttpPost("{id:int}/retire")]
    public Task<IActionResult> Retire(int id, [FromServices] EditUnitCost.Handler handler, CancellationToken ct) => SetInUse(id, false, handler, ct);

    [HttpPost("{id:int}/reinstate")]
    public Task<IActionResult> Reinstate(int id, [FromServices] EditUnitCost.Handler handler, CancellationToken ct) => SetInUse(id, true, handler, ct);

    private async Task<IActionResult> SetInUse(int id, bool inUse, EditUnitCost.Handler handler, CancellationToken ct)
    {
        if (await handler.SetInUseAsync(id, inUse, ct) is not { } done)
        {
            return NotFound();
        }

        if (done.Refusal is { } refusal)
        {
            TempData["Important"] = refusal;
            return RedirectToAction(nameof(Edit), new { id });
        }

        TempData["Success"] = inUse
            ? $"Unit cost “{done.Name}” is in use again: it is offered for new costs and estimates"
            : $"Unit cost “{done.Name}” retired: it is no longer offered for new costs and estimates, and what already used it keeps its value";
        return RedirectToAction(nameof(Index));
    }

    private Task<IActionResult> Save(EditUnitCost.Form form, EditUnitCost.Validator validator, EditUnitCost.Handler handler, CancellationToken ct) =>
        this.SaveFormAsync(form, validator, () => handler.HandleAsync(form, ct), _ =>
        {
            TempData["Success"] = form.Id is null ? $"Unit cost “{form.Name!.Trim()}” added" : $"Unit cost “{form.Name!.Trim()}” updated";
            return RedirectToAction(nameof(Index));
        });
}
