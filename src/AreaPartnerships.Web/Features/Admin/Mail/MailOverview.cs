using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Infrastructure.Govuk;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Mail;

/// <summary>
/// The administrator's view of e-mail: how many messages wait, how many went today (UK day), how many are parked,
/// and the parked ones newest first (by when they were written: the outbox's (Status, Id) index), read by key 25 at a time.
/// </summary>
public static class MailOverview
{
    public const int PageSize = 25;

    public sealed record Query(string? After, string? Before, bool Last);

    public sealed record Parked(long Id, string ToAddress, string? ToName, string Subject, int Attempts, string? LastError, DateTime? ParkedAt);

    public sealed record Page(int Pending, int SentToday, int ParkedCount, IReadOnlyList<Parked> Messages, SeekLinks.Position Position, bool ShowDevelopmentOutbox);

    public sealed class Handler(AppDbContext db, TimeProvider clock, IWebHostEnvironment environment)
    {
        public async Task<Page> HandleAsync(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var startOfToday = UkTime.ToUtc(UkTime.DateOf(now), TimeOnly.MinValue) ?? now.Date;
            var pending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, ct);
            var sentToday = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.SentAt >= startOfToday, ct);
            var parked = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Parked, ct);

            var messages = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Parked);
            var anchor = long.TryParse(query.After ?? query.Before, out var parsed) && !query.Last ? parsed : (long?)null;
            var backwards = query.Last || (anchor is not null && query.After is null);
            if (anchor is { } id)
            {
                messages = backwards ? messages.Where(m => m.Id > id) : messages.Where(m => m.Id < id);
            }

            var rows = await (backwards ? messages.OrderBy(m => m.Id) : messages.OrderByDescending(m => m.Id))
                .Take(PageSize + 1)
                .Select(m => new Parked(m.Id, m.ToAddress, m.ToName, m.Subject, m.Attempts, m.LastError, m.ParkedAt))
                .ToListAsync(ct);
            var (page, position) = SeekLinks.Page(rows, PageSize, backwards, fromRow: anchor is not null, last: query.Last,
                r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new Page(pending, sentToday, parked, page, position, environment.IsDevelopment());
        }
    }
}
