using System.Text;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static AreaPartnerships.Web.Features.Dashboard.BoroughDashboard;

namespace AreaPartnerships.Web.Features.Dashboard;

/// <summary>
/// The borough dashboard (<see cref="BoroughDashboard"/>) and each of its tables as CSV. Officers only
/// (<see cref="DashboardAccess"/>): anyone else is refused (403, logged); an area outside the person's own is "not
/// found" (logged), never counted.
/// </summary>
[Authorize]
public sealed class DashboardController(AppDbContext db, Handler handler, FigureMemo memo, ILogger<DashboardController> logger) : Controller
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index(Query query, CancellationToken ct)
    {
        ModelState.Clear();
        var viewer = await Viewer.ForAsync(User, db, ct);
        if (!viewer.SeesDashboard)
        {
            logger.LogWarning("User {UserId} ({Role}) asked for the borough dashboard, which they may not see", viewer.UserId, viewer.Role);
            return Forbid();
        }

        // First, before the areas and the figures (docs/decisions/0029).
        var version = await DataVersion.ReadAsync(db, ct);
        if (await handler.ScopeAsync(viewer, query, version, ct) is not { } model)
        {
            logger.LogWarning("User {UserId} ({Role}) asked for the dashboard of area {AreaId}, which they may not see", viewer.UserId, viewer.Role, query.AreaId);
            return NotFound();
        }

        foreach (var (field, message) in model.Read.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        if (model.Scope is not { } scope)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }

        // The figures as kept for the data as it is now (docs/decisions/0029): the same for everyone counting the same
        // areas, for the same query (its CSV links carry it) on the same UK day.
        var counted = viewer.DashboardAreas is { } areas ? string.Join(',', areas.Order()) : "every area";
        var key = $"dashboard|{counted}|{Request.QueryString}|{Iso(scope.Today)}";
        var figures = await memo.GetAsync(version, key, async () =>
        {
            var panels = await handler.PanelsAsync(model, ct);
            return (await FigureMemo.RenderAsync(this, "_Figures", model with { Panels = panels.List }), panels.Until);
        });
        return View(model with { Figures = figures });
    }

    [HttpGet("/dashboard/{table}.csv")]
    public async Task<IActionResult> Csv(string table, Query query, CancellationToken ct)
    {
        var viewer = await Viewer.ForAsync(User, db, ct);
        if (!viewer.SeesDashboard)
        {
            logger.LogWarning("User {UserId} ({Role}) asked for the borough dashboard's {Table}, which they may not see", viewer.UserId, viewer.Role, table);
            return Forbid();
        }

        var model = await handler.HandleAsync(viewer, query, ct);
        if (model?.Scope is not { } scope || model.Panels.SelectMany(p => p.Tables).SingleOrDefault(t => t.Id == table) is not { } found)
        {
            return NotFound();
        }

        var name = $"{found.Id}-{Iso(scope.From)}-to-{Iso(scope.To)}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(found.ToCsv())).ToArray(), "text/csv; charset=utf-8", name);
    }
}
