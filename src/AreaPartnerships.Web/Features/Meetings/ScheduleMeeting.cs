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
/// An area manager or support officer (for their areas) or the partnership manager (any area, and the borough's
/// Operations Group and Borough Management Team) schedules a meeting: its type (a task group's meeting names the
/// group, a community meeting the ward), area, title, UK date and times, place, purpose, whether it is confidential
/// (partnership, tasking and borough meetings are, unless said otherwise) and its chair. A meeting that has already
/// taken place may be recorded after the event.
/// </summary>
public static class ScheduleMeeting
{
    public sealed class Form : IMeetingDetails
    {
        public MeetingType? Type { get; set; }

        public int? AreaId { get; set; }

        public int? TaskGroupId { get; set; }

        public int? WardId { get; set; }

        public string? Title { get; set; }

        public string? StartDay { get; set; }

        public string? StartMonth { get; set; }

        public string? StartYear { get; set; }

        public string? StartTime { get; set; }

        public string? EndTime { get; set; }

        public string? Venue { get; set; }

        public string? OnlineLink { get; set; }

        public string? Purpose { get; set; }

        /// <summary>Unanswered: the type's default (<see cref="Meeting.ConfidentialByDefault"/>).</summary>
        public bool? IsConfidential { get; set; }

        public int? ChairUserId { get; set; }

        /// <summary>The meeting has already taken place and is being recorded: a date in the past is allowed.</summary>
        public bool AlreadyHappened { get; set; }

        [BindNever]
        public IReadOnlyList<SelectListItem> Types { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Areas { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> TaskGroups { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Wards { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Chairs { get; set; } = [];

        /// <summary>The person may schedule borough meetings (which have no area).</summary>
        [BindNever]
        public bool OffersBorough { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Type).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Select the type of meeting")
                .IsInEnum().WithMessage("Select the type of meeting");
            RuleFor(f => f.Title).Must(t => t is null || t.Trim().Length <= Meeting.TitleMaxLength)
                .WithMessage($"The title must be {Meeting.TitleMaxLength} characters or fewer");
            MeetingTimes.AddRules(this);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The form (a posted one, or a new one) with the choices this person has.</summary>
        public async Task<Form> FillAsync(Viewer viewer, Form? posted, CancellationToken ct)
        {
            var areas = await MeetingChoices.Areas(db, viewer).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
            var areaIds = areas.Select(a => a.Id).ToList();
            var types = viewer.SchedulableTypes;
            var form = posted ?? new Form { AreaId = areas.Count == 1 ? areas[0].Id : null };
            var withArea = areas.Count > 1;

            form.Types = [.. types.Select(t => new SelectListItem(Meeting.TypeName(t), t.ToString()))];
            form.OffersBorough = types.Any(Meeting.IsBoroughType);
            form.Areas = [new SelectListItem("Choose an area", ""), .. areas.Select(a => new SelectListItem(a.Name, MeetingChoices.Value(a.Id)))];
            form.TaskGroups = MeetingChoices.OptionItems("Choose a task group", await MeetingChoices.TaskGroupOptionsAsync(db, viewer, areaIds, ct), withArea);
            form.Wards = MeetingChoices.OptionItems("Choose a ward", await MeetingChoices.WardOptionsAsync(db, areaIds, ct), withArea);
            var chairs = await MeetingChoices.Chairs(db, areaIds, form.OffersBorough).OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
            form.Chairs = MeetingChoices.PersonItems("No chair chosen yet", chairs);
            return form;
        }

        /// <summary>Schedules the meeting; refuses (403) a person who may not run meetings of that type in that area.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, Form form, CancellationToken ct)
        {
            var type = form.Type!.Value;
            if (!viewer.SchedulableTypes.Contains(type))
            {
                throw new UnauthorizedAccessException();
            }

            var borough = Meeting.IsBoroughType(type);
            int? areaId = borough ? null : form.AreaId ?? throw new DomainException("Select the area", nameof(Form.AreaId));
            string? areaName = null;
            if (areaId is { } area)
            {
                if (!viewer.CanRunMeeting(area))
                {
                    throw new UnauthorizedAccessException();
                }

                areaName = await MeetingChoices.Areas(db, viewer).Where(a => a.Id == area).Select(a => a.Name).SingleOrDefaultAsync(ct)
                    ?? throw new DomainException("Select one of your areas", nameof(Form.AreaId));
            }

            int? taskGroupId = null;
            if (type == MeetingType.TaskGroup && form.TaskGroupId is { } groupId)
            {
                taskGroupId = await MeetingChoices.TaskGroups(db, viewer, [areaId!.Value]).AnyAsync(g => g.Id == groupId, ct)
                    ? groupId
                    : throw new DomainException("Select an active task group of the meeting's area", nameof(Form.TaskGroupId));
            }

            int? wardId = null;
            if (type == MeetingType.Community && form.WardId is { } ward)
            {
                wardId = await MeetingChoices.Wards(db, [areaId!.Value]).AnyAsync(w => w.Id == ward, ct)
                    ? ward
                    : throw new DomainException("Select a ward of the meeting's area", nameof(Form.WardId));
            }

            await MeetingChoices.CheckChairAsync(db, form.ChairUserId, areaId, null, ct);
            var time = MeetingTimes.TimeOf(form);
            var title = string.IsNullOrWhiteSpace(form.Title) ? Meeting.DefaultTitle(type, areaName) : form.Title;
            var meeting = new Meeting(type, title, areaId, wardId, taskGroupId, time, form.Venue, form.OnlineLink, form.Purpose,
                form.IsConfidential ?? Meeting.ConfidentialByDefault(type), form.ChairUserId, form.AlreadyHappened, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("User {UserId} scheduled meeting {MeetingId} ({Type}) in area {AreaId}", viewer.UserId, meeting.Id, type, areaId);
            return SaveResult.Saved(meeting.Id);
        }
    }
}
