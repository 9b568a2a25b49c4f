using AreaPartnerships.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Errors;

/// <summary>
/// The error pages. They are re-executed for the failed request as it was — a POST keeps its method and
/// its form — so nothing here is bound from the form: the status comes from the status-code pages feature
/// (or the route), never from a posted field. (MVC's value providers read the form before the route: a
/// posted <c>code=0</c>, or a form that cannot be read, once made this answer <c>HTTP/1.1 0</c>.)
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for failed POSTs too
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error")]
    public IActionResult Error()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error");
    }

    [Route("/error/{code:int}")]
    public IActionResult Status()
    {
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var routeCode) ? routeCode : 0);
        if (code is < 400 or > 599)
        {
            code = StatusCodes.Status404NotFound; // /error/200 and the like are not pages
        }

        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status400BadRequest => View(BadRequestPage.ViewName, BadRequestPage.Other),
            StatusCodes.Status404NotFound => View("NotFound"),
            _ => View("Error"),
        };
    }
}
