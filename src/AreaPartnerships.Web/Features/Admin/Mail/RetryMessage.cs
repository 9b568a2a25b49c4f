using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Mail;

/// <summary>The administrator sends a parked message again: it goes back to the outbox, due at once, with a fresh count of tries.</summary>
public static class RetryMessage
{
    public enum Outcome
    {
        NotFound,
        NotParked,
        Queued,
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<(Outcome Outcome, string? To)> HandleAsync(long id, int byUserId, CancellationToken ct)
        {
            var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
            if (message is null)
            {
                return (Outcome.NotFound, null);
            }

            if (message.Status != OutboxStatus.Parked)
            {
                return (Outcome.NotParked, message.ToAddress);
            }

            message.Retry(clock.GetUtcNow().UtcDateTime);

            // Only a row still parked is put back: two administrators pressing at once queue it once.
            var changed = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Parked)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, message.Status)
                    .SetProperty(m => m.Attempts, message.Attempts)
                    .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                    .SetProperty(m => m.ParkedAt, message.ParkedAt), ct);
            if (changed == 0)
            {
                return (Outcome.NotParked, message.ToAddress);
            }

            logger.LogInformation("User {UserId} put parked outbox message {OutboxId} back in the outbox", byUserId, id);
            return (Outcome.Queued, message.ToAddress);
        }
    }
}
