using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// The steps every recording page of a meeting shares (agenda, attendance, minutes, decisions, actions arising,
/// approval): finding the meeting for change (a meeting the person may not see is "not found", and the attempt is
/// logged, <see cref="MeetingStore"/>), who may do what before a form is even read, and how the minutes read in a conflict.
/// </summary>
public static class MeetingRecordStore
{
    /// <summary>What the access checks need to know about a meeting, read before anything else.</summary>
    public sealed record Facts(int Id, int? AreaId, int? ChairUserId, bool MinutesApproved);

    public static Task<Facts?> FactsAsync(AppDbContext db, Viewer viewer, int id, CancellationToken ct) =>
        viewer.VisibleMeetings(db).AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new Facts(m.Id, m.AreaId, m.ChairUserId, m.MinutesApprovedAt != null))
            .SingleOrDefaultAsync(ct);

    /// <summary>Set the agenda or record the meeting: those who run it; once the minutes are approved, only those who may amend them.</summary>
    public static bool MayRecord(Viewer viewer, Facts meeting) =>
        viewer.CanRunMeeting(meeting.AreaId) && (!meeting.MinutesApproved || viewer.CanAmendApprovedMinutes(meeting.AreaId));

    /// <summary>Saves a change to the meeting's record that is not checked against a version (appends, the agenda, attendance).</summary>
    public static async Task<SaveResult> SaveAsync(AppDbContext db, Meeting meeting, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(meeting.Id);
    }

    /// <summary>How the minutes read in a conflict, and who last recorded them (from the meeting's timeline).</summary>
    public static ConflictText MinutesConflict(AppDbContext db, int meetingId) => new(
        "meeting's minutes",
        async (v, ct) =>
        {
            var items = await db.AgendaItems.AsNoTracking()
                .Where(i => i.MeetingId == meetingId && i.Minute != null)
                .OrderBy(i => i.Order)
                .Select(i => new { i.Order, i.Minute })
                .ToListAsync(ct);
            var general = v.GetValue<string?>(nameof(Meeting.Minutes));
            return
            [
                general is null ? "no general minutes" : $"general minutes ‘{Brief(general)}’",
                .. items.Select(i => $"item {i.Order} ‘{Brief(i.Minute!)}’"),
            ];
        },
        ct => db.MeetingEvents.AsNoTracking()
            .Where(e => e.MeetingId == meetingId && (e.Summary == "Minutes recorded" || e.Summary == "Minutes approved" || e.Summary == "Approved minutes changed"))
            .OrderByDescending(e => e.Id)
            .Select(e => new EditConflict.Change(db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone else", e.OccurredAt))
            .FirstOrDefaultAsync(ct),
        "The meeting");

    /// <summary>Long text cut short for a message.</summary>
    public static string Brief(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 199), "…");

    /// <summary>A domain error on a key no form field carries (the meeting as a whole) is shown in the summary without a link.</summary>
    public static T Rekeyed<T>(Func<T> call, params (string Domain, string Form)[] names)
    {
        try
        {
            return call();
        }
        catch (DomainException ex) when (ex.Field is nameof(Meeting.StartsAt) or nameof(Meeting.Status) or nameof(Meeting.AgendaItems) or nameof(Meeting.MinutesApprovedAt))
        {
            throw new DomainException(ex.Message, EditConflict.Field);
        }
        catch (DomainException ex) when (names.Any(n => n.Domain == ex.Field))
        {
            throw new DomainException(ex.Message, names.First(n => n.Domain == ex.Field).Form);
        }
    }

    public static void Rekeyed(Action call, params (string Domain, string Form)[] names) =>
        Rekeyed(() =>
        {
            call();
            return true;
        }, names);

    /// <summary>The form of a button that posts nothing but itself (move, remove, approve).</summary>
    public sealed class NoFields
    {
    }

    public sealed class Validator : AbstractValidator<NoFields>
    {
    }
}
