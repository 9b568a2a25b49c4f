using AreaPartnerships.Domain;
using AreaPartnerships.Web.Features.Costs;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Estimates;

/// <summary>
/// An issue's cost-avoidance estimate (journey 5): the page, adding and taking out lines, and the method and
/// confidence. Who may do what is <see cref="CostAccess"/>: an issue whose costs the person may not see is "not found"
/// (and logged); one they see but may not change is refused (403), and the page says who can.
/// </summary>
[Authorize]
[Route("issues/{reference}/estimate")]
public sealed class EstimatesController(AppDbContext db, ILogger<EstimatesController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string reference, [FromServices] ViewEstimate.Handler view, CancellationToken ct) =>
        await view.LoadAsync(await ViewerAsync(ct), reference, null, null, ct) is { } page ? View(page) : NotFound();

    [HttpPost("lines")]
    public async Task<IActionResult> AddLine(string reference, ChangeEstimate.AddLine.Form form, [FromServices] ChangeEstimate.AddLine.Validator validator,
        [FromServices] ChangeEstimate.Handler handler, [FromServices] ViewEstimate.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, reference, ct) ?? await this.SaveFormAsync(form, validator, () => handler.AddLineAsync(viewer, reference, form, ct),
            _ => Saved(reference, handler.Confirmation!),
            async () => await view.LoadAsync(viewer, reference, form, null, ct) is { } page ? View(nameof(Show), page) : NotFound());
    }

    [HttpPost("lines/{lineId:long}/remove")]
    public async Task<IActionResult> RemoveLine(string reference, long lineId, [FromServices] ChangeEstimate.Handler handler, [FromServices] ViewEstimate.Handler view,
        CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, reference, ct) ?? await this.SaveFormAsync(new ChangeEstimate.AddLine.Form(), new FluentValidation.InlineValidator<ChangeEstimate.AddLine.Form>(),
            () => handler.RemoveLineAsync(viewer, reference, lineId, ct),
            _ => Saved(reference, handler.Confirmation!),
            async () => await view.LoadAsync(viewer, reference, null, null, ct) is { } page ? View(nameof(Show), page) : NotFound());
    }

    [HttpPost("")]
    public async Task<IActionResult> Describe(string reference, ChangeEstimate.SetMethod.Form form, [FromServices] ChangeEstimate.SetMethod.Validator validator,
        [FromServices] ChangeEstimate.Handler handler, [FromServices] ViewEstimate.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, reference, ct) ?? await this.SaveFormAsync(form, validator, () => handler.DescribeAsync(viewer, reference, form, ct),
            _ => Saved(reference, handler.Confirmation!),
            async () => await view.LoadAsync(viewer, reference, null, form, ct) is { } page ? View(nameof(Show), page) : NotFound());
    }

    /// <summary>
    /// Before a post is validated: not found (logged) when the person may not see the issue's costs, 403 when they see
    /// them but may not change the estimate. Null when they may go on.
    /// </summary>
    private async Task<IActionResult?> RefusedAsync(Viewer viewer, string reference, CancellationToken ct)
    {
        var areaId = viewer.SeesCosts
            ? await viewer.VisibleIssues(db).Where(i => i.Reference == reference).Select(i => (int?)i.AreaId).SingleOrDefaultAsync(ct)
            : null;
        if (areaId is null)
        {
            IssueStore.LogNotVisible(logger, viewer, reference);
            return NotFound();
        }

        return viewer.CanRecordCosts(areaId.Value) ? null : Forbid();
    }

    private RedirectResult Saved(string reference, string message)
    {
        TempData["Success"] = message;
        return Redirect(Url.Action(nameof(Show), new { reference })!);
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
