using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// Invite a person of the service to a meeting (those who run its area's meetings), from the meeting's page. An elected
/// member invited to a confidential meeting needs confirming: the first post is refused with a warning and a
/// "confirm" box, the second (confirmed) invites them, and the meeting's timeline records who confirmed. Inviting
/// adds a row: it does not move the meeting's version, so it never makes an open change form stale.
/// </summary>
public static class InviteToMeeting
{
    public sealed class Form
    {
        public int? UserId { get; set; }

        /// <summary>The person inviting confirms an elected member is to be invited to a confidential meeting.</summary>
        public bool ConfirmCouncillor { get; set; }

        [BindNever]
        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.UserId).NotNull().WithMessage("Select who to invite");
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

            var person = await MeetingChoices.People(db).SingleOrDefaultAsync(p => p.Id == form.UserId, ct)
                ?? throw new DomainException("Select a person from the list", nameof(Form.UserId));
            form.Name = person.Name;
            var councillor = person.Role == Roles.Councillor;
            meeting.Invite(new Invitee(person.Id, person.Name, councillor), form.ConfirmCouncillor, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            if (councillor && meeting.IsConfidential)
            {
                logger.LogInformation("User {UserId} invited councillor {CouncillorId} to confidential meeting {MeetingId}, confirmed", viewer.UserId, person.Id, id);
            }

            return SaveResult.Saved(id);
        }
    }
}
