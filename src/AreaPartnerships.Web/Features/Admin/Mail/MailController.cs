using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Admin.Mail;

/// <summary>E-mail for the administrator: the outbox's counts and parked messages (with "Try again"), and in Development the file outbox.</summary>
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
}
