using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Actions;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// What a meeting agrees, recorded after it starts: (a) a new action, on a task group of the meeting's area (owned
/// by a member, as on the group's page) or on no group (owned by someone invited or an officer of the area), which
/// links back to the meeting and goes on the group's, the meeting's and the issue's timelines ("Agreed at the South
/// Walsall tasking meeting, 3 December 2026: …"); or (b) an update on an issue on the agenda, appended to the
/// issue's timeline (confidential when the meeting is).
/// </summary>
public static class ActionsArising
{
    public sealed class ActionForm
    {
        public string? ActionDescription { get; set; }

        public int? ActionOwnerId { get; set; }

        public string? ActionDueDay { get; set; }

        public string? ActionDueMonth { get; set; }

        public string? ActionDueYear { get; set; }

        public int? ActionTaskGroupId { get; set; }

        /// <summary>The agenda item (on an issue) the action serves, if any.</summary>
        public int? ActionItemId { get; set; }

        public string? AmendReason { get; set; }

        public DateOnly? DueOn => UkFormat.DateFrom(ActionDueDay, ActionDueMonth, ActionDueYear);
    }

    public sealed class UpdateForm
    {
        public int? UpdateItemId { get; set; }

        public string? UpdateText { get; set; }

        public string? AmendReason { get; set; }
    }

