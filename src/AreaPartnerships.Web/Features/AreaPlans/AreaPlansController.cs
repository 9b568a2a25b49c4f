using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.AreaPlans;

/// <summary>
/// Area plans: each area's priorities for a financial year, their lead organisations and the task groups
/// serving them. Who may see and change which plan is <see cref="AreaPlanAccess"/>: another area's plan is
/// "not found"; a plan the person may see but not change is "forbidden" for every change.
/// </summary>
[Authorize(Roles = $"{Roles.PartnershipManager},{Roles.AreaManager},{Roles.SupportOfficer}")]
[Route("area-plans")]
public sealed class AreaPlansController(AppDbContext db, TimeProvider clock, ILogger<AreaPlansController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, [FromServices] ListAreaPlans.Handler handler, CancellationToken ct)
    {
        if (YearOrDefault(year) is not { } financialYear)
        {
            return NotFound();
        }

        return View(await handler.HandleAsync(await ViewerAsync(ct), financialYear, ct));
    }

    [HttpGet("{areaId:int}")]
    public async Task<IActionResult> Show(int areaId, int? year, [FromServices] ViewAreaPlan.Handler handler, CancellationToken ct)
    {
        if (YearOrDefault(year) is not { } financialYear)
        {
            return NotFound();
        }

        return await handler.HandleAsync(await ViewerAsync(ct), areaId, financialYear, ct) is { } page ? View(page) : NotFound();
    }

    [HttpGet("{areaId:int}/priorities/new")]
    public async Task<IActionResult> NewPriority(int areaId, int? year, [FromServices] EditPriority.Handler handler, CancellationToken ct)
    {
        var (_, area, refused) = await ForChangeAsync(areaId, ct);
        if (refused is not null)
        {
            return refused;
        }

        return YearOrDefault(year) is { } financialYear ? View("Priority", await handler.NewAsync(area!, financialYear, null, ct)) : NotFound();
    }

    [HttpPost("{areaId:int}/priorities/new")]
    public async Task<IActionResult> NewPriority(int areaId, int? year, EditPriority.Form form, [FromServices] EditPriority.Validator validator,
        [FromServices] EditPriority.Handler handler, CancellationToken ct)
    {
        var (viewer, area, refused) = await ForChangeAsync(areaId, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (YearOrDefault(year) is not { } financialYear)
        {
            return NotFound();
        }

        return await this.SaveFormAsync(form, validator, async () => await handler.AddAsync(viewer, area!, financialYear, form, ct),
            saved => PlanSaved(areaId, financialYear.StartYear, $"Priority ‘{form.Title!.Trim()}’ added", saved.Id),
            async () => View("Priority", await handler.NewAsync(area!, financialYear, form, ct)));
    }

    [HttpGet("{areaId:int}/priorities/{priorityId:int}/edit")]
    public async Task<IActionResult> EditPriority(int areaId, int priorityId, [FromServices] EditPriority.Handler handler, CancellationToken ct)
    {
        var (_, area, refused) = await ForChangeAsync(areaId, ct);
        if (refused is not null)
        {
            return refused;
        }

        return await handler.EditAsync(area!, priorityId, null, ct) is { } form ? View("Priority", form) : NotFound();
    }

    [HttpPost("{areaId:int}/priorities/{priorityId:int}/edit")]
    public async Task<IActionResult> EditPriority(int areaId, int priorityId, EditPriority.Form form, [FromServices] EditPriority.Validator validator,
        [FromServices] EditPriority.Handler handler, CancellationToken ct)
    {
        var (viewer, area, refused) = await ForChangeAsync(areaId, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (await handler.EditAsync(area!, priorityId, form, ct) is null)
        {
            return NotFound();
        }

        return await this.SaveFormAsync(form, validator, () => handler.ChangeAsync(viewer, area!, priorityId, form, ct),
            saved => PlanSaved(areaId, form.Year.StartYear, $"Priority ‘{form.Title!.Trim()}’ changed", saved.Id),
            async () => await handler.EditAsync(area!, priorityId, form, ct) is { } page ? View("Priority", page) : NotFound());
    }

    [HttpPost("{areaId:int}/priorities/{priorityId:int}/move-up")]
    public Task<IActionResult> MoveUp(int areaId, int priorityId, [FromServices] MovePriority.Handler handler, CancellationToken ct) =>
        MoveAsync(areaId, priorityId, MovePriority.Direction.Up, handler, ct);

    [HttpPost("{areaId:int}/priorities/{priorityId:int}/move-down")]
    public Task<IActionResult> MoveDown(int areaId, int priorityId, [FromServices] MovePriority.Handler handler, CancellationToken ct) =>
        MoveAsync(areaId, priorityId, MovePriority.Direction.Down, handler, ct);

    [HttpGet("{areaId:int}/priorities/{priorityId:int}/remove")]
    public async Task<IActionResult> RemovePriority(int areaId, int priorityId, [FromServices] RemovePriority.Handler handler, CancellationToken ct)
    {
        var (_, area, refused) = await ForChangeAsync(areaId, ct);
        if (refused is not null)
        {
            return refused;
        }

        return await handler.LoadAsync(area!, priorityId, null, ct) is { } form ? View("Remove", form) : NotFound();
    }

    [HttpPost("{areaId:int}/priorities/{priorityId:int}/remove")]
    public async Task<IActionResult> RemovePriority(int areaId, int priorityId, RemovePriority.Form form, [FromServices] RemovePriority.Validator validator,
        [FromServices] RemovePriority.Handler handler, CancellationToken ct)
    {
        var (viewer, area, refused) = await ForChangeAsync(areaId, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (await handler.LoadAsync(area!, priorityId, form, ct) is null)
        {
            return NotFound();
        }

        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, area!, priorityId, form, ct),
            _ => PlanSaved(areaId, form.Year.StartYear, $"Priority ‘{form.Title}’ removed", null),
            async () => await handler.LoadAsync(area!, priorityId, form, ct) is { } page ? View("Remove", page) : NotFound());
    }

    [HttpGet("{areaId:int}/summary")]
    public async Task<IActionResult> Summary(int areaId, int? year, [FromServices] EditSummary.Handler handler, CancellationToken ct)
    {
        var (_, area, refused) = await ForChangeAsync(areaId, ct);
        if (refused is not null)
        {
            return refused;
        }

        return YearOrDefault(year) is { } financialYear ? View(await handler.LoadAsync(area!, financialYear, null, ct)) : NotFound();
    }

    [HttpPost("{areaId:int}/summary")]
    public async Task<IActionResult> Summary(int areaId, int? year, EditSummary.Form form, [FromServices] EditSummary.Validator validator,
        [FromServices] EditSummary.Handler handler, CancellationToken ct)
    {
        var (viewer, area, refused) = await ForChangeAsync(areaId, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (YearOrDefault(year) is not { } financialYear)
        {
            return NotFound();
        }

        return await this.SaveFormAsync(form, validator, async () => await handler.HandleAsync(viewer, area!, financialYear, form, ct),
            _ => PlanSaved(areaId, financialYear.StartYear, "Plan summary saved", null),
            async () => View(await handler.LoadAsync(area!, financialYear, form, ct)));
    }

    private async Task<IActionResult> MoveAsync(int areaId, int priorityId, MovePriority.Direction direction, MovePriority.Handler handler, CancellationToken ct)
    {
        var (viewer, area, refused) = await ForChangeAsync(areaId, ct);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await handler.HandleAsync(viewer, area!, priorityId, direction, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        TempData[outcome.Moved ? "Success" : "Important"] = outcome.Message;
        return Redirect($"/area-plans/{areaId}?year={outcome.Year}#priority-{priorityId}");
    }

    /// <summary>
    /// The person, the area and whether they may change its plan: a 404 when they may not see the area's
    /// plan (or it does not exist), a 403 when they may see it but not change it.
    /// </summary>
    private async Task<(Viewer Viewer, PlanArea? Area, IActionResult? Refused)> ForChangeAsync(int areaId, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        var area = await viewer.FindAreaAsync(db, areaId, logger, ct);
        if (area is null)
        {
            return (viewer, null, NotFound());
        }

        if (!area.CanChange)
        {
            logger.LogWarning("User {UserId} ({Role}) tried to change the plan of area {AreaId}, which they may only see", viewer.UserId, viewer.Role, areaId);
            return (viewer, area, Forbid());
        }

        return (viewer, area, null);
    }

    private RedirectResult PlanSaved(int areaId, int year, string message, int? priorityId)
    {
        TempData["Success"] = message;
        return Redirect($"/area-plans/{areaId}?year={year}{(priorityId is { } id ? $"#priority-{id}" : "")}");
    }

    private FinancialYear? YearOrDefault(int? year)
    {
        // A year that cannot be read (?year=abc) is taken as no year: the current one.
        ModelState.Remove(nameof(year));
        return PlanYears.Resolve(year, clock);
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
