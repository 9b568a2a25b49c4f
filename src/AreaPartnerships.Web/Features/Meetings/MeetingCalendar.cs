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
            var calendarEvent = new CalendarEvent
            {
                Uid = meeting.CalendarUid.ToString(),
                Sequence = meeting.CalendarSequence,
                DtStamp = new CalDateTime(clock.GetUtcNow().UtcDateTime),
                DtStart = new CalDateTime(DateTime.SpecifyKind(meeting.StartsAt, DateTimeKind.Utc)),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(meeting.EndsAt, DateTimeKind.Utc)),
                Summary = meeting.Title,
                Location = meeting.Venue ?? meeting.OnlineLink,
                Url = pageUrl,
                Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Description = Describe(seesPurpose ? meeting.Purpose : null, meeting.Venue is null ? null : meeting.OnlineLink, cancelled ? meeting.CancellationReason : null),
            };
            var calendar = new Calendar { ProductId = ProductId, Method = cancelled ? CalendarMethods.Cancel : CalendarMethods.Publish };
            calendar.Events.Add(calendarEvent);
            var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
            return new File($"meeting-{id}.ics", Encoding.UTF8.GetBytes(text));
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
}
