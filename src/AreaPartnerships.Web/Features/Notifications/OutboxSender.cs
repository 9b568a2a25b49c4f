using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// Sends what the outbox holds (docs/decisions/0028). A pass claims a batch in one UPDATE (pending, due, not
/// claimed or claimed by someone whose claim has lapsed; oldest first) with a fresh token, so two instances never
/// hold the same message; sends each through <see cref="IMailTransport"/>; and records the outcome only where the
/// row still carries this pass's token. A refusal parks its message; any other failure waits out the backoff; one
/// message's failure never stops the rest of the batch.
/// <para>
/// What "exactly once" means here, honestly: the database side is exact (a message is claimed by one pass at a
/// time, and marked sent once). SMTP itself cannot be exactly-once: if this process dies after the server accepted
/// a message but before the "sent" is saved, the claim lapses and the message goes again. Two things keep that
/// rare and harmless: the message carries the same Message-ID on every try (receiving systems drop a repeat), and
/// the claim (<see cref="NotificationOptions.ClaimSeconds"/>, five minutes) is far longer than a send, and a pass
/// starts no new send once half its claim has gone, so a slow pass never sends a message someone else has claimed.
/// </para>
/// </summary>
public sealed class OutboxSender(
    AppDbContext db, IMailTransport transport, MailMessageBuilder builder, TimeProvider clock,
    IOptions<NotificationOptions> options, ILogger<OutboxSender> logger)
{
    /// <summary>One batch: returns how many messages were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var token = Guid.NewGuid();
        var now = Now();
        var claimedUntil = now.AddSeconds(Math.Max(1, settings.ClaimSeconds));
        var stopStartingAt = now.AddSeconds(Math.Max(1, settings.ClaimSeconds) / 2.0);
        var instance = settings.InstanceName ?? $"{Environment.MachineName}/{Environment.ProcessId}";

        if (await ClaimAsync(token, instance, now, claimedUntil, Math.Max(1, settings.BatchSize), ct) == 0)
        {
            return 0;
        }

        var batch = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
        var mailSettings = await db.MailSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == MailSettings.SingletonId, ct) ?? MailSettings.Defaults();
        var sent = 0;
        foreach (var message in batch)
        {
            if (Now() >= stopStartingAt)
            {
                // The rest keep the claim until it lapses, then any instance takes them.
                logger.LogWarning("Outbox pass stopped early: half of its {ClaimSeconds}-second claim has gone; {Left} messages wait for the next pass",
                    settings.ClaimSeconds, batch.Count - batch.IndexOf(message));
                break;
            }

            if (await SendOneAsync(message, mailSettings, token, settings.MaxAttempts, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// The claim, in one statement: the oldest due messages nobody holds (or whose holder's claim has lapsed) get this
    /// pass's token. The condition is repeated on the updated rows themselves, so on a server that reads the subquery
    /// before taking row locks (SQL Server under READ COMMITTED) a row another pass claimed meanwhile is skipped.
    /// </summary>
    private Task<int> ClaimAsync(Guid token, string instance, DateTime now, DateTime until, int batchSize, CancellationToken ct)
    {
        var due = db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimExpiresAt == null || m.ClaimExpiresAt <= now))
            .OrderBy(m => m.Id)
            .Take(batchSize)
            .Select(m => m.Id);
        return db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.ClaimExpiresAt == null || m.ClaimExpiresAt <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedBy, instance)
                .SetProperty(m => m.ClaimExpiresAt, until), ct);
    }

    private async Task<bool> SendOneAsync(OutboxMessage message, MailSettings mailSettings, Guid token, int maxAttempts, CancellationToken ct)
    {
        try
        {
            await transport.SendAsync(builder.Build(message, mailSettings), ct);
        }
        catch (MailDeliveryException ex)
        {
            await FailedAsync(message, token, ex.Reason, ex.Permanent, maxAttempts, ct);
            return false;
        }
#pragma warning disable CA1031 // Whatever went wrong with one message, the rest of the batch is still sent; this one is tried again.
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Sending outbox message {OutboxId} failed unexpectedly", message.Id);
            await FailedAsync(message, token, $"Unexpected error: {ex.Message}", permanent: false, maxAttempts, ct);
            return false;
        }

        message.Delivered(Now());
        if (!await SaveIfStillOursAsync(message, token, ct))
        {
            logger.LogWarning("Outbox message {OutboxId} was sent after its claim lapsed and another pass took it: it may arrive twice (same Message-ID {MessageId})",
                message.Id, message.MessageId);
        }

        return true;
    }

    private async Task FailedAsync(OutboxMessage message, Guid token, string reason, bool permanent, int maxAttempts, CancellationToken ct)
    {
        message.Failed(reason, permanent, Now(), Math.Max(1, maxAttempts));
        if (!await SaveIfStillOursAsync(message, token, ct))
        {
            logger.LogWarning("Outbox message {OutboxId} failed after its claim lapsed; its new holder decides what happens to it", message.Id);
            return;
        }

        if (message.Status == OutboxStatus.Parked)
        {
            logger.LogWarning("Outbox message {OutboxId} ({Kind}) parked after {Attempts} tries{Permanent}: {Reason}",
                message.Id, message.Kind, message.Attempts, permanent ? " (refused for good)" : string.Empty, reason);
        }
        else
        {
            logger.LogInformation("Outbox message {OutboxId} not sent (try {Attempts}), next try at {NextAttemptAt:u}: {Reason}",
                message.Id, message.Attempts, message.NextAttemptAt, reason);
        }
    }

    /// <summary>
    /// Writes the outcome the entity's own rules worked out (<see cref="OutboxMessage.Delivered"/>,
    /// <see cref="OutboxMessage.Failed"/>), but only where the row still carries this pass's claim token.
    /// </summary>
    private async Task<bool> SaveIfStillOursAsync(OutboxMessage message, Guid token, CancellationToken ct)
    {
        var (status, attempts, next, sentAt, parkedAt, error) =
            (message.Status, message.Attempts, message.NextAttemptAt, message.SentAt, message.ParkedAt, message.LastError);
        var id = message.Id;
        return await db.OutboxMessages
            .Where(m => m.Id == id && m.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.ParkedAt, parkedAt)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimExpiresAt, (DateTime?)null), ct) == 1;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
