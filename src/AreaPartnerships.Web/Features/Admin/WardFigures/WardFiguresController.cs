using System.Text;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Admin.WardFigures;

/// <summary>
/// Ward figures for the ward profiles: the administrator's imports (<see cref="ListImports"/>), the upload
/// (<see cref="ImportWardFigures"/>) and the example file (<see cref="WardFigureFile"/> is the format).
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Administrator)]
[Route("admin/ward-figures")]
public sealed class WardFiguresController : Controller
{
    /// <summary>
    /// Room for a file of up to 1 MB and the rest of the form (a larger file up to this is read and refused with a message);
    /// anything larger is refused unread, with the "could not accept what you sent" page (<c>UnreadableFormFilter</c>).
    /// </summary>
    private const int FormLimit = 4 * WardFigureFile.MaxBytes;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListImports.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(ct));

    [HttpGet("example.csv")]
    public async Task<IActionResult> Example([FromServices] ListImports.Handler handler, CancellationToken ct)
    {
        var lines = await handler.ExampleAsync(ct);
        var body = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble()
            .Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")).ToArray();
        return File(body, "text/csv; charset=utf-8", "ward-figures-example.csv");
    }

    [HttpGet("import")]
    public IActionResult Import() => View(ImportWardFigures.Page.Empty);

    [HttpPost("import")]
    [RequestFormLimits(MultipartBodyLengthLimit = FormLimit)]
    public async Task<IActionResult> Import(ImportWardFigures.Form form, [FromServices] ImportWardFigures.Validator validator,
        [FromServices] ImportWardFigures.Handler handler, CancellationToken ct)
    {
        if (!await this.ValidateAsync(validator, form))
        {
            return this.InvalidForm(ImportWardFigures.Page.Empty);
        }

        var result = await handler.HandleAsync(form, User.UserId(), ct);
        if (result.Problems.Count > 0)
        {
            var fileName = Path.GetFileName(form.File!.FileName);
            ModelState.AddModelError(nameof(ImportWardFigures.Form.File), result.Problems.Count == 1
                ? result.Problems[0]
                : $"‘{fileName}’ has {UkFormat.Number(result.Problems.Count)} problems, so nothing has been imported: correct them and upload the file again");
            return this.InvalidForm(new ImportWardFigures.Page(fileName, result.Problems.Count == 1 ? [] : WardFigureFile.Shown(result.Problems)));
        }

        TempData["Success"] = result.Describe();
        return RedirectToAction(nameof(Index));
    }
}
