using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Notifications;

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,

    /// <summary>Kept failing, or refused for good: shown to the administrator, who can retry it.</summary>
    Parked = 3,
}

/// <summary>
/// One e-mail, written in full (address, subject, text, any calendar attachment) and waiting to be sent: the
/// transactional outbox's second half (docs/decisions/0028). The sender claims a batch for a while
/// (<see cref="ClaimToken"/>, <see cref="ClaimExpiresAt"/>: a crashed instance's claims lapse and are picked up),
/// sends each with its fixed <see cref="MessageId"/>, and marks it sent, or tries again later with exponential
/// backoff, or parks it after too many tries or a permanent refusal.
/// </summary>
public class OutboxMessage
{
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 1000;

    public OutboxMessage(NotificationKind kind, string toAddress, string? toName, string subject, string body, DateTime createdAt)
    {
        Kind = kind;
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = OutboxStatus.Pending;
        MessageId = $"{Guid.NewGuid():N}@area-partnerships";
    }

    public long Id { get; private set; }

    public NotificationKind Kind { get; private set; }

    public long? NotificationId { get; init; }

    public int? RecipientUserId { get; init; }

    public string ToAddress { get; private set; }

    public string? ToName { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    /// <summary>An attached file (a meeting's .ics): its name, type and text.</summary>
    public string? AttachmentName { get; init; }

    public string? AttachmentType { get; init; }

    public string? Attachment { get; init; }

    /// <summary>The Message-ID every attempt carries, so a receiver can tell a repeat from a new message.</summary>
    public string MessageId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public Guid? ClaimToken { get; private set; }

    public string? ClaimedBy { get; private set; }

    public DateTime? ClaimExpiresAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? ParkedAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The wait before try number <paramref name="attempts"/> + 1: 30 seconds, doubling, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    public void Delivered(DateTime at)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = at;
        LastError = null;
        ReleaseClaim();
    }

    /// <summary>A failed try: parked if the refusal is permanent or this was the last try, otherwise tried again after the backoff.</summary>
    public void Failed(string error, bool permanent, DateTime at, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        ReleaseClaim();
        if (permanent || Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Parked;
            ParkedAt = at;
        }
        else
        {
            NextAttemptAt = at + Backoff(Attempts);
        }
    }

    /// <summary>The administrator sends a parked message again: tried at once, with a fresh count of tries.</summary>
    public void Retry(DateTime at)
    {
        if (Status != OutboxStatus.Parked)
        {
            throw new Common.DomainException("Only a message that could not be sent can be tried again", nameof(Status));
        }

        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = at;
        ParkedAt = null;
    }

    private void ReleaseClaim()
    {
        ClaimToken = null;
        ClaimedBy = null;
        ClaimExpiresAt = null;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        b.Property(m => m.AttachmentName).HasMaxLength(200);
        b.Property(m => m.AttachmentType).HasMaxLength(100);
        b.Property(m => m.MessageId).HasMaxLength(100);
        b.Property(m => m.ClaimedBy).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        b.HasIndex(m => m.MessageId).IsUnique();

        // The sender's claim: pending messages due now, oldest first. The administrator's list: parked ones.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt, m.Id });
        b.HasIndex(m => new { m.Status, m.Id });
    }
}
