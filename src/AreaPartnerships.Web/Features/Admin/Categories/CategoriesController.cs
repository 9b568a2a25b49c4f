using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Admin.Categories;

[Authorize(Policy = AuthorizationPolicies.Administrator)]
[Route("admin/categories")]
public sealed class CategoriesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListCategories.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> Create([FromServices] EditCategory.Handler handler, CancellationToken ct) =>
        View("Edit", await handler.FillAsync(new EditCategory.Form(), ct));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditCategory.Handler handler, CancellationToken ct) =>
        await handler.LoadAsync(id, ct) is { } form ? View(form) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> Create(EditCategory.Form form, [FromServices] EditCategory.Validator validator, [FromServices] EditCategory.Handler handler, CancellationToken ct)
    {
        form.Id = null;
        form.IsActive = true;
        return Save(form, validator, handler, ct);
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, EditCategory.Form form, [FromServices] EditCategory.Validator validator, [FromServices] EditCategory.Handler handler, CancellationToken ct)
    {
        form.Id = id;
        return Save(form, validator, handler, ct);
    }

    private Task<IActionResult> Save(EditCategory.Form form, EditCategory.Validator validator, EditCategory.Handler handler, CancellationToken ct) =>
        this.SaveFormAsync(form, validator, async () => (SaveResult?)await handler.HandleAsync(form, ct), _ =>
        {
            TempData["Success"] = form.Id is null
                ? $"Category “{form.Name!.Trim()}” added"
                : form.IsActive ? $"Category “{form.Name!.Trim()}” updated" : $"Category “{form.Name!.Trim()}” updated: it is retired, so it is no longer offered when raising an issue";
            return RedirectToAction(nameof(Index));
        },
        async () => View("Edit", await handler.FillAsync(form, ct)));
}
