using System.Globalization;
using System.Text;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Issues: the case list and export, the triage inbox, raising, the issue page with its timeline, and
/// every change to an issue. Who may see which issue is <see cref="Viewer"/>; an issue the person may
/// not see is "not found", whatever the URL.
/// </summary>
[Authorize(Roles = $"{Roles.PartnershipManager},{Roles.AreaManager},{Roles.SupportOfficer},{Roles.Councillor},{Roles.PartnerUser}")]
[Route("issues")]
public sealed class IssuesController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ListIssues.Query query, [FromServices] ListIssues.Handler handler, CancellationToken ct)
    {
        // A filter value that cannot be read (e.g. ?areaId=abc) is ignored rather than an error page.
        ModelState.Clear();
        return View(await handler.HandleAsync(await ViewerAsync(ct), query, ct));
    }

    /// <summary>The filtered set as CSV: exactly the rows the list shows across all its pages.</summary>
    [HttpGet("export")]
    public async Task Export(ListIssues.Query query, [FromServices] ListIssues.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        var viewer = await ViewerAsync(ct);
        var today = handler.Today;

        // The query is checked and built, and its first row read, before the first byte is written: anything that
        // fails fails as a whole response, never as a file cut off half-way.
        await using var rows = handler.StreamAsync(viewer, query).WithCancellation(ct).GetAsyncEnumerator();
        var hasRow = await rows.MoveNextAsync();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"issues-{today:yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("Reference,Title,Area,Ward,Category,Source,Level,Status,Owner,Lead organisation,Referred to,Raised,Target date,Overdue,Confidential");
        for (; hasRow; hasRow = await rows.MoveNextAsync())
        {
            var row = rows.Current;
            await writer.WriteLineAsync(string.Join(',',
                Csv.Cell(row.Reference), Csv.Cell(row.Title), Csv.Cell(row.Area), Csv.Cell(row.Ward), Csv.Cell(row.Category),
                Csv.Cell(IssueText.Source(row.Source)), Csv.Cell(row.Level is { } level ? Issue.LevelName(level) : "Not triaged"),
                Csv.Cell(Issue.StatusName(row.Status)), Csv.Cell(row.Owner), Csv.Cell(row.LeadOrganisation), Csv.Cell(row.ReferredOrganisation),
                Csv.Cell(UkFormat.ToUkTime(row.RaisedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Csv.Cell(row.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                row.IsOverdue(today) ? "Yes" : "No",
                row.IsConfidential ? "Yes" : "No"));
        }
    }

    /// <summary>New issues waiting for triage in the person's areas, oldest first.</summary>
    [HttpGet("triage")]
    public async Task<IActionResult> Inbox(int? areaId, string? after, string? before, bool last, [FromServices] ListIssues.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (viewer.Role is not (Roles.AreaManager or Roles.PartnershipManager))
        {
            return Forbid();
        }

        ModelState.Clear();
        var query = new ListIssues.Query { Status = IssueStatus.New, AreaId = areaId, Sort = "raised", Dir = "asc", After = after, Before = before, Last = last };
        return View(await handler.HandleAsync(viewer, query, ct, withFilters: false));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Raise([FromServices] RaiseIssue.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return viewer.CanRaise ? View(await handler.NewAsync(viewer, ct)) : Forbid();
    }

    [HttpPost("new")]
    public async Task<IActionResult> Raise(RaiseIssue.Form form, [FromServices] RaiseIssue.Validator validator, [FromServices] RaiseIssue.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.CanRaise)
        {
            return Forbid();
        }

        if (await this.ValidateAsync(validator, form))
        {
            if (await handler.FrontLineFirstAsync(viewer, form, ct) is { } frontLine)
            {
                return View("FrontLine", frontLine);
            }

            var (reference, field, error) = await handler.HandleAsync(viewer, form, ct);
            if (reference is not null)
            {
                TempData["Success"] = $"Issue {reference} raised: the area manager will triage it";
                return Redirect($"/issues/{reference}");
            }

            ModelState.AddModelError(field!, error!);
        }

        form.FrontLineContactsShown = false;
        return this.InvalidForm(await handler.FillAsync(viewer, form, ct), "Raise");
    }

    /// <summary>
    /// The councillor chose to contact the front-line service: say so, show its contacts as links, and keep their
    /// words (carried in the form, not stored) so they can still raise the issue, or change it first.
    /// </summary>
    [HttpPost("new/contact-service")]
    public async Task<IActionResult> ContactService(RaiseIssue.Form form, [FromServices] RaiseIssue.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.CanRaise)
        {
            return Forbid();
        }

        ModelState.Clear();
        return await handler.FrontLineForAsync(form, ct) is { } frontLine ? View(frontLine) : await Draft(form, handler, ct);
    }

    /// <summary>The Raise form filled with a draft carried from the front-line pages, to change before raising.</summary>
    [HttpPost("new/draft")]
    public async Task<IActionResult> Draft(RaiseIssue.Form form, [FromServices] RaiseIssue.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        if (!viewer.CanRaise)
        {
            return Forbid();
        }

        ModelState.Clear();
        return View("Raise", await handler.FillAsync(viewer, form, ct));
    }

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(string reference, string? from, string? timeline, [FromServices] ViewIssue.Handler handler, CancellationToken ct) =>
        await handler.HandleAsync(await ViewerAsync(ct), reference, ct, fullTimeline: timeline == "all") is { } model
            ? View(model with { From = IssueOrigins.Parse(from) })
            : NotFound();

    [HttpPost("{reference}/notes")]
    public async Task<IActionResult> AddNote(string reference, AddNote.Form form, [FromServices] AddNote.Validator validator, [FromServices] AddNote.Handler handler,
        [FromServices] ViewIssue.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, reference, form, ct),
            _ => Saved(reference, "Note added"),
            async () => await view.HandleAsync(viewer, reference, ct) is { } model ? View("Show", model) : NotFound());
    }

    [HttpPost("{reference}/task-group")]
    public async Task<IActionResult> LinkTaskGroup(string reference, LinkTaskGroup.Form form, [FromServices] LinkTaskGroup.Validator validator,
        [FromServices] LinkTaskGroup.Handler handler, [FromServices] ViewIssue.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, reference, form.TaskGroupId, form.Version, ct),
            _ => Saved(reference, "Issue linked to the task group"),
            async () => await view.HandleAsync(viewer, reference, ct) is { } model ? View("Show", model) : NotFound());
    }

    [HttpPost("{reference}/task-group/unlink")]
    public async Task<IActionResult> UnlinkTaskGroup(string reference, Guid version, [FromServices] LinkTaskGroup.Handler handler,
        [FromServices] ViewIssue.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        var form = new LinkTaskGroup.Form { Version = version };
        return await this.SaveFormAsync(form, new InlineValidator<LinkTaskGroup.Form>(), () => handler.HandleAsync(viewer, reference, null, version, ct),
            _ => Saved(reference, "Issue no longer linked to the task group"),
            async () => await view.HandleAsync(viewer, reference, ct) is { } model ? View("Show", model) : NotFound());
    }

    [HttpPost("{reference}/links")]
    public async Task<IActionResult> LinkIssue(string reference, LinkIssues.Form form, [FromServices] LinkIssues.Validator validator, [FromServices] LinkIssues.Handler handler,
        [FromServices] ViewIssue.Handler view, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.LinkAsync(viewer, reference, form, ct),
            _ => Saved(reference, $"Issue linked to {form.RelatedReference!.Trim().ToUpperInvariant()}"),
            // A person who may not link issues never sees the form, even after a bad post.
            async () => await view.HandleAsync(viewer, reference, ct) is { } model ? model.CanLinkIssues ? View("Show", model) : Forbid() : NotFound());
    }

    [HttpPost("{reference}/links/{linkId:int}/remove")]
    public async Task<IActionResult> UnlinkIssue(string reference, int linkId, [FromServices] LinkIssues.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(new LinkIssues.Form(), new InlineValidator<LinkIssues.Form>(), () => handler.UnlinkAsync(viewer, reference, linkId, ct),
            _ => Saved(reference, "Link to the related issue removed"),
            () => Task.FromResult<IActionResult>(NotFound()));
    }

    [HttpGet("{reference}/triage")]
    public Task<IActionResult> Triage(string reference, [FromServices] SetLevel.Handler handler, CancellationToken ct) =>
        LevelPage(reference, SetLevel.Mode.Triage, handler, ct);

    [HttpPost("{reference}/triage")]
    public Task<IActionResult> Triage(string reference, SetLevel.Form form, [FromServices] SetLevel.Validator validator, [FromServices] SetLevel.Handler handler,
        [FromServices] ListIssues.Handler queue, CancellationToken ct) =>
        SetLevelAsync(reference, SetLevel.Mode.Triage, form, validator, handler, queue, ct);

    [HttpGet("{reference}/step-up")]
    public Task<IActionResult> StepUp(string reference, [FromServices] SetLevel.Handler handler, CancellationToken ct) =>
        LevelPage(reference, SetLevel.Mode.StepUp, handler, ct);

    [HttpPost("{reference}/step-up")]
    public Task<IActionResult> StepUp(string reference, SetLevel.Form form, [FromServices] SetLevel.Validator validator, [FromServices] SetLevel.Handler handler, CancellationToken ct) =>
        SetLevelAsync(reference, SetLevel.Mode.StepUp, form, validator, handler, null, ct);

    [HttpGet("{reference}/step-down")]
    public Task<IActionResult> StepDown(string reference, [FromServices] SetLevel.Handler handler, CancellationToken ct) =>
        LevelPage(reference, SetLevel.Mode.StepDown, handler, ct);

    [HttpPost("{reference}/step-down")]
    public Task<IActionResult> StepDown(string reference, SetLevel.Form form, [FromServices] SetLevel.Validator validator, [FromServices] SetLevel.Handler handler, CancellationToken ct) =>
        SetLevelAsync(reference, SetLevel.Mode.StepDown, form, validator, handler, null, ct);

    [HttpGet("{reference}/status")]
    public async Task<IActionResult> Work(string reference, [FromServices] WorkIssue.Handler handler, CancellationToken ct)
    {
        var page = await handler.LoadAsync(await ViewerAsync(ct), reference, null, ct);

        // Someone who may work the issue but has nothing to change now is told why (and how to go on), not refused.
        return page is null ? NotFound() : page.MayWork ? View(page) : Forbid();
    }

    [HttpPost("{reference}/status")]
    public async Task<IActionResult> Work(string reference, WorkIssue.Form form, [FromServices] WorkIssue.Validator validator, [FromServices] WorkIssue.Handler handler, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        return await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, reference, form, ct),
            _ => Saved(reference, form.Action switch
            {
                WorkIssue.Move.Start => "Work started",
                WorkIssue.Move.Resolve or WorkIssue.Move.ConfirmReferral => "Issue resolved",
                WorkIssue.Move.Reopen => "Issue reopened",
                WorkIssue.Move.Close => "Issue closed",
                _ => "Issue withdrawn",
            }),
            // A person who may not work the issue never sees the form, even after a bad post.
            async () => await handler.LoadAsync(viewer, reference, form, ct) is { } page ? page.MayWork ? View(page) : Forbid() : NotFound());
    }

    private async Task<IActionResult> LevelPage(string reference, SetLevel.Mode mode, SetLevel.Handler handler, CancellationToken ct)
    {
        var page = await handler.LoadAsync(await ViewerAsync(ct), reference, mode, null, ct);
        return page is null ? NotFound() : page.Allowed ? View("Level", page) : Forbid();
    }

    /// <param name="queue">For a triage: the queue whose next waiting issue comes next (see <see cref="NextToTriageAsync"/>).</param>
    private async Task<IActionResult> SetLevelAsync(string reference, SetLevel.Mode mode, SetLevel.Form form, SetLevel.Validator validator, SetLevel.Handler handler,
        ListIssues.Handler? queue, CancellationToken ct)
    {
        var viewer = await ViewerAsync(ct);
        var saved = false;
        var result = await this.SaveFormAsync(form, validator, () => handler.HandleAsync(viewer, reference, mode, form, ct),
            _ =>
            {
                saved = true;
                return Saved(reference, mode switch
                {
                    SetLevel.Mode.Triage => $"Issue triaged at {Issue.LevelName(form.Level!.Value)}",
                    SetLevel.Mode.StepUp => $"Issue stepped up to {Issue.LevelName(form.Level!.Value)}",
                    _ => $"Issue stepped down to {Issue.LevelName(form.Level!.Value)}",
                });
            },
            // A person who may not change levels never sees the form (with its owner list), even after a bad post.
            async () => await handler.LoadAsync(viewer, reference, mode, form, ct) is { } page ? page.MayChange ? View("Level", page) : Forbid() : NotFound());
        return saved && queue is not null ? await NextToTriageAsync(queue, viewer, reference, form.Level!.Value, ct) : result;
    }

    /// <summary>Triage is a queue: after saving one, the next issue waiting (oldest first), or the empty inbox, with a banner naming the one just triaged.</summary>
    private async Task<RedirectResult> NextToTriageAsync(ListIssues.Handler queue, Viewer viewer, string triaged, IssueLevel level, CancellationToken ct)
    {
        var next = await queue.NextWaitingAsync(viewer, triaged, ct);
        TempData["Success"] = next is null
            ? $"{triaged} triaged at {Issue.LevelName(level)}. Nothing else is waiting for triage."
            : $"{triaged} triaged at {Issue.LevelName(level)}. The next issue waiting is {next}.";
        return Redirect(next is null
            ? Url.Action(nameof(Inbox))!
            : Url.Action(nameof(Triage), new { reference = next, from = IssueOrigins.Triage })!);
    }

    private RedirectResult Saved(string reference, string message)
    {
        TempData["Success"] = message;
        return Redirect($"/issues/{Uri.EscapeDataString(reference)}");
    }

    private Task<Viewer> ViewerAsync(CancellationToken ct) => Viewer.ForAsync(User, db, ct);
}
