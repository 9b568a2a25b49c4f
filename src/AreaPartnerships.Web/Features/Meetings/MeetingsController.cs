using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// Meetings: the list, "My meetings", scheduling one, its page (details, invitees, replies, papers), its calendar
/// file, and changing, cancelling and inviting. Who may see and do what is <see cref="MeetingAccess"/>: a meeting the
/// person may not see is "not found" (and logged), whatever the URL; one they see but may not run is refused (403).
/// Every signed-in person has "My meetings". Recording a meeting is <c>MeetingRecordController</c>.
/// </summary>
[Authorize]
[Route("meetings")]
public sealed class MeetingsController(AppDbContext db, ILogger<MeetingsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ListMeetings.Query query, [FromServices] ListMeetings.Handler handler, CancellationToken ct)
    {
        // A filter value that cannot be read (e.g. ?Type=abc) is ignored rather than an error page.
        ModelState.Clear();
        return View(await handler.HandleAsync(await ViewerAsync(ct), query, ct));
    }

    [HttpGet("mine")]
    public async Task<IActionResult> Mine([FromServices] MyMeetings.Handler handler, CancellationToken ct) =>
        View(await handler.HandleAsync(await ViewerAsync(ct), ct));

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] ScheduleMeeting.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return viewer.CanScheduleMeetings ? View(await handler.FillAsync(viewer, null, ct)) : Forbid();
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(ScheduleMeeting.Form form, [FromServices] ScheduleMeeting.Validator validator, [FromServices] ScheduleMeeting.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.CanScheduleMeetings)
        {
            return Forbid();
        }

        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, form, ct),
            saved => Saved(saved.Id!.Value, "Meeting scheduled"),
            async () => View(await handler.FillAsync(viewer, form, ct)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] ViewMeeting.Handler handler, CancellationToken ct) =>
        await handler.HandleAsync(await ViewerAsync(ct), id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("{id:int}/calendar.ics")]
    public async Task<IActionResult> Calendar(int id, [FromServices] MeetingCalendar.Handler handler, CancellationToken ct)
    {
        var page = new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}/meetings/{id}");
        return await handler.HandleAsync(await ViewerAsync(ct), id, page, ct) is { } file
            ? File(file.Content, MeetingCalendar.ContentType, file.FileName)
            : NotFound();
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditMeeting.Handler handler, CancellationToken ct)
    {
        var form = await handler.LoadAsync(await ViewerAsync(ct), id, null, ct);
        return form switch
        {
            null => NotFound(),
            { Allowed: false } => Forbid(),
            { IsCancelled: true } => CancelledMeeting(id),
            _ => View(form),
        };
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditMeeting.Form form, [FromServices] EditMeeting.Validator validator, [FromServices] EditMeeting.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, "Meeting changed"),
            async () => await handler.LoadAsync(viewer, id, form, ct) is { } page ? View(page) : NotFound());
    }

    [HttpGet("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, [FromServices] CancelMeeting.Handler handler, CancellationToken ct)
    {
        var form = await handler.LoadAsync(await ViewerAsync(ct), id, null, ct);
        return form switch
        {
            null => NotFound(),
            { Allowed: false } => Forbid(),
            { IsCancelled: true } => CancelledMeeting(id),
            _ => View(form),
        };
    }

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancelMeeting.Form form, [FromServices] CancelMeeting.Validator validator, [FromServices] CancelMeeting.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, "Meeting cancelled"),
            async () => await handler.LoadAsync(viewer, id, form, ct) is { } page ? View(page) : NotFound());
    }

    [HttpPost("{id:int}/invitees")]
    public async Task<IActionResult> Invite(int id, InviteToMeeting.Form form, [FromServices] InviteToMeeting.Validator validator, [FromServices] InviteToMeeting.Handler handler,
        [FromServices] ViewMeeting.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, $"{form.Name} invited"),
            () => ShowAgainAsync(viewer, id, view, ct));
    }

    [HttpPost("{id:int}/guests")]
    public async Task<IActionResult> InviteGuest(int id, InviteGuest.Form form, [FromServices] InviteGuest.Validator validator, [FromServices] InviteGuest.Handler handler,
        [FromServices] ViewMeeting.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, $"{form.GuestName?.Trim()} invited as a guest"),
            () => ShowAgainAsync(viewer, id, view, ct));
    }

    [HttpPost("{id:int}/invitees/{attendeeId:long}/remove")]
    public async Task<IActionResult> Uninvite(int id, long attendeeId, UninviteFromMeeting.Form form, [FromServices] UninviteFromMeeting.Validator validator,
        [FromServices] UninviteFromMeeting.Handler handler, [FromServices] ViewMeeting.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await RefusedAsync(viewer, id, ct) ?? await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, attendeeId, form, ct),
            _ => Saved(id, $"{form.Name} is no longer invited"),
            () => ShowAgainAsync(viewer, id, view, ct));
    }

    [HttpPost("{id:int}/response")]
    public async Task<IActionResult> Respond(int id, RespondToInvitation.Form form, [FromServices] RespondToInvitation.Validator validator, [FromServices] RespondToInvitation.Handler handler,
        [FromServices] ViewMeeting.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, id, form, ct),
            _ => Saved(id, form.Response == Domain.Meetings.InviteResponse.Accepted ? "You have accepted the invitation" : "You have declined the invitation"),
            () => ShowAgainAsync(viewer, id, view, ct));
    }

    /// <summary>
    /// Before a change is validated: not found when the person may not see the meeting, 403 when they see it but may
    /// not run it (so a refused person never gets a form back). Null when they may go on.
    /// </summary>
    private async Task<IActionResult?> RefusedAsync(Viewer viewer, int id, CancellationToken ct)
    {
        var meeting = await viewer.VisibleMeetings(db).Where(m => m.Id == id).Select(m => new { m.AreaId }).SingleOrDefaultAsync(ct);
        if (meeting is null)
        {
            MeetingStore.LogNotVisible(logger, viewer, id);
            return NotFound();
        }

        return viewer.CanRunMeeting(meeting.AreaId) ? null : Forbid();
    }

    private async Task<IActionResult> ShowAgainAsync(Viewer viewer, int id, ViewMeeting.Handler view, CancellationToken ct) =>
        await view.HandleAsync(viewer, id, ct) is { } page ? View(nameof(Show), page) : NotFound();

    private RedirectResult CancelledMeeting(int id)
    {
        TempData["Important"] = "This meeting was cancelled: it can no longer be changed";
        return Redirect($"/meetings/{id}");
    }

    private RedirectResult Saved(int id, string message)
    {
        TempData["Success"] = message;
        return Redirect($"/meetings/{id}");
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
