using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Costs;

/// <summary>
/// Costs on a case (journey 4): the costs page, recording a cost, withdrawing one. Who may do what is
/// <see cref="CostAccess"/>: councillors and administrators never see costs on a case, and an issue the person may not
/// see is "not found" (logged), whatever the URL; one they see but may not record costs on is refused (403) and the
/// costs page says who records them.
/// </summary>
[Authorize]
[Route("issues/{reference}/costs")]
public sealed class CostsController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string reference, [FromServices] ViewCosts.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await handler.HandleAsync(viewer, reference, ct) is { } page ? View(page) : NotFound();
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(string reference, [FromServices] RecordCost.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await handler.LoadAsync(viewer, reference, null, ct) is { } form
            ? form.Page.CanRecord ? View(form) : Forbid()
            : NotFound();
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(string reference, RecordCost.Form form, [FromServices] RecordCost.Validator validator, [FromServices] RecordCost.Handler handler,
        CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.SeesCosts)
        {
            return NotFound();
        }

        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, reference, form, ct),
            _ => Saved(reference, handler.Confirmation!),
            async () => await handler.LoadAsync(viewer, reference, form, ct) is { } page ? page.Page.CanRecord ? View(page) : Forbid() : NotFound());
    }

    [HttpGet("{costId:long}/withdraw")]
    public async Task<IActionResult> Withdraw(string reference, long costId, [FromServices] WithdrawCost.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await handler.LoadAsync(viewer, reference, costId, null, ct) is { } form
            ? form.Page.CanRecord ? View(form) : Forbid()
            : NotFound();
    }

    [HttpPost("{costId:long}/withdraw")]
    public async Task<IActionResult> Withdraw(string reference, long costId, WithdrawCost.Form form, [FromServices] WithdrawCost.Validator validator,
        [FromServices] WithdrawCost.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.SeesCosts)
        {
            return NotFound();
        }

        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, reference, costId, form, ct),
            _ => Saved(reference, handler.Confirmation!),
            async () => await handler.LoadAsync(viewer, reference, costId, form, ct) is { } page ? page.Page.CanRecord ? View(page) : Forbid() : NotFound());
    }

    private RedirectToActionResult Saved(string reference, string message)
    {
        TempData["Success"] = message;
        return RedirectToAction(nameof(Index), new { reference });
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
