using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Admin.LevelTargets;

/// <summary>The target response time per level, from which each issue's due date is set when it is triaged or moved.</summary>
[Authorize(Policy = AuthorizationPolicies.Administrator)]
[Route("admin/level-targets")]
public sealed class LevelTargetsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] EditLevelTarget.Handler handler, CancellationToken ct) =>
        View(await handler.ListAsync(ct));

    [HttpGet("{level:int}/edit")]
    public async Task<IActionResult> Edit(int level, [FromServices] EditLevelTarget.Handler handler, CancellationToken ct) =>
        await handler.LoadAsync((IssueLevel)level, ct) is { } form ? View(form) : NotFound();

    [HttpPost("{level:int}/edit")]
    public Task<IActionResult> Edit(int level, EditLevelTarget.Form form, [FromServices] EditLevelTarget.Validator validator, [FromServices] EditLevelTarget.Handler handler, CancellationToken ct)
    {
        form.Level = (IssueLevel)level;
        return this.SaveFormAsync(form, validator, async () => await handler.HandleAsync(form, ct), _ =>
        {
            TempData["Success"] = $"{Issue.LevelName(form.Level)} target set to {EditLevelTarget.Days(form.TargetDays!.Value)}";
            return RedirectToAction(nameof(Index));
        }, async () => View(await handler.RefillAsync(form, ct)));
    }
}
