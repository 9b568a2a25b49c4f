using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Actions;

/// <summary>
/// Add an action to an active task group's micro plan: what, who owns it (a member; members who may not
/// assign to others own their own), when it is due, and optionally the group's issue it serves. The
/// group's timeline and the issue's timeline record it.
/// </summary>
public static class AddAction
{
    public sealed class Form
    {
        public string? Description { get; set; }

        public int? OwnerId { get; set; }

        public string? DueDay { get; set; }

        public string? DueMonth { get; set; }

        public string? DueYear { get; set; }

        public int? IssueId { get; set; }

        public DateOnly? DueOn => UkFormat.DateFrom(DueDay, DueMonth, DueYear);

        [BindNever]
        public int GroupId { get; set; }

        [BindNever]
        public string GroupName { get; set; } = string.Empty;

        [BindNever]
        public bool GroupIsActive { get; set; }

        /// <summary>Whether this person may add an action to the group at all.</summary>
        [BindNever]
        public bool CanAdd { get; set; }

        [BindNever]
        public IReadOnlyList<SelectListItem> Owners { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Issues { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(f => f.Description).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Describe the action")
                .MaximumLength(PlanAction.DescriptionMaxLength).WithMessage($"Description must be {PlanAction.DescriptionMaxLength} characters or fewer");
            RuleFor(f => f.OwnerId).NotNull().WithMessage("Select who owns the action");
            RuleFor(f => f.DueDay).Cascade(CascadeMode.Stop)
                .Must((form, _) => form.DueOn is not null).WithMessage("Enter a real due date, like 27 3 2027")
                .Must((form, _) => form.DueOn >= UkFormat.UkToday(clock)).WithMessage("The due date must be today or in the future");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The form (a posted one, or a new one) for a group the person may see; null when they may not see it.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, int groupId, Form? posted, CancellationToken ct)
        {
            var group = await viewer.VisibleTaskGroups(db).AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, ct);
            if (group is null)
            {
                ActionStore.LogGroupNotVisible(logger, viewer, groupId);
                return null;
            }

            var members = await ActionStore.MembersAsync(db, groupId, ct);
            var owners = ActionStore.OwnerChoices(members, viewer, group);
            var form = posted ?? new Form { OwnerId = owners.Count == 1 ? owners[0].Id : null };
            form.GroupId = group.Id;
            form.GroupName = group.Name;
            form.GroupIsActive = group.IsActive;
            form.CanAdd = viewer.CanAddAction(group.AreaId, group.LeadUserId, members.Any(m => m.Id == viewer.UserId));
            form.Owners = owners.Count == 1
                ? [new SelectListItem(owners[0].Text, ActionStore.Id(owners[0].Id))]
                : [new SelectListItem("Choose a member", string.Empty), .. owners.Select(o => new SelectListItem(o.Text, ActionStore.Id(o.Id)))];
            form.Issues = await ActionStore.IssueChoicesAsync(db, viewer, groupId, null, ct);
            return form;
        }

        /// <summary>Adds the action; null when the person may not see the group.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, int groupId, Form form, CancellationToken ct)
        {
            var group = await viewer.VisibleTaskGroups(db).SingleOrDefaultAsync(g => g.Id == groupId, ct);
            if (group is null)
            {
                ActionStore.LogGroupNotVisible(logger, viewer, groupId);
                return null;
            }

            var members = await ActionStore.MembersAsync(db, groupId, ct);
            if (!viewer.CanAddAction(group.AreaId, group.LeadUserId, members.Any(m => m.Id == viewer.UserId)))
            {
                throw new UnauthorizedAccessException();
            }

            if (!group.IsActive)
            {
                throw new DomainException(ActionStore.GroupClosed, string.Empty);
            }

            var owner = members.SingleOrDefault(m => m.Id == form.OwnerId && !m.IsDisabled)
                ?? throw new DomainException("Select a member of the task group to own the action", nameof(Form.OwnerId));
            if (owner.Id != viewer.UserId && !viewer.CanAssignActionsToOthers(group.AreaId, group.LeadUserId))
            {
                throw new UnauthorizedAccessException();
            }

            Domain.Issues.Issue? issue = null;
            if (form.IssueId is { } issueId)
            {
                if (!await ActionStore.LinkableIssues(db, viewer, groupId).AnyAsync(i => i.Id == issueId, ct))
                {
                    throw new DomainException("Select an issue linked to this task group, or none", nameof(Form.IssueId));
                }

                // Appended to, not edited: read untracked (see IssueStore.Append).
                issue = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issueId, ct);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var action = new PlanAction(form.Description, owner.Id, form.DueOn!.Value, group.Id, meetingId: null, issue?.Id);
            var summary = $"Action ‘{ActionText.Brief(action.Description)}’ added for {owner.Text}";
            var body = ActionText.Body(action.Description, $"Due {UkFormat.Date(action.DueOn)}");

            // Two saves in one transaction: the action's id is known after the first, and the timeline
            // entries name it; either both are stored or neither.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.PlanActions.Add(action);
            await db.SaveChangesAsync(ct);
            group.Record(viewer.UserId, now, summary, body, action.Id);
            DateTime? issueActivity = null;
            if (issue is not null)
            {
                issue.RecordActionProgress(summary, ActionText.Body(body, $"Task group: {group.Name}"), viewer.UserId, now);
                issueActivity = IssueStore.Append(db, issue);
            }

            // The group's version moves on too, so an action added while someone closes the group cannot
            // leave an open action in a closed group: one of the two is refused (and the transaction rolled back).
            var saved = await VersionedSave.SaveAsync(db, group, null, TaskGroupStore.Conflict(db, group.Id), ct, moveVersion: true);
            if (saved.Conflict is not null || saved.NotFound)
            {
                return saved;
            }

            if (issue is not null)
            {
                await IssueStore.MarkActivityAsync(db, issue.Id, issueActivity!.Value, ct);
            }

            await transaction.CommitAsync(ct);
            logger.LogInformation("User {UserId} added action {ActionId} to task group {GroupId}", viewer.UserId, action.Id, group.Id);
            return SaveResult.Saved(action.Id);
        }
    }
}
