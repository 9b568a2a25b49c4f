using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// Recording a meeting once it has started: who attended, the minutes (general and per agenda item, one form under
/// the meeting's version, so the second of two people editing them is refused with what they now read), decisions
/// (appended), and approving the minutes (the chair or a manager of the area). Once approved, the record changes
/// only by a manager of the area giving a reason (<see cref="Meeting"/> enforces it and puts it on the timeline).
/// </summary>
public static class RecordMeeting
{
    public sealed class AttendanceForm
    {
        public Dictionary<long, Attendance> Attendance { get; set; } = [];

        public string? AmendReason { get; set; }
    }

    public sealed class MinutesForm : IVersionedForm
    {
        public string? Minutes { get; set; }

        public Dictionary<int, string?> Minute { get; set; } = [];

        public string? AmendReason { get; set; }

        public Guid Version { get; set; }
    }

    public sealed class DecisionForm
    {
        public string? DecisionText { get; set; }

        public int? AgendaItemId { get; set; }

        public string? AmendReason { get; set; }
    }

    public sealed class AttendanceValidator : AbstractValidator<AttendanceForm>
    {
        public AttendanceValidator()
        {
            RuleFor(f => f.AmendReason).MaximumLength(Meeting.ReasonMaxLength).WithMessage($"The reason must be {Meeting.ReasonMaxLength} characters or fewer");
        }
    }

    public sealed class MinutesValidator : AbstractValidator<MinutesForm>
    {
        public MinutesValidator()
        {
            RuleFor(f => f.Minutes).MaximumLength(Meeting.MinutesMaxLength).WithMessage($"The general minutes must be {Meeting.MinutesMaxLength} characters or fewer");
            RuleForEach(f => f.Minute).Must(m => m.Value is null || m.Value.Length <= AgendaItem.MinuteMaxLength)
                .WithMessage($"Each item's minute must be {AgendaItem.MinuteMaxLength} characters or fewer")
                .OverridePropertyName(nameof(MinutesForm.Minute));
            RuleFor(f => f.AmendReason).MaximumLength(Meeting.ReasonMaxLength).WithMessage($"The reason must be {Meeting.ReasonMaxLength} characters or fewer");
        }
    }

    public sealed class DecisionValidator : AbstractValidator<DecisionForm>
    {
        public DecisionValidator()
        {
            RuleFor(f => f.DecisionText).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the decision")
                .MaximumLength(Decision.TextMaxLength).WithMessage($"The decision must be {Decision.TextMaxLength} characters or fewer");
            RuleFor(f => f.AmendReason).MaximumLength(Meeting.ReasonMaxLength).WithMessage($"The reason must be {Meeting.ReasonMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<SaveResult?> AttendanceAsync(Viewer viewer, int meetingId, AttendanceForm form, CancellationToken ct)
        {
            var meeting = await FindAsync(viewer, meetingId, ct, attendees: true);
            if (meeting is null)
            {
                return null;
            }

            var names = meeting.Attendees.ToDictionary(a => a.Id, a => a.User?.DisplayName ?? a.GuestName ?? "Someone");
            MeetingRecordStore.Rekeyed(() => meeting.RecordAttendance(form.Attendance, names, viewer.CanAmendApprovedMinutes(meeting.AreaId), form.AmendReason,
                viewer.UserId, clock.GetUtcNow().UtcDateTime));
            return await MeetingRecordStore.SaveAsync(db, meeting, ct);
        }

        public async Task<SaveResult?> MinutesAsync(Viewer viewer, int meetingId, MinutesForm form, CancellationToken ct)
        {
            var meeting = await FindAsync(viewer, meetingId, ct, agenda: true);
            if (meeting is null)
            {
                return null;
            }

            // Items the person may not see (on an issue hidden from them) are not in their form: left as they are.
            MeetingRecordStore.Rekeyed(() => meeting.RecordMinutes(form.Minutes, form.Minute, viewer.CanAmendApprovedMinutes(meeting.AreaId), form.AmendReason,
                viewer.UserId, clock.GetUtcNow().UtcDateTime));
            return await VersionedSave.SaveAsync(db, meeting, form.Version, MeetingRecordStore.MinutesConflict(db, meeting.Id), ct, moveVersion: true);
        }

        public async Task<SaveResult?> DecisionAsync(Viewer viewer, int meetingId, DecisionForm form, CancellationToken ct)
        {
            var meeting = await FindAsync(viewer, meetingId, ct, agenda: true);
            if (meeting is null)
            {
                return null;
            }

            var decision = MeetingRecordStore.Rekeyed(
                () => meeting.RecordDecision(form.AgendaItemId, form.DecisionText, viewer.CanAmendApprovedMinutes(meeting.AreaId), form.AmendReason,
                    viewer.UserId, clock.GetUtcNow().UtcDateTime),
                ("Text", nameof(DecisionForm.DecisionText)));

            // Appending is not editing: a decision never conflicts with the minutes being written.
            db.Decisions.Add(decision);
            return await MeetingRecordStore.SaveAsync(db, meeting, ct);
        }

        public async Task<SaveResult?> ApproveAsync(Viewer viewer, int meetingId, CancellationToken ct)
        {
            var meeting = await MeetingStore.FindForChangeAsync(db, viewer, meetingId, logger, ct);
            if (meeting is null)
            {
                return null;
            }

            if (!viewer.CanApproveMinutes(meeting.AreaId, meeting.ChairUserId))
            {
                throw new UnauthorizedAccessException();
            }

            MeetingRecordStore.Rekeyed(() => meeting.ApproveMinutes(viewer.UserId, clock.GetUtcNow().UtcDateTime));

            // The version moves on: a minutes form read before the approval is refused, not applied.
            return await VersionedSave.SaveAsync(db, meeting, null, MeetingRecordStore.MinutesConflict(db, meeting.Id), ct, moveVersion: true);
        }

        /// <summary>The meeting for recording: null (404) when not visible; refused (403) to those who do not run it, and after approval to those who may not amend it.</summary>
        private async Task<Meeting?> FindAsync(Viewer viewer, int meetingId, CancellationToken ct, bool agenda = false, bool attendees = false)
        {
            var meeting = await MeetingStore.FindForChangeAsync(db, viewer, meetingId, logger, ct, agenda, attendees);
            if (meeting is not null && !MeetingRecordStore.MayRecord(viewer, new MeetingRecordStore.Facts(meeting.Id, meeting.AreaId, meeting.ChairUserId, meeting.MinutesApproved)))
            {
                throw new UnauthorizedAccessException();
            }

            return meeting;
        }
    }
}
