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
/// Change an open action: its description, owner (only by those who may assign actions to others), due
/// date and linked issue. The change, old → new, goes on the group's timeline and the issue's.
/// </summary>
public static class EditAction
{
    public sealed class Form : IVersionedForm
    {
        public string? Description { get; set; }

        public int? OwnerId { get; set; }

        public string? DueDay { get; set; }

        public string? DueMonth { get; set; }

        public string? DueYear { get; set; }

        public int? IssueId { get; set; }

        public Guid Version { get; set; }

        public DateOnly? DueOn => UkFormat.DateFrom(DueDay, DueMonth, DueYear);

        [BindNever]
        public int ActionId { get; set; }

        [BindNever]
        public string CurrentDescription { get; set; } = string.Empty;

        /// <summary>The action's group; null for an action arising from a meeting with no group.</summary>
        [BindNever]
        public int? GroupId { get; set; }

        [BindNever]
        public string GroupName { get; set; } = string.Empty;

        [BindNever]
        public bool CanChange { get; set; }

        /// <summary>Why the action cannot be changed now (the group closed, the action done or cancelled), or null.</summary>
        [BindNever]
        public string? Refusal { get; set; }

        [BindNever]
        public IReadOnlyList<SelectListItem> Owners { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Issues { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Description).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Describe the action")
                .MaximumLength(PlanAction.DescriptionMaxLength).WithMessage($"Description must be {PlanAction.DescriptionMaxLength} characters or fewer");
            RuleFor(f => f.OwnerId).NotNull().WithMessage("Select who owns the action");

            // A new due date must be today or later: checked by the handler, which knows the current one
            // (an overdue action can be renamed without moving its date).
            RuleFor(f => f.DueDay).Must((form, _) => form.DueOn is not null).WithMessage("Enter a real due date, like 27 3 2027");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The form (a posted one, or one with the action's values); null when the person may not see the action.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, int id, Form? posted, CancellationToken ct)
        {
            var action = await ActionStore.Visible(viewer, db).AsNoTracking()
                .Where(a => a.Id == id)
                .Select(a => new { a.Id, a.Description, a.OwnerId, a.DueOn, a.IssueId, a.Status, a.Version, a.TaskGroupId, a.MeetingId })
                .SingleOrDefaultAsync(ct);
            if (action is null)
            {
                ActionStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var form = posted ?? new Form
            {
                Description = action.Description,
                OwnerId = action.OwnerId,
                DueDay = ActionStore.Id(action.DueOn.Day),
                DueMonth = ActionStore.Id(action.DueOn.Month),
                DueYear = ActionStore.Id(action.DueOn.Year),
                IssueId = action.IssueId,
                Version = action.Version,
            };
            var home = await ActionStore.HomeAsync(db, action.TaskGroupId, action.MeetingId, ct);
            var members = await OwnersAsync(home, ct);
            var owners = (home.CanAssignToOthers(viewer) ? members.Where(m => !m.IsDisabled) : members.Where(m => m.Id == viewer.UserId)).ToList();
            if (owners.All(o => o.Id != action.OwnerId))
            {
                // The current owner stays selectable (e.g. they have left the group or been disabled).
                var current = members.SingleOrDefault(m => m.Id == action.OwnerId)
                    ?? await db.Users.Where(u => u.Id == action.OwnerId)
                        .Select(u => new ActionStore.Member(u.Id, u.DisplayName, u.Organisation == null ? null : u.Organisation.Name, u.IsDisabled))
                        .SingleAsync(ct);
                owners.Insert(0, current);
            }

            form.ActionId = action.Id;
            form.CurrentDescription = action.Description;
            form.GroupId = home.GroupId;
            form.GroupName = home.GroupName ?? home.MeetingName ?? "Action arising from a meeting";
            form.CanChange = home.CanUpdate(viewer, action.OwnerId);
            form.Refusal = !home.IsActive ? ActionStore.GroupClosed
                : action.Status is PlanActionStatus.Done or PlanActionStatus.Cancelled
                    ? $"This action is {PlanAction.StatusName(action.Status).ToLowerInvariant()}: it can no longer be changed"
                    : null;
            form.Owners = [.. owners.Select(o => new SelectListItem(o.Text, ActionStore.Id(o.Id)))];
            form.Issues = home.GroupId is { } groupId
                ? await ActionStore.IssueChoicesAsync(db, viewer, groupId, action.IssueId, ct)
                : await CurrentIssueChoicesAsync(action.IssueId, ct);
            return form;
        }

        /// <summary>Saves the change; null when the person may not see the action.</summary>
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

            var members = await OwnersAsync(home, ct);
            var ownerId = form.OwnerId!.Value;
            if (ownerId != action.OwnerId)
            {
                if (!home.CanAssignToOthers(viewer))
                {
                    throw new UnauthorizedAccessException();
                }

                if (!members.Any(m => m.Id == ownerId && !m.IsDisabled))
                {
                    throw new DomainException(group is null
                        ? "Select someone invited to the meeting, or an officer of the area, to own the action"
                        : "Select a member of the task group to own the action", nameof(Form.OwnerId));
                }
            }

            var dueOn = form.DueOn!.Value;
            if (dueOn != action.DueOn && dueOn < UkFormat.UkToday(clock))
            {
                throw new DomainException("The due date must be today or in the future", nameof(Form.DueDay));
            }

            if (form.IssueId is { } issueId && issueId != action.IssueId
                && (group is null || !await ActionStore.LinkableIssues(db, viewer, group.Id).AnyAsync(i => i.Id == issueId, ct)))
            {
                throw new DomainException(group is null ? "Keep the issue the action serves, or choose none" : "Select an issue linked to this task group, or none", nameof(Form.IssueId));
            }

            string NameOf(int userId) => members.SingleOrDefault(m => m.Id == userId)?.Text ?? "someone no longer in the group";
            var old = (action.Description, action.OwnerId, action.DueOn, action.IssueId);
            action.Change(form.Description, ownerId, dueOn, form.IssueId);

            var changes = new List<string>();
            if (action.Description != old.Description)
            {
                changes.Add($"Description: {old.Description} → {action.Description}");
            }

            if (action.OwnerId != old.OwnerId)
            {
                changes.Add($"Owner: {NameOf(old.OwnerId)} → {NameOf(action.OwnerId)}");
            }

            if (action.DueOn != old.DueOn)
            {
                changes.Add($"Due: {UkFormat.Date(old.DueOn)} → {UkFormat.Date(action.DueOn)}");
            }

            if (changes.Count == 0 && action.IssueId == old.IssueId)
            {
                return SaveResult.Saved(action.Id);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var name = ActionText.Brief(action.Description);
            var body = ActionText.Body(string.Join('\n', changes));
            if (action.IssueId != old.IssueId)
            {
                var references = await db.Issues.AsNoTracking().Where(i => i.Id == old.IssueId || i.Id == action.IssueId).ToListAsync(ct);
                var from = references.SingleOrDefault(i => i.Id == old.IssueId);
                var to = references.SingleOrDefault(i => i.Id == action.IssueId);
                Note(db, group, home, action, viewer.UserId, now, $"Action ‘{name}’ changed",
                    ActionText.Body(string.Join('\n', changes), $"Serves: {from?.Reference ?? "no issue"} → {to?.Reference ?? "no issue"}"));
                from?.RecordActionProgress($"Action ‘{name}’ no longer serves this issue", body, viewer.UserId, now);
                to?.RecordActionProgress($"Action ‘{name}’ now serves this issue", ActionText.Body(body, Where(home)), viewer.UserId, now);
                return await ActionStore.SaveAsync(db, action, form.Version, ct, references);
            }

            Note(db, group, home, action, viewer.UserId, now, $"Action ‘{name}’ changed", body);
            if (action.IssueId is { } linked)
            {
                var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == linked, ct);
                issue.RecordActionProgress($"Action ‘{name}’ changed", body, viewer.UserId, now);
                return await ActionStore.SaveAsync(db, action, form.Version, ct, issue);
            }

            return await ActionStore.SaveAsync(db, action, form.Version, ct);
        }

        /// <summary>Who may own the action: the group's members, or (no group) those invited to its meeting and the area's officers.</summary>
        private async Task<List<ActionStore.Member>> OwnersAsync(ActionStore.Home home, CancellationToken ct) =>
            home.GroupId is { } groupId ? await ActionStore.MembersAsync(db, groupId, ct)
            : home.MeetingId is { } meetingId ? await ActionStore.MeetingOwnersAsync(db, meetingId, home.MeetingAreaId, ct)
            : [];

        /// <summary>An action with no group serves the issue it was agreed on, or none: the current one stays selectable.</summary>
        private async Task<List<SelectListItem>> CurrentIssueChoicesAsync(int? issueId, CancellationToken ct)
        {
            var items = new List<SelectListItem> { new("None", string.Empty) };
            if (issueId is { } current)
            {
                var reference = await db.Issues.Where(i => i.Id == current).Select(i => i.Reference).SingleOrDefaultAsync(ct);
                items.Add(new SelectListItem($"{reference ?? "The issue"} (currently linked)", ActionStore.Id(current)));
            }

            return items;
        }
    }

    /// <summary>The change goes on the group's timeline, or (no group) on the meeting's.</summary>
    internal static void Note(AppDbContext db, TaskGroup? group, ActionStore.Home home, PlanAction action, int actorId, DateTime at, string summary, string? body)
    {
        if (group is not null)
        {
            group.Record(actorId, at, summary, body, action.Id);
        }
        else if (home.MeetingId is { } meetingId)
        {
            ActionStore.NoteOnMeeting(db, meetingId, actorId, at, summary, body);
        }
    }

    internal static string Where(ActionStore.Home home) =>
        home.GroupName is { } groupName ? $"Task group: {groupName}" : $"Arising from {home.MeetingName ?? "a meeting"}";
}
