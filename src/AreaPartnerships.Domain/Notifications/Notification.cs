using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Notifications;

public enum NotificationState
{
    /// <summary>Written with the change that caused it; not yet looked at by the dispatcher.</summary>
    Pending = 1,

    /// <summary>Turned into e-mail(s) in the outbox.</summary>
    Emailed = 2,

    /// <summary>The person wants this kind in their daily digest: waiting for it.</summary>
    AwaitingDigest = 3,

    /// <summary>Put into a digest (<see cref="Notification.DigestRunId"/>).</summary>
    InDigest = 4,

    /// <summary>Nobody is told (switched off, no address, or not theirs to know): <see cref="Notification.Outcome"/> says why.</summary>
    Skipped = 5,
}

/// <summary>
/// The transactional outbox's first half (docs/decisions/0028): a fact that someone needs telling about something,
/// written by <see cref="NotificationPlanner"/> in the same transaction as the change that caused it (a change that
/// rolls back leaves none), or by the scheduler for reminders (with a unique <see cref="Key"/> so each is written
/// once). It holds ids, never text: the dispatcher reads the record as it is when it writes the e-mail, applies
/// the person's choice and the confidentiality rules, and turns it into <see cref="OutboxMessage"/>s.
/// </summary>
public class Notification
{
    public const int KeyMaxLength = 100;
    public const int DetailMaxLength = 500;

    public Notification(NotificationKind kind, DateTime createdAt)
    {
        Kind = kind;
        CreatedAt = createdAt;
        State = NotificationState.Pending;
    }

    public long Id { get; private set; }

    public NotificationKind Kind { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The person told; null when the recipients are worked out when sending (a referral's organisation, a meeting's invitees) or for a guest.</summary>
    public int? RecipientUserId { get; init; }

    /// <summary>A guest's address (meeting invitations to people without an account).</summary>
    public string? RecipientEmail { get; init; }

    public string? RecipientName { get; init; }

    /// <summary>A referral: the front-line organisation whose contact is told.</summary>
    public int? OrganisationId { get; init; }

    public int? IssueId { get; init; }

    public int? PlanActionId { get; init; }

    public int? MeetingId { get; init; }

    public int? TaskGroupId { get; init; }

    /// <summary>Who made the change (never told about their own change).</summary>
    public int? ActorId { get; init; }

    /// <summary>A fact the record no longer holds when sending (e.g. the status the issue moved to).</summary>
    public string? Detail { get; init; }

    /// <summary>For scheduled notifications: unique, so each reminder is written once however many instances run.</summary>
    public string? Key { get; init; }

    public NotificationState State { get; private set; }

    public DateTime? ProcessedAt { get; private set; }

    public string? Outcome { get; private set; }

    public long? DigestRunId { get; private set; }

    public void Emailed(DateTime at, string? outcome = null) => Finish(NotificationState.Emailed, at, outcome);

    public void WaitForDigest(DateTime at) => Finish(NotificationState.AwaitingDigest, at, null);

    public void Skip(DateTime at, string why) => Finish(NotificationState.Skipped, at, why);

    public void PutInDigest(long digestRunId, DateTime at)
    {
        DigestRunId = digestRunId;
        State = NotificationState.InDigest;
        ProcessedAt = at;
    }

    private void Finish(NotificationState state, DateTime at, string? outcome)
    {
        State = state;
        ProcessedAt = at;
        Outcome = outcome is { Length: > DetailMaxLength } ? outcome[..DetailMaxLength] : outcome;
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.RecipientEmail).HasMaxLength(256);
        b.Property(n => n.RecipientName).HasMaxLength(200);
        b.Property(n => n.Detail).HasMaxLength(Notification.DetailMaxLength);
        b.Property(n => n.Outcome).HasMaxLength(Notification.DetailMaxLength);
        b.Property(n => n.Key).HasMaxLength(Notification.KeyMaxLength);
        b.HasIndex(n => n.Key).IsUnique(); // SQL Server filters out the nulls by convention; SQLite never counts them as equal.

        // The dispatcher reads the pending ones oldest first; a digest reads one person's waiting ones.
        b.HasIndex(n => new { n.State, n.Id });
        b.HasIndex(n => new { n.RecipientUserId, n.State });
    }
}
