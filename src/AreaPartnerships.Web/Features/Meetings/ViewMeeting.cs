using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// A meeting's page as this person may see it: its details (cancelled, confidential, where and when in UK time, who
/// chairs, whether the minutes are approved), the calendar file, who is invited with their reply, attendance and
/// whether a confidentiality agreement is on record, the forms to invite and reply, and then its papers
/// (<see cref="MeetingPapers"/>) for those who may read them.
/// </summary>
public static class ViewMeeting
{
    public sealed record Summary(
        int Id,
        MeetingType Type,
        string Title,
        int? AreaId,
        string? Area,
        string? Ward,
        int? TaskGroupId,
        string? TaskGroup,
        DateTime StartsAt,
        DateTime EndsAt,
        string? Venue,
        string? OnlineLink,
        string? Purpose,
        bool IsConfidential,
        string? Chair,
        MeetingStatus Status,
        string? CancellationReason,
        DateTime? MinutesApprovedAt)
    {
        public bool IsCancelled => Status == MeetingStatus.Cancelled;
    }

    /// <summary>One invitee. <see cref="Agreement"/> is "Yes", "No" or "Council officer".</summary>
    public sealed record Invitee(long Id, int? UserId, string Name, string? OrganisationOrRole, InviteResponse Response, Attendance Attendance, string Agreement, bool IsGuest);

    /// <summary>
    /// The page. <see cref="UserId"/>, <see cref="ConfirmCouncillor"/>, the guest's fields and <see cref="Response"/>
    /// are the page's forms' fields, so a refused post shows the page again with what was chosen or typed.
    /// </summary>
    public sealed class Page
    {
        public int? UserId { get; set; }

        public bool ConfirmCouncillor { get; set; }

        public string? GuestName { get; set; }

        public string? GuestOrganisation { get; set; }

        public string? GuestEmail { get; set; }

        public bool GuestAgreement { get; set; }

        public InviteResponse? Response { get; set; }

        public required Summary Meeting { get; init; }

        public required IReadOnlyList<Invitee> Invitees { get; init; }

        /// <summary>Null for a person who may see the meeting but not its papers.</summary>
        public required MeetingPapers.Model? Papers { get; init; }

        /// <summary>Change, cancel and invite.</summary>
        public required bool CanRun { get; init; }

        public required bool HasStarted { get; init; }

        /// <summary>This person's own invitation, when they are invited.</summary>
        public required Invitee? Mine { get; init; }

        public required IReadOnlyList<SelectListItem> Candidates { get; init; }

        public bool SeesPurpose => Papers is not null || !Meeting.IsConfidential;

        public bool CanInvite => CanRun && !Meeting.IsCancelled && Meeting.MinutesApprovedAt is null;

        public bool CanUninvite => CanInvite && !HasStarted;
    }

    public const string OfficerAgreement = "Council officer";

    public sealed class Handler(AppDbContext db, MeetingPapers.Handler papers, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Page?> HandleAsync(Viewer viewer, int id, CancellationToken ct)
        {
            var meeting = await viewer.VisibleMeetings(db).AsNoTracking().Where(m => m.Id == id)
                .Select(m => new Summary(m.Id, m.Type, m.Title, m.AreaId,
                    db.Areas.Where(a => a.Id == m.AreaId).Select(a => a.Name).FirstOrDefault(),
                    db.Wards.Where(w => w.Id == m.WardId).Select(w => w.Name).FirstOrDefault(),
                    m.TaskGroupId,
                    db.TaskGroups.Where(g => g.Id == m.TaskGroupId).Select(g => g.Name).FirstOrDefault(),
                    m.StartsAt, m.EndsAt, m.Venue, m.OnlineLink, m.Purpose, m.IsConfidential,
                    db.Users.Where(u => u.Id == m.ChairUserId).Select(u => u.DisplayName).FirstOrDefault(),
                    m.Status, m.CancellationReason, m.MinutesApprovedAt))
                .SingleOrDefaultAsync(ct);
            if (meeting is null)
            {
                MeetingStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var invitees = await InviteesAsync(id, ct);
            var canRun = viewer.CanRunMeeting(meeting.AreaId);
            IReadOnlyList<SelectListItem> candidates = [];
            if (canRun && !meeting.IsCancelled)
            {
                var invited = invitees.Where(i => i.UserId is not null).Select(i => i.UserId!.Value).ToList();
                var people = await MeetingChoices.People(db).Where(p => !invited.Contains(p.Id)).OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
                candidates = MeetingChoices.PersonItems("Choose a person", people);
            }

            var mine = invitees.FirstOrDefault(i => i.UserId == viewer.UserId);
            return new Page
            {
                Meeting = meeting,
                Invitees = invitees,
                Papers = await papers.LoadAsync(viewer, id, ct),
                CanRun = canRun,
                HasStarted = meeting.StartsAt <= clock.GetUtcNow().UtcDateTime,
                Mine = mine,
                Response = mine?.Response is InviteResponse.Accepted or InviteResponse.Declined ? mine.Response : null,
                Candidates = candidates,
            };
        }

        /// <summary>Who is invited: people of the service by name, then guests; with the agreement on record (officers are bound by their own terms).</summary>
        private async Task<IReadOnlyList<Invitee>> InviteesAsync(int id, CancellationToken ct)
        {
            var rows = await db.MeetingAttendees.AsNoTracking().Where(a => a.MeetingId == id)
                .Select(a => new
                {
                    a.Id,
                    a.UserId,
                    Name = a.User == null ? a.GuestName : a.User.DisplayName,
                    Organisation = a.User == null ? a.GuestOrganisation : a.User.Organisation == null ? null : a.User.Organisation.Name,
                    Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == a.UserId select r.Name).FirstOrDefault(),
                    HasAgreement = a.User == null ? a.ConfidentialityAgreementSigned : db.ConfidentialityAgreements.Any(c => c.UserId == a.UserId),
                    a.Response,
                    a.Attendance,
                })
                .ToListAsync(ct);
            return
            [
                .. rows.OrderBy(r => r.UserId is null).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id)
                    .Select(r => new Invitee(
                        r.Id,
                        r.UserId,
                        r.Name ?? "Someone",
                        r.UserId is null ? r.Organisation ?? "Guest" : r.Role == Roles.PartnerUser ? r.Organisation ?? "Partner user" : r.Role is null ? r.Organisation : Roles.DisplayName(r.Role),
                        r.Response,
                        r.Attendance,
                        r.Role is Roles.PartnershipManager or Roles.AreaManager or Roles.SupportOfficer ? OfficerAgreement : r.HasAgreement ? "Yes" : "No",
                        r.UserId is null)),
            ];
        }
    }
}
