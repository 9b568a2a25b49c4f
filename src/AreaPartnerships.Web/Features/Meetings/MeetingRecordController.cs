using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// A meeting's papers and their recording: the agenda (add, move, remove, suggestions, the printable agenda),
/// attendance, minutes, decisions, actions arising, issue updates and approval. The meeting page itself
/// (<c>/meetings/{id}</c>) shows the papers through the <c>_Papers</c> partial; <c>/meetings/{id}/papers</c> shows
/// them on a page of their own. Who may do what is <see cref="MeetingAccess"/>: a meeting the person may not see is
/// "not found" (and logged); one they see but may not change is refused (403). A refused form comes back on the
/// papers page with the errors and what was typed.
/// </summary>
[Route("meetings/{id:int}")]
public sealed class MeetingRecordController(AppDbContext db) : Controller
{
    // The views live with the rest of the meetings feature (the controller's own name is not their folder).
    private const string PapersView = "/Features/Meetings/Papers.cshtml";
    private const string PrintView = "/Features/Meetings/Print.cshtml";
    private const string SuggestionsView = "/Features/Meetings/Suggestions.cshtml";

    [HttpGet("papers")]
    public async Task<IActionResult> Papers(int id, [FromServices] MeetingPapers.Handler handler, CancellationToken ct) =>
        await PageAsync(id, handler, null, ct);

    [HttpGet("agenda/print")]
    public async Task<IActionResult> Print(int id, [FromServices] MeetingPapers.Handler handler, CancellationToken ct)
    {
        var page = await handler.PageAsync(await ViewerAsync(ct), id, ct);
        return page switch
        {
            null => NotFound(),
            { Papers: null } => Forbid(),
            _ => View(PrintView, page),
        };
    }

    [HttpGet("agenda/suggestions")]
    public async Task<IActionResult> Suggestions(int id, [FromServices] AgendaSuggestions.Handler handler, CancellationToken ct)
    {
        try
        {
            return await handler.LoadAsync(await ViewerAsync(ct), id, ct) is { } model ? View(SuggestionsView, model) : NotFound();
        }
        catch (UnauthorizedAccessException)
        {
            return Forbid();
        }
    }

    [HttpPost("agenda")]
    public async Task<IActionResult> AddItem(int id, MeetingAgenda.AddForm form, [FromServices] MeetingAgenda.Validator validator, [FromServices] MeetingAgenda.Handler handler,
        [FromServices] MeetingPapers.Handler papers, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.AddAsync(viewer, id, form, ct),
            _ => form.From == "suggestions" ? Saved($"/meetings/{id}/agenda/suggestions", "Item added to the agenda") : Saved(id, "agenda", "Item added to the agenda"),
            () => PageAsync(id, papers, "agenda", ct));
    }

    [HttpPost("agenda/{itemId:int}/move")]
    public async Task<IActionResult> MoveItem(int id, int itemId, string? direction, [FromServices] MeetingAgenda.Handler handler, [FromServices] MeetingPapers.Handler papers, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(new MeetingRecordStore.NoFields(), new MeetingRecordStore.Validator(), () => handler.MoveAsync(viewer, id, itemId, direction == "up", ct),
            _ => Saved(id, "agenda", direction == "up" ? "Item moved up" : "Item moved down"),
            () => PageAsync(id, papers, "agenda", ct));
    }

    [HttpPost("agenda/{itemId:int}/remove")]
    public async Task<IActionResult> RemoveItem(int id, int itemId, [FromServices] MeetingAgenda.Handler handler, [FromServices] MeetingPapers.Handler papers, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(new MeetingRecordStore.NoFields(), new MeetingRecordStore.Validator(), () => handler.RemoveAsync(viewer, id, itemId, ct),
            _ => Saved(id, "agenda", "Item removed from the agenda"),
            () => PageAsync(id, papers, "agenda", ct));
    }

    [HttpPost("attendance")]
    public async Task<IActionResult> Attendance(int id, RecordMeeting.AttendanceForm form, [FromServices] RecordMeeting.Handler handler, [FromServices] MeetingPapers.Handler papers, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, new RecordMeeting.AttendanceValidator(), () => handler.AttendanceAsync(viewer, id, form, ct),
            _ => Saved(id, "attendance", "Attendance recorded"),
            () => PageAsync(id, papers, "attendance", ct));
    }

    [HttpPost("minutes")]
    public async Task<IActionResult> Minutes(int id, RecordMeeting.MinutesForm form, [FromServices] RecordMeeting.Handler handler, [FromServices] MeetingPapers.Handler papers, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, new RecordMeeting.MinutesValidator(), () => handler.MinutesAsync(viewer, id, form, ct),
            _ => Saved(id, "minutes", "Minutes saved"),
            () => PageAsync(id, papers, "minutes", ct));
    }

    [HttpPost("decisions")]
    public async Task<IActionResult> Decision(int id, RecordMeeting.DecisionForm form, [FromServices] RecordMeeting.Handler handler, [FromServices] MeetingPapers.Handler papers, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, new RecordMeeting.DecisionValidator(), () => handler.DecisionAsync(viewer, id, form, ct),
            _ => Saved(id, "decisions", "Decision recorded"),
            () => PageAsync(id, papers, "decision", ct));
    }

    [HttpPost("actions")]
    public async Task<IActionResult> ActionArising(int id, ActionsArising.ActionForm form, [FromServices] ActionsArising.Validator validator, [FromServices] ActionsArising.Handler handler,
        [FromServices] MeetingPapers.Handler papers, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.AddActionAsync(viewer, id, form, ct),
            _ => Saved(id, "actions-arising", "Action arising recorded"),
            () => PageAsync(id, papers, "action", ct));
    }

    [HttpPost("issue-updates")]
    public async Task<IActionResult> IssueUpdate(int id, ActionsArising.UpdateForm form, [FromServices] ActionsArising.Handler handler, [FromServices] MeetingPapers.Handler papers, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, new ActionsArising.UpdateValidator(), () => handler.UpdateIssueAsync(viewer, id, form, ct),
            _ => Saved(id, "actions-arising", "Update recorded on the issue"),
            () => PageAsync(id, papers, "update", ct));
    }

    [HttpPost("approve")]
    public async Task<IActionResult> Approve(int id, [FromServices] RecordMeeting.Handler handler, [FromServices] MeetingPapers.Handler papers, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(new MeetingRecordStore.NoFields(), new MeetingRecordStore.Validator(), () => handler.ApproveAsync(viewer, id, ct),
            _ => Saved(id, "approval", "Minutes approved"),
            () => PageAsync(id, papers, "approve", ct));
    }

    /// <summary>The papers on a page of their own: after a refused form, with the errors and what was typed (<paramref name="posted"/> names the form).</summary>
    private async Task<IActionResult> PageAsync(int id, MeetingPapers.Handler handler, string? posted, CancellationToken ct)
    {
        var page = await handler.PageAsync(await ViewerAsync(ct), id, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (page.Papers is null)
        {
            return Forbid();
        }

        page.Papers.PostedForm = posted;
        return View(PapersView, page);
    }

    private RedirectResult Saved(int id, string section, string message) => Saved($"/meetings/{id}#{section}", message);

    private RedirectResult Saved(string url, string message)
    {
        TempData["Success"] = message;
        return Redirect(url);
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
