using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Admin.Organisations;

[Authorize(Policy = AuthorizationPolicies.Administrator)]
[Route("admin/organisations")]
public sealed class OrganisationsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListOrganisations.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new EditOrganisation.Form());

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditOrganisation.Handler handler, CancellationToken ct) =>
        await handler.LoadAsync(id, ct) is { } form ? View(form) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> Create(EditOrganisation.Form form, [FromServices] EditOrganisation.Validator validator, [FromServices] EditOrganisation.Handler handler, CancellationToken ct)
    {
        form.Id = null;
        return Save(form, validator, handler, ct);
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, EditOrganisation.Form form, [FromServices] EditOrganisation.Validator validator, [FromServices] EditOrganisation.Handler handler, CancellationToken ct)
    {
        form.Id = id;
        return Save(form, validator, handler, ct);
    }

    private Task<IActionResult> Save(EditOrganisation.Form form, EditOrganisation.Validator validator, EditOrganisation.Handler handler, CancellationToken ct) =>
        this.SaveFormAsync(form, validator, () => handler.HandleAsync(form, ct), _ =>
        {
            TempData["Success"] = form.Id is null ? $"Organisation “{form.Name!.Trim()}” added" : $"Organisation “{form.Name!.Trim()}” updated";
            return RedirectToAction(nameof(Index));
        });
}
