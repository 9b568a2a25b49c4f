using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Partners;

/// <summary>
/// Partner users as the area managers and the partnership manager see them: who they are, their
/// organisation, and their confidentiality agreements. Recording an agreement is what lets a partner
/// see confidential issues and notes (DOMAIN.md, "Who uses it").
/// </summary>
[Authorize(Roles = $"{Roles.AreaManager},{Roles.PartnershipManager}")]
[Route("partners")]
public sealed class PartnersController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ListPartners.Query query, [FromServices] ListPartners.Handler handler, CancellationToken ct)
    {
        // A filter value that cannot be read (e.g. ?organisationId=abc) is ignored rather than an error page.
        ModelState.Clear();
        return View(await handler.HandleAsync(query, ct));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] RecordAgreement.Handler handler, CancellationToken ct) =>
        await handler.LoadAsync(id, null, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/agreements")]
    public async Task<IActionResult> RecordAgreement(int id, RecordAgreement.Form form, [FromServices] RecordAgreement.Validator validator,
        [FromServices] RecordAgreement.Handler handler, CancellationToken ct)
    {
        if (!await this.ValidateAsync(validator, form))
        {
            return await handler.LoadAsync(id, form, ct) is { } page ? this.InvalidForm(page, "Show") : NotFound();
        }

        var name = await handler.HandleAsync(id, form, User.UserId(), ct);
        if (name is null)
        {
            return NotFound();
        }

        TempData["Success"] = $"Confidentiality agreement recorded for {name}: they can now see confidential issues and notes for their work";
        return Redirect($"/partners/{id}");
    }
}
