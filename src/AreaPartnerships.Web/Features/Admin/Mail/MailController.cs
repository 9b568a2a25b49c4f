using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Mail;

/// <summary>
/// E-mail for the administrator: the outbox's counts and parked messages (with "Try again"), in Development the file
/// outbox, the wording of each kind of e-mail (templates) and the sender, footer and service address (settings).
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Administrator)]
[Route("admin/mail")]
public sealed class MailController(IWebHostEnvironment environment) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(MailOverview.Query query, [FromServices] MailOverview.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(query, ct));

    [HttpPost("{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, [FromServices] RetryMessage.Handler handler, CancellationToken ct)
    {
        var (outcome, to) = await handler.HandleAsync(id, User.UserId(), ct);
        switch (outcome)
        {
            case RetryMessage.Outcome.NotFound:
                return NotFound();
            case RetryMessage.Outcome.NotParked:
                TempData["Important"] = $"The message to {to} is not waiting to be tried again: it has already been put back in the outbox or sent";
                break;
            default:
                TempData["Success"] = $"The message to {to} will be tried again in the next few moments";
                break;
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpGet("outbox")]
    public async Task<IActionResult> Outbox([FromServices] DevelopmentOutbox.Handler handler, CancellationToken ct) =>
        environment.IsDevelopment() ? View(await handler.ListAsync(ct)) : NotFound();

    [HttpGet("outbox/{name}")]
    public async Task<IActionResult> OutboxMessage(string name, [FromServices] DevelopmentOutbox.Handler handler, CancellationToken ct) =>
        environment.IsDevelopment() && await handler.ShowAsync(name, ct) is { } message ? View(message) : NotFound();

    /// <summary>One row of the templates list.</summary>
    public sealed record TemplateRow(NotificationKindInfo Kind, string Subject, bool IsChanged);

    [HttpGet("/admin/email-templates")]
    public async Task<IActionResult> Templates([FromServices] AppDbContext db, CancellationToken ct)
    {
        var saved = await db.EmailTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, t => t.Subject, ct);
        IReadOnlyList<TemplateRow> rows =
            [.. NotificationKinds.All.Select(k => new TemplateRow(k, saved.TryGetValue(k.Kind, out var s) ? s : EmailTemplates.Default(k.Kind).Subject, saved.ContainsKey(k.Kind)))];
        return View(rows);
    }

    [HttpGet("/admin/email-templates/{kind:int}")]
    public async Task<IActionResult> Template(int kind, [FromServices] EditTemplate.Handler handler, CancellationToken ct) =>
        EditTemplate.Handler.KindOf(kind) is { } info ? View(await handler.LoadAsync(info, ct)) : NotFound();

    [HttpPost("/admin/email-templates/{kind:int}")]
    public async Task<IActionResult> Template(int kind, EditTemplate.Form form, string? preview, [FromServices] EditTemplate.Validator validator,
        [FromServices] EditTemplate.Handler handler, CancellationToken ct)
    {
        if (EditTemplate.Handler.KindOf(kind) is not { } info)
        {
            return NotFound();
        }

        validator.Kind = info.Kind;
        if (preview is not null)
        {
            // Preview: check and show the typed wording filled with example values; nothing is saved.
            var valid = await this.ValidateAsync(validator, form);
            var page = await handler.FillAsync(info, form, valid, ct);
            return valid ? View(page) : this.InvalidForm(page);
        }

        return await this.SaveFormAsync(form, validator, async () => (SaveResult?)await handler.HandleAsync(info.Kind, form, User.UserId(), ct), _ =>
        {
            TempData["Success"] = $"The wording of “{info.Name}” has been saved";
            return RedirectToAction(nameof(Template), new { kind });
        }, async () => View(await handler.FillAsync(info, form, preview: false, ct)));
    }

    [HttpPost("/admin/email-templates/{kind:int}/restore")]
    public async Task<IActionResult> Restore(int kind, [FromServices] EditTemplate.Handler handler, CancellationToken ct)
    {
        if (EditTemplate.Handler.KindOf(kind) is not { } info)
        {
            return NotFound();
        }

        TempData["Success"] = await handler.RestoreAsync(info.Kind, ct)
            ? $"“{info.Name}” is back to the default wording"
            : $"“{info.Name}” already has the default wording";
        return RedirectToAction(nameof(Template), new { kind });
    }

    [HttpGet("/admin/mail-settings")]
    public async Task<IActionResult> Settings([FromServices] EditMailSettings.Handler handler, CancellationToken ct) =>
        View(await handler.LoadAsync(ct));

    [HttpPost("/admin/mail-settings")]
    public Task<IActionResult> Settings(EditMailSettings.Form form, [FromServices] EditMailSettings.Validator validator, [FromServices] EditMailSettings.Handler handler, CancellationToken ct) =>
        this.SaveFormAsync(form, validator, () => handler.HandleAsync(form, ct), _ =>
        {
            TempData["Success"] = "Mail settings saved";
            return RedirectToAction(nameof(Settings));
        }, "Settings");
}
