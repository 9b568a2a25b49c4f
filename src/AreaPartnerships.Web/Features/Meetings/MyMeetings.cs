using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// "My meetings", for every signed-in person: the meetings they are invited to (one seek on the invitations'
/// (UserId, MeetingId) index), upcoming ones soonest first, then the most recent past ones, each with their reply
/// and its calendar file. Bounded: at most <see cref="Limit"/> of each.
/// </summary>
public static class MyMeetings
{
    public const int Limit = 50;

    public sealed record Row(int Id, string Title, MeetingType Type, string? Area, DateTime StartsAt, DateTime EndsAt, MeetingStatus Status, bool IsConfidential, InviteResponse Response)
    {
        public bool IsCancelled => Status == MeetingStatus.Cancelled;
    }

    public sealed record Model(IReadOnlyList<Row> Upcoming, IReadOnlyList<Row> Past);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(Viewer viewer, CancellationToken ct)
        {
            var userId = viewer.UserId;
            var today = UkTime.ToUtc(UkFormat.UkToday(clock), TimeOnly.MinValue) ?? clock.GetUtcNow().UtcDateTime;
            var mine = from a in db.MeetingAttendees.AsNoTracking()
                       join m in db.Meetings.AsNoTracking() on a.MeetingId equals m.Id
                       where a.UserId == userId
                       select new { m, a.Response };
            var upcoming = await mine.Where(x => x.m.StartsAt >= today)
                .OrderBy(x => x.m.StartsAt).ThenBy(x => x.m.Id)
                .Take(Limit)
                .Select(x => new Row(x.m.Id, x.m.Title, x.m.Type, db.Areas.Where(ar => ar.Id == x.m.AreaId).Select(ar => ar.Name).FirstOrDefault(),
                    x.m.StartsAt, x.m.EndsAt, x.m.Status, x.m.IsConfidential, x.Response))
                .ToListAsync(ct);
            var past = await mine.Where(x => x.m.StartsAt < today)
                .OrderByDescending(x => x.m.StartsAt).ThenByDescending(x => x.m.Id)
                .Take(Limit)
                .Select(x => new Row(x.m.Id, x.m.Title, x.m.Type, db.Areas.Where(ar => ar.Id == x.m.AreaId).Select(ar => ar.Name).FirstOrDefault(),
                    x.m.StartsAt, x.m.EndsAt, x.m.Status, x.m.IsConfidential, x.Response))
                .ToListAsync(ct);
            return new Model(upcoming, past);
        }
    }
}
