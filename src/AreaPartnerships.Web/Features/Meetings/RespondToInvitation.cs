using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// An invitee accepts or declines, from the meeting's page. The reply is the invitee's own row: the meeting's version
/// does not move, so a reply never makes someone's change form stale, and replies never conflict with each other.
/// </summary>
public static class RespondToInvitation
{
    public sealed class Form
    {
        public InviteResponse? Response { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Response).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Select whether you will attend")
                .Must(r => r is InviteResponse.Accepted or InviteResponse.Declined).WithMessage("Select whether you will attend");
        }
    }

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>Null when the person may not see the meeting; refused (403) when they see it but are not invited.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, int id, Form form, CancellationToken ct)
        {
            var meeting = await viewer.VisibleMeetings(db).AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Status }).SingleOrDefaultAsync(ct);
            if (meeting is null)
            {
                MeetingStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var attendee = await db.MeetingAttendees.SingleOrDefaultAsync(a => a.MeetingId == id && a.UserId == viewer.UserId, ct)
                ?? throw new UnauthorizedAccessException();
            if (meeting.Status == MeetingStatus.Cancelled)
            {
                throw new DomainException("This meeting was cancelled: there is nothing to reply to", nameof(Form.Response));
            }

            Meeting.Respond(attendee, form.Response!.Value);
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
    }
}
