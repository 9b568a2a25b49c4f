using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>The steps the meeting's forms share: find it (only if the person may see it), log a refused look, and describe it in a conflict.</summary>
public static class MeetingStore
{
    /// <summary>
    /// The meeting, tracked for change (with its invitees, and its agenda when asked), if the person may see it;
    /// otherwise null, and the attempt is logged (a guessed id gets "not found", so existence is not revealed).
    /// </summary>
    public static async Task<Meeting?> FindForChangeAsync(AppDbContext db, Viewer viewer, int id, ILogger logger, CancellationToken ct,
        bool agenda = false, bool attendees = true)
    {
        var query = viewer.VisibleMeetings(db);
        if (agenda)
        {
            query = query.Include(m => m.AgendaItems);
        }

        if (attendees)
        {
            query = query.Include(m => m.Attendees).ThenInclude(a => a.User);
        }

        var meeting = await query.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            LogNotVisible(logger, viewer, id);
        }

        return meeting;
    }

    public static void LogNotVisible(ILogger logger, Viewer viewer, int id) =>
        logger.LogWarning("User {UserId} ({Role}) asked for meeting {MeetingId}, which does not exist or they may not see", viewer.UserId, viewer.Role, id);

    /// <summary>
    /// Saves a change to the meeting's details or invitations under the version the person's form was read at
    /// (null: the version it was loaded at). The version always moves on, so an invitation and an edit at once cannot both pass unnoticed.
    /// </summary>
    public static Task<SaveResult> SaveAsync(AppDbContext db, Meeting meeting, Guid? version, CancellationToken ct) =>
        VersionedSave.SaveAsync(db, meeting, version, Conflict(db, meeting.Id), ct, moveVersion: true);

    /// <summary>How a meeting reads in a conflict, and who last changed it (its timeline).</summary>
    public static ConflictText Conflict(AppDbContext db, int meetingId) => new(
        "meeting",
        v =>
        [
            $"title ‘{v.GetValue<string>(nameof(Meeting.Title))}’",
            UkTime.Describe(v.GetValue<DateTime>(nameof(Meeting.StartsAt)), v.GetValue<DateTime>(nameof(Meeting.EndsAt))),
            $"place {string.Join(", ", new[] { v.GetValue<string?>(nameof(Meeting.Venue)), v.GetValue<string?>(nameof(Meeting.OnlineLink)) }.Where(s => s is not null))}",
            $"confidential {EditConflict.YesNo(v.GetValue<bool>(nameof(Meeting.IsConfidential)))}",
            v.GetValue<MeetingStatus>(nameof(Meeting.Status)) == MeetingStatus.Cancelled ? "cancelled" : "not cancelled",
            "invitations as the meeting's page shows them",
        ],
        ct => db.MeetingEvents.AsNoTracking()
            .Where(e => e.MeetingId == meetingId)
            .OrderByDescending(e => e.Id)
            .Select(e => new EditConflict.Change(db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone else", e.OccurredAt))
            .FirstOrDefaultAsync(ct));
}
