using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Actions;

/// <summary>
/// A progress update on an action by its owner (or the lead, the managers, the area's support officers):
/// the text, and optionally a new status (blocked and cancelled with a reason). The update lands on the
/// action's history, the group's timeline and the linked issue's timeline in one save.
/// </summary>
public static class UpdateProgress
{
    public sealed class Form : IVersionedForm
    {
        public PlanActionStatus? Status { get; set; }

        public string? Text { get; set; }

        public string? Reason { get; set; }

        public Guid Version { get; set; }

        /// <summary>"my-actions" when the person came from their own page: they go back there after saving.</summary>
        public string? From { get; set; }

        public bool FromMyActions => From == "my-actions";

        [BindNever]
        public int ActionId { get; set; }

        [BindNever]
        public string Description { get; set; } = string.Empty;

        /// <summary>The action's group; null for an action arising from a meeting with no group.</summary>
        [BindNever]
        public int? GroupId { get; set; }

        [BindNever]
        public string GroupName { get; set; } = string.Empty;

        [BindNever]
        public PlanActionStatus CurrentStatus { get; set; }

        [BindNever]
        public string? CurrentReason { get; set; }

        [BindNever]
        public DateOnly DueOn { get; set; }

        [BindNever]
        public bool IsOverdue { get; set; }

        [BindNever]
        public bool CanUpdate { get; set; }

        /// <summary>Why no update can be posted now (the group closed, the action cancelled), or null.</summary>
        [BindNever]
        public string? Refusal { get; set; }

        [BindNever]
        public IReadOnlyList<SelectListItem> Statuses { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Status).Must(s => s is not null && Enum.IsDefined(s.Value)).WithMessage("Select the action's status");
            RuleFor(f => f.Text).MaximumLength(PlanAction.UpdateMaxLength).WithMessage($"The update must be {PlanAction.UpdateMaxLength} characters or fewer");
            RuleFor(f => f.Reason).MaximumLength(PlanAction.ReasonMaxLength).WithMessage($"The reason must be {PlanAction.ReasonMaxLength} characters or fewer");
        }
    }

    /// <summary>The statuses offered: not started only while it still is (to post text without moving it on).</summary>
    public static IReadOnlyList<SelectListItem> StatusChoices(PlanActionStatus current)
    {
        PlanActionStatus[] statuses = current == PlanActionStatus.NotStarted
            ? [PlanActionStatus.NotStarted, PlanActionStatus.InProgress, PlanActionStatus.Done, PlanActionStatus.Blocked, PlanActionStatus.Cancelled]
            : [PlanActionStatus.InProgress, PlanActionStatus.Done, PlanActionStatus.Blocked, PlanActionStatus.Cancelled];
        return [.. statuses.Select(s => new SelectListItem(PlanAction.StatusName(s), s.ToString()))];
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The form (a posted one, or a new one with the current status chosen); null when the person may not see the action.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, int id, Form? posted, CancellationToken ct)
        {
            var action = await ActionStore.Visible(viewer, db).AsNoTracking()
                .Where(a => a.Id == id)
                .Select(a => new { a.Id, a.Description, a.Status, a.StatusReason, a.DueOn, a.OwnerId, a.Version, a.TaskGroupId, a.MeetingId })
                .SingleOrDefaultAsync(ct);
            if (action is null)
            {
                ActionStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var home = await ActionStore.HomeAsync(db, action.TaskGroupId, action.MeetingId, ct);
            var form = posted ?? new Form { Status = action.Status, Version = action.Version };
            form.ActionId = action.Id;
            form.Description = action.Description;
            form.GroupId = home.GroupId;
            form.GroupName = home.GroupName ?? home.MeetingName ?? "Action arising from a meeting";
            form.CurrentStatus = action.Status;
            form.CurrentReason = action.StatusReason;
            form.DueOn = action.DueOn;
            form.IsOverdue = action.Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress or PlanActionStatus.Blocked
                && action.DueOn < UkFormat.UkToday(clock);
            form.CanUpdate = home.CanUpdate(viewer, action.OwnerId);
            form.Refusal = !home.IsActive ? ActionStore.GroupClosed
                : action.Status == PlanActionStatus.Cancelled ? "This action was cancelled: it cannot be updated"
                : null;
            form.Statuses = StatusChoices(action.Status);
            return form;
        }

        /// <summary>Posts the update; null when the person may not see the action.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, int id, Form form, CancellationToken ct)
        {
            if (await ActionStore.FindForChangeAsync(db, viewer, id, logger, ct) is not { } found)
            {
                return null;
            }

            var (action, group, home) = found;

            if (!home.CanUpdate(viewer, action.OwnerId))
            {
                throw new UnauthorizedAccessException();
            }

            if (!home.IsActive)
            {
                throw new DomainException(ActionStore.GroupClosed, string.Empty);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var before = (action.Status, action.StatusReason);
            var update = action.PostUpdate(form.Text, form.Status, form.Reason, UkFormat.UkToday(clock), viewer.UserId, now);

            // The timelines keep the reason as well as the text: the action itself only holds the latest reason.
            var reasonChanged = action.StatusReason is not null && (action.Status, action.StatusReason) != before;
            var body = ActionText.Body(
                string.IsNullOrWhiteSpace(form.Text) ? null : form.Text,
                reasonChanged ? $"{(action.Status == PlanActionStatus.Blocked ? "Blocked by" : "Cancelled because")}: {action.StatusReason}" : null);
            var summary = action.Describe(update);
            EditAction.Note(db, group, home, action, viewer.UserId, now, summary, body);
            Domain.Issues.Issue? issue = null;
            if (action.IssueId is { } issueId)
            {
                // Appended to the issue's timeline: the issue itself is not edited (its version is not checked).
                issue = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issueId, ct);
                issue.RecordActionProgress(summary, body, viewer.UserId, now);
            }

            // Appending is not editing: an update that changes nothing on the action (no status, no reason) is
            // appended and never conflicts; one that changes its status or reason is an edit of those fields,
            // refused when someone else changed the action since the form was read.
            db.ChangeTracker.DetectChanges();
            SaveResult result;
            if (db.Entry(action).State == EntityState.Modified)
            {
                result = await ActionStore.SaveAsync(db, action, form.Version, ct, issue is null ? [] : [issue]);
            }
            else
            {
                await ActionStore.AppendAsync(db, action, ct, issue);
                result = SaveResult.Saved(action.Id);
            }

            if (result.Conflict is null)
            {
                logger.LogInformation("User {UserId} posted an update on action {ActionId}", viewer.UserId, action.Id);
            }

            return result;
        }
    }
}
