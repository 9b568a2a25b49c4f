using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// Invite a named guest from outside the service (name, organisation, e-mail), recording whether a confidentiality
/// agreement is on record for them (those who run the meeting's area's meetings). An append: the meeting's version stays.
/// </summary>
public static class InviteGuest
{
    public sealed class Form
    {
        public string? GuestName { get; set; }

        public string? GuestOrganisation { get; set; }

        public string? GuestEmail { get; set; }

        public bool GuestAgreement { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.GuestName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the guest's name")
                .Must(n => n!.Trim().Length <= MeetingAttendee.NameMaxLength).WithMessage($"The name must be {MeetingAttendee.NameMaxLength} characters or fewer");
            RuleFor(f => f.GuestOrganisation).Must(o => o is null || o.Trim().Length <= MeetingAttendee.NameMaxLength)
                .WithMessage($"The organisation must be {MeetingAttendee.NameMaxLength} characters or fewer");
            RuleFor(f => f.GuestEmail).Cascade(CascadeMode.Stop)
                .Must(e => e is null || e.Trim().Length <= MeetingAttendee.EmailMaxLength).WithMessage($"The email address must be {MeetingAttendee.EmailMaxLength} characters or fewer")
                .Must(e => string.IsNullOrWhiteSpace(e) || MeetingAttendee.LooksLikeEmail(e.Trim())).WithMessage("Enter an email address in the correct format, like name@example.com");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
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

            meeting.InviteGuest(form.GuestName, form.GuestOrganisation, form.GuestEmail, form.GuestAgreement, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
    }
}
