using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// Recording quick-win spends, correcting or reversing them, and the councillor's view of their wards' spend. Who
/// may do what is <see cref="BudgetAccess"/>: a budget the person may not see is "not found" (and logged); one they
/// see but may not spend from (a support officer) is refused (403), and the ledger page says why. Partners never
/// see a budget page.
/// </summary>
[Authorize]
[Route("budgets")]
public sealed class SpendsController(AppDbContext db, TimeProvider clock, ILogger<SpendsController> logger) : Controller
{
    /// <summary>Where "Record a spend" starts: choose the area; its budget for this year, or why there is none.</summary>
    [HttpGet("spend")]
    public async Task<IActionResult> ChooseArea(int? areaId, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.SeesBudgets)
        {
            return NotFound();
        }

        var areas = await db.Areas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var mine = areas.Where(a => viewer.CanSpendFrom(a.Id)).Select(a => new ChooseAreaPage.Choice(a.Id, a.Name)).ToList();
        if (mine.Count == 0)
        {
            return Forbid();
        }

        var year = FinancialYear.Containing(UkFormat.UkToday(clock));
        if (areaId is null && mine.Count == 1)
        {
            areaId = mine[0].Id;
        }

        if (areaId is { } chosen)
        {
            var area = mine.FirstOrDefault(a => a.Id == chosen);
            if (area is null)
            {
                logger.LogWarning("User {UserId} ({Role}) asked to spend from area {AreaId}, which they may not", viewer.UserId, viewer.Role, chosen);
                return NotFound();
            }

            var budgetId = await db.QuickWinBudgets.Where(b => b.AreaId == chosen && b.FinancialYearStart == year.StartYear).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
            if (budgetId is { } id)
            {
                return Redirect($"/budgets/{id}/spends/new");
            }

            return View(new ChooseAreaPage(mine, year, area));
        }

        return View(new ChooseAreaPage(mine, year, null));
    }

    [HttpGet("{budgetId:int}/spends/new")]
    public async Task<IActionResult> New(int budgetId, [FromServices] RecordSpend.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, budgetId, ct)
            ?? (await handler.LoadAsync(viewer, budgetId, null, ct) is { } form ? View(form) : NotFound());
    }

    [HttpPost("{budgetId:int}/spends/new")]
    public async Task<IActionResult> New(int budgetId, RecordSpend.Form form, [FromServices] RecordSpend.Validator validator, [FromServices] RecordSpend.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, budgetId, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, budgetId, form, ct),
            _ => Saved(budgetId, handler.Confirmation!),
            async () => await handler.LoadAsync(viewer, budgetId, form, ct) is { } page ? View(page) : NotFound());
    }

    [HttpGet("{budgetId:int}/spends/{spendId:long}/adjust")]
    public async Task<IActionResult> Adjust(int budgetId, long spendId, [FromServices] AdjustSpend.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, budgetId, ct)
            ?? (await handler.LoadAsync(viewer, budgetId, spendId, null, ct) is { } form ? View(form) : NotFound());
    }

    [HttpPost("{budgetId:int}/spends/{spendId:long}/adjust")]
    public async Task<IActionResult> Adjust(int budgetId, long spendId, AdjustSpend.Form form, [FromServices] AdjustSpend.Validator validator, [FromServices] AdjustSpend.Handler handler,
        CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, budgetId, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, budgetId, spendId, form, ct),
            _ => Saved(budgetId, handler.Confirmation!),
            async () => await handler.LoadAsync(viewer, budgetId, spendId, form, ct) is { } page ? View(page) : NotFound());
    }

    /// <summary>A councillor's wards: quick-win spend on issues there that they may see.</summary>
    [HttpGet("wards")]
    public async Task<IActionResult> Wards(int? year, [FromServices] WardSpend.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        var viewer = await ViewerAsync(ct);
        return viewer.Role == Roles.Councillor ? View(await handler.HandleAsync(viewer, new WardSpend.Query(year), ct)) : NotFound();
    }

    /// <summary>
    /// Before a form is shown or a post validated: not found (logged) when the person may not see the budget, 403
    /// when they see it but may not spend from it. Null when they may go on.
    /// </summary>
    private async Task<IActionResult?> RefusedAsync(Viewer viewer, int budgetId, CancellationToken ct)
    {
        var areaId = await viewer.VisibleBudgets(db).Where(b => b.Id == budgetId).Select(b => (int?)b.AreaId).SingleOrDefaultAsync(ct);
        if (areaId is null)
        {
            SpendText.LogNotVisible(logger, viewer, budgetId);
            return NotFound();
        }

        return viewer.CanSpendFrom(areaId.Value) ? null : Forbid();
    }

    private RedirectResult Saved(int budgetId, string message)
    {
        TempData["Success"] = message;
        return Redirect($"/budgets/{budgetId}");
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}

/// <summary>Choosing the area to spend from, or (with <see cref="Missing"/>) the area whose year has no allocation yet.</summary>
public sealed record ChooseAreaPage(IReadOnlyList<ChooseAreaPage.Choice> Areas, FinancialYear Year, ChooseAreaPage.Choice? Missing)
{
    public sealed record Choice(int Id, string Name);
}
