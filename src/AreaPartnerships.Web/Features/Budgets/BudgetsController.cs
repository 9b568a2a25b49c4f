using System.Globalization;
using System.Text;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// Quick-win budgets: the monitor (every area's figures for a year), allocating and changing allocations, one budget's
/// ledger and its CSV for finance, and the ceiling for one spend. Who may do what is <see cref="BudgetAccess"/>: a
/// budget the person may not see is "not found" (and logged); a page they may not use is refused (403). Recording and
/// adjusting spends is the spends controller's.
/// </summary>
[Authorize]
[Route("budgets")]
public sealed class BudgetsController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, [FromServices] MonitorBudgets.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        var viewer = await ViewerAsync(ct);
        return viewer.SeesBudgets ? View(await handler.HandleAsync(viewer, year, ct)) : Forbid();
    }

    [HttpGet("allocate")]
    public async Task<IActionResult> Allocate(int? areaId, int? year, [FromServices] AllocateBudget.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.CanAllocate)
        {
            return Forbid();
        }

        return await handler.TargetAsync(areaId, year, ct) switch
        {
            null => NotFound(),
            { ExistingBudgetId: { } existing } => Redirect($"/budgets/{existing}/allocation"),
            { } target => View(AllocateBudget.Handler.Fill(target, null)),
        };
    }

    [HttpPost("allocate")]
    public async Task<IActionResult> Allocate(int? areaId, int? year, AllocateBudget.Form form, [FromServices] AllocateBudget.Validator validator,
        [FromServices] AllocateBudget.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.CanAllocate)
        {
            return Forbid();
        }

        if (await handler.TargetAsync(areaId, year, ct) is not { } target)
        {
            return NotFound();
        }

        if (target.ExistingBudgetId is { } existing)
        {
            TempData["Important"] = $"{target.Area} already has an allocation for {target.Year}: change it here, with a reason";
            return Redirect($"/budgets/{existing}/allocation");
        }

        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, target, form, ct),
            saved => Saved(saved.Id!.Value, $"{target.Area}'s allocation for {target.Year} is set"),
            () => Task.FromResult<IActionResult>(View(AllocateBudget.Handler.Fill(target, form))));
    }

    [HttpGet("{id:int}/allocation")]
    public async Task<IActionResult> Allocation(int id, [FromServices] ChangeAllocation.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (await handler.LoadAsync(viewer, id, null, ct) is not { } form)
        {
            return NotFound();
        }

        return viewer.CanAllocate ? View(form) : Forbid();
    }

    [HttpPost("{id:int}/allocation")]
    public async Task<IActionResult> Allocation(int id, ChangeAllocation.Form form, [FromServices] ChangeAllocation.Validator validator,
        [FromServices] ChangeAllocation.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (await handler.LoadAsync(viewer, id, null, ct) is null)
        {
            return NotFound();
        }

        if (!viewer.CanAllocate)
        {
            return Forbid();
        }

        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, "Allocation changed"),
            async () => await handler.LoadAsync(viewer, id, form, ct) is { } page ? View(page) : NotFound());
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, string? after, string? before, bool last, [FromServices] ViewLedger.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        var page = await handler.HandleAsync(await ViewerAsync(ct), id, new ViewLedger.Query(after, before, last), ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>The whole ledger for finance: one row per entry (corrections and reversals included), newest first.</summary>
    [HttpGet("{id:int}/ledger.csv")]
    public async Task<IActionResult> Csv(int id, [FromServices] ViewLedger.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (await handler.HeaderAsync(viewer, id, ct) is not { } header)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"quick-wins-{FileName(header.Area)}-{header.Year.StartYear}.csv\"";
        await using (var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            await writer.WriteLineAsync("Date,Kind,Amount,Payee,Purpose,Reference,Issue reference,Adjusts entry,Reason,Recorded by,Recorded at");
            await foreach (var row in handler.StreamAsync(viewer, id).WithCancellation(ct))
            {
                await writer.WriteLineAsync(string.Join(',',
                    row.SpentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ViewLedger.KindName(row.Kind),
                    row.Amount.ToString("0.00", CultureInfo.InvariantCulture),
                    Infrastructure.Csv.Cell(row.Payee), Infrastructure.Csv.Cell(row.Purpose), Infrastructure.Csv.Cell(row.Reference),
                    Infrastructure.Csv.Cell(row.IssueId is null ? null : row.IssueVisible ? row.IssueReference : "An issue you cannot see"),
                    row.AdjustsSpendId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    Infrastructure.Csv.Cell(row.Reason), Infrastructure.Csv.Cell(row.RecordedBy),
                    UkFormat.ToUkTime(row.RecordedAt).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)));
            }
        }

        return new EmptyResult();
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings([FromServices] SpendCeiling.Handler handler, CancellationToken ct) =>
        (await ViewerAsync(ct)).CanSetSpendCeiling ? View(await handler.LoadAsync(ct)) : Forbid();

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(SpendCeiling.Form form, [FromServices] SpendCeiling.Validator validator, [FromServices] SpendCeiling.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.CanSetSpendCeiling)
        {
            return Forbid();
        }

        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer.UserId, form, ct),
            _ =>
            {
                TempData["Success"] = "Ceiling for one spend saved";
                return Redirect("/budgets");
            },
            "Settings");
    }

    private static string FileName(string area) =>
        new([.. area.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private RedirectResult Saved(int id, string message)
    {
        TempData["Success"] = message;
        return Redirect($"/budgets/{id}");
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
