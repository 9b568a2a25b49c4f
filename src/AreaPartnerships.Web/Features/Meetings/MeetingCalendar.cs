using System.Text;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure.Security;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// A meeting as a calendar file (.ics, RFC 5545, written by Ical.Net), for anyone who may see the meeting. Every version
/// of the file is the same event (the meeting's calendar UID) with a higher SEQUENCE after each change of time or place,
/// so a calendar that imported it updates the event; a cancelled meeting's file cancels it. The purpose goes in only
/// when the person may read the papers or the meeting is not confidential.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar";

    public const string ProductId = "-//Walsall Council//Area Partnerships//EN";

    public sealed record File(string FileName, byte[] Content);

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <param name="viewer">Who is asking.</param>
        /// <param name="id">The meeting.</param>
        /// <param name="pageUrl">The absolute address of the meeting's page (the event's URL).</param>
        /// <param name="ct">Cancellation.</param>
        public async Task<File?> HandleAsync(Viewer viewer, int id, Uri pageUrl, CancellationToken ct)
        {
            var meeting = await viewer.VisibleMeetings(db).AsNoTracking().Where(m => m.Id == id)
                .Select(m => new
                {
                    m.Title,
                    m.Type,
                    m.StartsAt,
                    m.EndsAt,
                    m.Venue,
                    m.OnlineLink,
                    m.Purpose,
                    m.IsConfidential,
                    m.Status,
                    m.CancellationReason,
                    m.CalendarUid,
                    m.CalendarSequence,
                })
                .SingleOrDefaultAsync(ct);
            if (meeting is null)
            {
                MeetingStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var seesPurpose = !meeting.IsConfidential || await viewer.MeetingsWithPapers(db).AnyAsync(m => m.Id == id, ct);
            var cancelled = meeting.Status == MeetingStatus.Cancelled;
            var text = EventText(
                new Event(meeting.CalendarUid, meeting.CalendarSequence, meeting.StartsAt, meeting.EndsAt, meeting.Title, meeting.Venue, meeting.OnlineLink,
                    seesPurpose ? meeting.Purpose : null, cancelled, meeting.CancellationReason),
                cancelled ? CalendarMethods.Cancel : CalendarMethods.Publish, pageUrl, clock.GetUtcNow().UtcDateTime, organizer: null);
            return new File(FileName(id), Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>What goes into a meeting's calendar event: the caller decides whether the purpose may be in it.</summary>
    public sealed record Event(Guid Uid, int Sequence, DateTime StartsAt, DateTime EndsAt, string Title, string? Venue, string? OnlineLink, string? Purpose,
        bool Cancelled, string? CancellationReason);

    public static string FileName(int meetingId) => $"meeting-{meetingId}.ics";

    /// <summary>
    /// The calendar file's text for one meeting: the meeting page's download (METHOD:PUBLISH, or CANCEL) and the
    /// e-mailed invitation, change and cancellation (METHOD:REQUEST or CANCEL, with the sender as organiser) are the
    /// same event, written here once.
    /// </summary>
    public static string EventText(Event meeting, string method, Uri pageUrl, DateTime nowUtc, (string Address, string Name)? organizer)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = meeting.Uid.ToString(),
            Sequence = meeting.Sequence,
            DtStamp = new CalDateTime(nowUtc),
            DtStart = new CalDateTime(DateTime.SpecifyKind(meeting.StartsAt, DateTimeKind.Utc)),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(meeting.EndsAt, DateTimeKind.Utc)),
            Summary = meeting.Title,
            Location = meeting.Venue ?? meeting.OnlineLink,
            Url = pageUrl,
            Status = meeting.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Description = Describe(meeting.Purpose, meeting.Venue is null ? null : meeting.OnlineLink, meeting.Cancelled ? meeting.CancellationReason : null),
        };
        if (organizer is { } o)
        {
            calendarEvent.Organizer = new Organizer($"mailto:{o.Address}") { CommonName = o.Name };
        }

        var calendar = new Calendar { ProductId = ProductId, Method = method };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string? Describe(string? purpose, string? link, string? cancellation)
    {
        var lines = new[]
        {
            cancellation is null ? null : $"Cancelled: {cancellation}",
            purpose,
            link is null ? null : $"Online: {link}",
        }.Where(l => l is not null).ToList();
        return lines.Count == 0 ? null : string.Join("\n\n", lines);
    }
}
