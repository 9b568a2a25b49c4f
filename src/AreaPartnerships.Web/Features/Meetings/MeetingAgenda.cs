using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// A meeting's agenda, set by those who run the meeting until its minutes are approved: add an item (free text,
/// or linked to an issue by its reference, or to a task group: ones the person may see, of the meeting's area),
/// move it up or down, take it off. The meeting's timeline records each change.
/// </summary>
public static class MeetingAgenda
{
    public const int ReferenceMaxLength = 30;

    public sealed class AddForm
    {
        public string? ItemTitle { get; set; }

        public string? IssueReference { get; set; }

        public int? TaskGroupId { get; set; }

        /// <summary>"suggestions" when added from the suggestions page: the person goes back there.</summary>
        public string? From { get; set; }
    }

    public sealed class Validator : AbstractValidator<AddForm>
    {
        public Validator()
        {
            RuleFor(f => f.ItemTitle).MaximumLength(AgendaItem.TitleMaxLength).WithMessage($"The agenda item must be {AgendaItem.TitleMaxLength} characters or fewer");
            RuleFor(f => f.ItemTitle).NotEmpty().When(f => string.IsNullOrWhiteSpace(f.IssueReference) && f.TaskGroupId is null)
                .WithMessage("Enter the agenda item, or link it to an issue or a task group");
            RuleFor(f => f.IssueReference).MaximumLength(ReferenceMaxLength).WithMessage("Enter an issue reference, like AP-2026-00042");
            RuleFor(f => f.TaskGroupId).Null().When(f => !string.IsNullOrWhiteSpace(f.IssueReference))
                .WithMessage("Link the item to an issue or a task group, not both");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<SaveResult?> AddAsync(Viewer viewer, int meetingId, AddForm form, CancellationToken ct)
        {
            var meeting = await MeetingStore.FindForChangeAsync(db, viewer, meetingId, logger, ct, agenda: true);
            if (meeting is null)
            {
                return null;
            }

            if (!viewer.CanRunMeeting(meeting.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            var title = string.IsNullOrWhiteSpace(form.ItemTitle) ? null : form.ItemTitle.Trim();
            int? issueId = null;
            int? groupId = null;
            if (!string.IsNullOrWhiteSpace(form.IssueReference))
            {
                var reference = form.IssueReference.Trim().ToUpperInvariant();
                var issue = await viewer.VisibleIssues(db).AsNoTracking()
                    .Where(i => i.Reference == reference)
                    .Select(i => new { i.Id, i.AreaId, i.Reference })
                    .SingleOrDefaultAsync(ct)
                    ?? throw new DomainException("Enter the reference of an issue you can see, like AP-2026-00042", nameof(AddForm.IssueReference));
                if (meeting.AreaId is { } areaId && issue.AreaId != areaId)
                {
                    throw new DomainException("That issue is in another area: link an issue of this meeting's area", nameof(AddForm.IssueReference));
                }

                issueId = issue.Id;

                // Not the issue's title: the agenda names the issue only to those who may see it (the papers show it live).
                title ??= $"Issue {issue.Reference}";
            }
            else if (form.TaskGroupId is { } wanted)
            {
                var group = await viewer.VisibleTaskGroups(db).AsNoTracking()
                    .Where(g => g.Id == wanted)
                    .Select(g => new { g.Id, g.AreaId, g.Name })
                    .SingleOrDefaultAsync(ct);
                if (group is null || (meeting.AreaId is { } areaId && group.AreaId != areaId))
                {
                    throw new DomainException("Select a task group of this meeting's area", nameof(AddForm.TaskGroupId));
                }

                groupId = group.Id;
                title ??= $"Task group: {group.Name}";
            }

            var now = clock.GetUtcNow().UtcDateTime;
            MeetingRecordStore.Rekeyed(() => meeting.AddAgendaItem(title, issueId, groupId, viewer.UserId, now), ("Title", nameof(AddForm.ItemTitle)));
            return await MeetingRecordStore.SaveAsync(db, meeting, ct);
        }

        public async Task<SaveResult?> MoveAsync(Viewer viewer, int meetingId, int itemId, bool up, CancellationToken ct)
        {
            var meeting = await MeetingStore.FindForChangeAsync(db, viewer, meetingId, logger, ct, agenda: true);
            if (meeting is null)
            {
                return null;
            }

            if (!viewer.CanRunMeeting(meeting.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            MeetingRecordStore.Rekeyed(() => meeting.MoveAgendaItem(itemId, up, viewer.UserId, clock.GetUtcNow().UtcDateTime));
            return await MeetingRecordStore.SaveAsync(db, meeting, ct);
        }

        public async Task<SaveResult?> RemoveAsync(Viewer viewer, int meetingId, int itemId, CancellationToken ct)
        {
            var meeting = await MeetingStore.FindForChangeAsync(db, viewer, meetingId, logger, ct, agenda: true);
            if (meeting is null)
            {
                return null;
            }

            if (!viewer.CanRunMeeting(meeting.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            var item = meeting.AgendaItems.SingleOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                return SaveResult.Missing();
            }

            var hasDecisions = await db.Decisions.AnyAsync(d => d.AgendaItemId == itemId, ct);
            MeetingRecordStore.Rekeyed(() => meeting.RemoveAgendaItem(item, hasDecisions, viewer.UserId, clock.GetUtcNow().UtcDateTime));
            db.AgendaItems.Remove(item);
            return await MeetingRecordStore.SaveAsync(db, meeting, ct);
        }
    }
}
