using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// A meeting's papers, as its page shows them below the details and invitees: the agenda (an item linked to an
/// issue names it only to people who may see that issue), attendance, minutes, decisions, actions arising and the
/// meeting's timeline, with the recording forms for those who may record. Null for a person who may see the
/// meeting but not its papers (<see cref="MeetingAccess.MeetingsWithPapers"/>).
/// </summary>
public static class MeetingPapers
{
    public sealed record Item(int Id, int Order, string Title, string? Minute);

    public sealed record Model(int MeetingId, IReadOnlyList<Item> Agenda, string? Minutes);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model?> LoadAsync(Viewer viewer, int meetingId, CancellationToken ct)
        {
            if (!await viewer.MeetingsWithPapers(db).AnyAsync(m => m.Id == meetingId, ct))
            {
                return null;
            }

            var agenda = await db.AgendaItems.AsNoTracking()
                .Where(i => i.MeetingId == meetingId)
                .OrderBy(i => i.Order)
                .Select(i => new Item(i.Id, i.Order, i.Title, i.Minute))
                .ToListAsync(ct);
            var minutes = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Minutes).SingleAsync(ct);
            return new Model(meetingId, agenda, minutes);
        }
    }
}