    public sealed class Validator : AbstractValidator<ActionForm>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(f => f.ActionDescription).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Describe the action")
                .MaximumLength(PlanAction.DescriptionMaxLength).WithMessage($"Description must be {PlanAction.DescriptionMaxLength} characters or fewer");
            RuleFor(f => f.ActionOwnerId).NotNull().WithMessage("Select who owns the action");
            RuleFor(f => f.ActionDueDay).Cascade(CascadeMode.Stop)
                .Must((form, _) => form.DueOn is not null).WithMessage("Enter a real due date, like 27 3 2027")
                .Must((form, _) => form.DueOn >= UkFormat.UkToday(clock)).WithMessage("The due date must be today or in the future");
            RuleFor(f => f.AmendReason).MaximumLength(Meeting.ReasonMaxLength).WithMessage($"The reason must be {Meeting.ReasonMaxLength} characters or fewer");
        }
    }

    public sealed class UpdateValidator : AbstractValidator<UpdateForm>
    {
        public UpdateValidator()
        {
            RuleFor(f => f.UpdateItemId).NotNull().WithMessage("Choose the agenda item on the issue");
            RuleFor(f => f.UpdateText).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the update agreed on the issue")
                .MaximumLength(Issue.DescriptionMaxLength).WithMessage($"The update must be {Issue.DescriptionMaxLength} characters or fewer");
            RuleFor(f => f.AmendReason).MaximumLength(Meeting.ReasonMaxLength).WithMessage($"The reason must be {Meeting.ReasonMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<SaveResult?> AddActionAsync(Viewer viewer, int meetingId, ActionForm form, CancellationToken ct)
        {
            var meeting = await FindAsync(viewer, meetingId, ct);
            if (meeting is null)
            {
                return null;
            }

            TaskGroup? group = null;
            ActionStore.Member? owner;
            if (form.ActionTaskGroupId is { } groupId)
            {
                group = await viewer.VisibleTaskGroups(db).SingleOrDefaultAsync(g => g.Id == groupId, ct);
                if (group is null || (meeting.AreaId is { } areaId && group.AreaId != areaId))
                {
                    throw new DomainException("Select a task group of this meeting's area, or none", nameof(ActionForm.ActionTaskGroupId));
                }

                if (!group.IsActive)
                {
                    throw new DomainException(ActionStore.GroupClosed, nameof(ActionForm.ActionTaskGroupId));
                }

                var members = await ActionStore.MembersAsync(db, group.Id, ct);
                owner = members.SingleOrDefault(m => m.Id == form.ActionOwnerId && !m.IsDisabled)
                    ?? throw new DomainException($"Select a member of {group.Name} to own the action, or choose no task group", nameof(ActionForm.ActionOwnerId));
            }
            else
            {
                var people = await ActionStore.MeetingOwnersAsync(db, meeting.Id, meeting.AreaId, ct);
                owner = people.SingleOrDefault(p => p.Id == form.ActionOwnerId)
                    ?? throw new DomainException("Select someone invited to the meeting, or an officer of the area, to own the action", nameof(ActionForm.ActionOwnerId));
            }

            var issue = form.ActionItemId is { } itemId
                ? await IssueOnAgendaAsync(viewer, meeting, itemId, nameof(ActionForm.ActionItemId), ct)
                : null;

            var now = clock.GetUtcNow().UtcDateTime;
            var action = MeetingRecordStore.Rekeyed(
                () => new PlanAction(form.ActionDescription, owner.Id, form.DueOn!.Value, group?.Id, meeting.Id, issue?.Id),
                (nameof(PlanAction.Description), nameof(ActionForm.ActionDescription)));
            var brief = ActionText.Brief(action.Description);
            MeetingRecordStore.Rekeyed(() => meeting.RecordActionArising(action.Description, owner.Text, viewer.CanAmendApprovedMinutes(meeting.AreaId), form.AmendReason,
                viewer.UserId, now));
            var summary = $"Agreed at {meeting.Describe()}: action ‘{brief}’ for {owner.Text}";
            var body = ActionText.Body(action.Description, $"Due {UkFormat.Date(action.DueOn)}");

            // Two saves in one transaction: the action's id is known after the first, and the timeline entries name it.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.PlanActions.Add(action);
            await db.SaveChangesAsync(ct);
            group?.Record(viewer.UserId, now, summary, body, action.Id);
            DateTime? issueActivity = null;
            if (issue is not null)
            {
                issue.RecordActionProgress(summary, ActionText.Body(body, group is null ? null : $"Task group: {group.Name}"), viewer.UserId, now);
                issueActivity = IssueStore.Append(db, issue);
            }

            if (group is not null)
            {
                // As on the group's page: an action added while someone closes the group is refused, not left open in a closed group.
                var saved = await VersionedSave.SaveAsync(db, group, null, TaskGroupStore.Conflict(db, group.Id), ct, moveVersion: true);
                if (saved.Conflict is not null || saved.NotFound)
                {
                    return saved.Conflict is null ? saved : new SaveResult(meeting.Id, saved.Conflict);
                }
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }

            if (issue is not null)
            {
                await IssueStore.MarkActivityAsync(db, issue.Id, issueActivity!.Value, ct);
            }

            await transaction.CommitAsync(ct);
            logger.LogInformation("User {UserId} recorded action {ActionId} arising from meeting {MeetingId}", viewer.UserId, action.Id, meeting.Id);
            return SaveResult.Saved(meeting.Id);
        }

        public async Task<SaveResult?> UpdateIssueAsync(Viewer viewer, int meetingId, UpdateForm form, CancellationToken ct)
        {
            var meeting = await FindAsync(viewer, meetingId, ct);
            if (meeting is null)
            {
                return null;
            }

            var issue = await IssueOnAgendaAsync(viewer, meeting, form.UpdateItemId!.Value, nameof(UpdateForm.UpdateItemId), ct);
            var now = clock.GetUtcNow().UtcDateTime;
            MeetingRecordStore.Rekeyed(() => issue.RecordMeetingUpdate(meeting.Describe(), form.UpdateText, meeting.IsConfidential, viewer.UserId, now),
                ("Text", nameof(UpdateForm.UpdateText)));
            MeetingRecordStore.Rekeyed(() => meeting.RecordIssueUpdate(issue.Reference, viewer.CanAmendApprovedMinutes(meeting.AreaId), form.AmendReason, viewer.UserId, now));

            // Appending is not editing: the issue's row is not saved, only its new timeline entry and its activity time.
            var at = IssueStore.Append(db, issue);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await IssueStore.MarkActivityAsync(db, issue.Id, at, ct);
            await transaction.CommitAsync(ct);
            return SaveResult.Saved(meeting.Id);
        }

        /// <summary>The issue (untracked, to append to) of an agenda item, if the person may see it.</summary>
        private async Task<Issue> IssueOnAgendaAsync(Viewer viewer, Meeting meeting, int itemId, string field, CancellationToken ct)
        {
            var issueId = meeting.AgendaItems.SingleOrDefault(i => i.Id == itemId)?.IssueId;
            var issue = issueId is null ? null : await viewer.VisibleIssues(db).AsNoTracking().SingleOrDefaultAsync(i => i.Id == issueId, ct);
            return issue ?? throw new DomainException("Choose an agenda item on an issue", field);
        }

        private async Task<Meeting?> FindAsync(Viewer viewer, int meetingId, CancellationToken ct)
        {
            var meeting = await MeetingStore.FindForChangeAsync(db, viewer, meetingId, logger, ct, agenda: true);
            if (meeting is not null && !MeetingRecordStore.MayRecord(viewer, new MeetingRecordStore.Facts(meeting.Id, meeting.AreaId, meeting.ChairUserId, meeting.MinutesApproved)))
            {
                throw new UnauthorizedAccessException();
            }

            return meeting;
        }
    }
}
