using AreaPartnerships.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] HomePage.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(User, home => FigureMemo.RenderAsync(this, "_Panels", home), ct));
}
