using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Admin.Users;

[Authorize(Policy = AuthorizationPolicies.Administrator)]
[Route("admin/users")]
public sealed class UsersController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ListUsers.Query query, [FromServices] ListUsers.Handler handler, CancellationToken ct)
    {
        // A filter value that cannot be read (e.g. ?areaId=abc) is ignored rather than an error page.
        ModelState.Clear();
        return View(await handler.HandleAsync(query, ct));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create([FromServices] EditUser.Handler handler, CancellationToken ct) =>
        View("Edit", await handler.FillAsync(new EditUser.Form(), ct));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditUser.Handler handler, CancellationToken ct) =>
        await handler.LoadAsync(id, ct) is { } form ? View(form) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> Create(EditUser.Form form, [FromServices] EditUser.Validator validator, [FromServices] EditUser.Handler handler, CancellationToken ct)
    {
        form.Id = null;
        return Save(form, validator, handler, ct);
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, EditUser.Form form, [FromServices] EditUser.Validator validator, [FromServices] EditUser.Handler handler, CancellationToken ct)
    {
        form.Id = id;
        form.Password = null;
        return Save(form, validator, handler, ct);
    }

    [HttpPost("{id:int}/lock")]
    public Task<IActionResult> Lock(int id, [FromServices] LockUser.Handler handler) => SetLocked(id, locked: true, handler);

    [HttpPost("{id:int}/unlock")]
    public Task<IActionResult> Unlock(int id, [FromServices] LockUser.Handler handler) => SetLocked(id, locked: false, handler);

    private async Task<IActionResult> SetLocked(int id, bool locked, LockUser.Handler handler)
    {
        var (outcome, name) = await handler.HandleAsync(id, locked, User.UserId());
        switch (outcome)
        {
            case LockUser.Outcome.NotFound:
                return NotFound();
            case LockUser.Outcome.CannotLockSelf:
                TempData["Important"] = "You cannot lock your own account: ask another administrator";
                break;
            default:
                TempData["Success"] = locked ? $"{name}'s account is locked: they cannot sign in" : $"{name}'s account is unlocked";
                break;
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> Save(EditUser.Form form, EditUser.Validator validator, EditUser.Handler handler, CancellationToken ct)
    {
        var result = await this.SaveFormAsync(form, validator, () => handler.HandleAsync(form, User.UserId(), ct), _ =>
        {
            TempData["Success"] = form.Id is null ? $"Account for {form.DisplayName!.Trim()} created" : $"Account for {form.DisplayName!.Trim()} updated";
            return RedirectToAction(nameof(Index));
        });
        if (result is ViewResult)
        {
            // The password field is never written back into the page (see GovukInputTagHelper).
            form.Password = null;
            await handler.FillAsync(form, ct);
        }

        return result;
    }
}
