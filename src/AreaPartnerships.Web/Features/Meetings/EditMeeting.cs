using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// Change a meeting's details (those who run its area's meetings). Each change is on the meeting's timeline; a
/// change of time or place moves the calendar event's sequence on, so calendars update the same event. A stale
/// form is refused with what the meeting reads now.
/// </summary>
public static class EditMeeting
{
    public sealed class Form : IMeetingDetails, IVersionedForm
    {
        public string? Title { get; set; }

        public string? StartDay { get; set; }

        public string? StartMonth { get; set; }

        public string? StartYear { get; set; }

        public string? StartTime { get; set; }

        public string? EndTime { get; set; }

        public string? Venue { get; set; }

        public string? OnlineLink { get; set; }

        public string? Purpose { get; set; }

        public bool? IsConfidential { get; set; }

        public int? ChairUserId { get; set; }

        public Guid Version { get; set; }

        [BindNever]
        public int Id { get; set; }

        [BindNever]
        public string CurrentTitle { get; set; } = string.Empty;

        [BindNever]
        public bool Allowed { get; set; }

        [BindNever]
        public bool IsCancelled { get; set; }

        [BindNever]
        public IReadOnlyList<SelectListItem> Chairs { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Title).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the meeting's title")
                .Must(t => t!.Trim().Length <= Meeting.TitleMaxLength).WithMessage($"The title must be {Meeting.TitleMaxLength} characters or fewer");
            RuleFor(f => f.IsConfidential).NotNull().WithMessage("Select whether the meeting is confidential");
            MeetingTimes.AddRules(this);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The form (a posted one, or one filled from the meeting) for a meeting the person may see; null when they may not.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, int id, Form? posted, CancellationToken ct)
        {
            var meeting = await viewer.VisibleMeetings(db).AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.Id, m.Title, m.AreaId, m.StartsAt, m.EndsAt, m.Venue, m.OnlineLink, m.Purpose, m.IsConfidential, m.ChairUserId, m.Status, m.Version })
                .SingleOrDefaultAsync(ct);
            if (meeting is null)
            {
                MeetingStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var date = UkTime.DateOf(meeting.StartsAt);
            var form = posted ?? new Form
            {
                Title = meeting.Title,
                StartDay = MeetingChoices.Value(date.Day),
                StartMonth = MeetingChoices.Value(date.Month),
                StartYear = MeetingChoices.Value(date.Year),
                StartTime = MeetingTimes.Format(meeting.StartsAt),
                EndTime = MeetingTimes.Format(meeting.EndsAt),
                Venue = meeting.Venue,
                OnlineLink = meeting.OnlineLink,
                Purpose = meeting.Purpose,
                IsConfidential = meeting.IsConfidential,
                ChairUserId = meeting.ChairUserId,
                Version = meeting.Version,
            };

            var chairs = await MeetingChoices.Chairs(db, meeting.AreaId is { } a ? [a] : [], meeting.AreaId is null)
                .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
            if (meeting.ChairUserId is { } chair && chairs.TrueForAll(p => p.Id != chair))
            {
                // A chair no longer offered (moved area, say) stays selectable while they chair it.
                chairs.InsertRange(0, await MeetingChoices.People(db).Where(p => p.Id == chair).ToListAsync(ct));
            }

            form.Id = meeting.Id;
            form.CurrentTitle = meeting.Title;
            form.Allowed = viewer.CanRunMeeting(meeting.AreaId);
            form.IsCancelled = meeting.Status == MeetingStatus.Cancelled;
            form.Chairs = MeetingChoices.PersonItems("No chair chosen yet", chairs);
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

            await MeetingChoices.CheckChairAsync(db, form.ChairUserId, meeting.AreaId, meeting.ChairUserId, ct);
            var time = MeetingTimes.TimeOf(form);
            meeting.Change(form.Title, time, form.Venue, form.OnlineLink, form.Purpose, form.IsConfidential!.Value, form.ChairUserId, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            return await MeetingStore.SaveAsync(db, meeting, form.Version, ct);
        }
    }
}
