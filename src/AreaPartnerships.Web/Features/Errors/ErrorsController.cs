using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Errors;

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
    public IActionResult Status([FromRoute] int code) // never a posted "Code" field of the failed request
    {
        Response.StatusCode = code;
        return code == StatusCodes.Status404NotFound ? View("NotFound") : View("Error");
    }
}
