using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>Take an invitation back, before the meeting starts (those who run its area's meetings). On the meeting's timeline.</summary>
public static class UninviteFromMeeting
{
    /// <summary>Nothing is typed: the button carries the invitee in its address.</summary>
    public sealed class Form
    {
        [BindNever]
        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Null when the person may not see the meeting or the invitee is not one of its invitees.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, int id, long attendeeId, Form form, CancellationToken ct)
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

            var attendee = meeting.Attendees.SingleOrDefault(a => a.Id == attendeeId);
            if (attendee is null)
            {
                return null;
            }

            form.Name = attendee.GuestName
                ?? await db.Users.Where(u => u.Id == attendee.UserId).Select(u => u.DisplayName).SingleAsync(ct);
            meeting.Uninvite(attendee, form.Name, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
    }
}
