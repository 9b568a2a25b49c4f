using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// Cancel a meeting, giving the reason (those who run its area's meetings). Its papers are kept and its page says it
/// was cancelled; the calendar file then cancels the event in the calendars that imported it.
/// </summary>
public static class CancelMeeting
{
    public sealed class Form : IVersionedForm
    {
        public string? CancellationReason { get; set; }

        public Guid Version { get; set; }

        [BindNever]
        public int Id { get; set; }

        [BindNever]
        public string Title { get; set; } = string.Empty;

        [BindNever]
        public string When { get; set; } = string.Empty;

        [BindNever]
        public bool Allowed { get; set; }

        [BindNever]
        public bool IsCancelled { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.CancellationReason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter why the meeting is cancelled")
                .Must(r => r!.Trim().Length <= Meeting.ReasonMaxLength).WithMessage($"The reason must be {Meeting.ReasonMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Form?> LoadAsync(Viewer viewer, int id, Form? posted, CancellationToken ct)
        {
            var meeting = await viewer.VisibleMeetings(db).AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.Id, m.Title, m.AreaId, m.StartsAt, m.EndsAt, m.Status, m.Version })
                .SingleOrDefaultAsync(ct);
            if (meeting is null)
            {
                MeetingStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var form = posted ?? new Form { Version = meeting.Version };
            form.Id = meeting.Id;
            form.Title = meeting.Title;
            form.When = UkTime.Describe(meeting.StartsAt, meeting.EndsAt);
            form.Allowed = viewer.CanRunMeeting(meeting.AreaId);
            form.IsCancelled = meeting.Status == MeetingStatus.Cancelled;
            return form;
        }

        public async Task<SaveResult?> HandleAsync(Viewer viewer, int id, Form form, CancellationToken ct)
        {
            var meeting = await MeetingStore.FindForChangeAsync(db, viewer, id, logger, ct);
            if (meeting is null)
            {
                return null;
            }

            if (!viewer.CanRunMeeting(meeting.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            meeting.Cancel(form.CancellationReason, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            var result = await MeetingStore.SaveAsync(db, meeting, form.Version, ct);
            if (result.Conflict is null && !result.NotFound)
            {
                logger.LogInformation("User {UserId} cancelled meeting {MeetingId}", viewer.UserId, id);
            }

            return result;
        }
    }
}
