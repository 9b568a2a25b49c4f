using AreaPartnerships.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Notifications;

/// <summary>A person's choice for one kind (no row: <see cref="NotificationKinds.DefaultDelivery"/>). A duty kind cannot be <see cref="Delivery.Off"/>.</summary>
public class NotificationPreference
{
    public NotificationPreference(int userId, NotificationKind kind, Delivery delivery)
    {
        UserId = userId;
        Kind = kind;
        Set(delivery);
    }

    private NotificationPreference()
    {
    }

    public int UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public Delivery Delivery { get; private set; }

    public void Set(Delivery delivery)
    {
        var info = NotificationKinds.Of(Kind);
        if (!info.IsChoosable || !Enum.IsDefined(delivery))
        {
            throw new DomainException("Choose immediately, in the daily digest or not at all", $"Kind{(int)Kind}");
        }

        if (delivery == Delivery.Off && info.IsDuty)
        {
            throw new DomainException($"“{info.Name}” cannot be switched off: choose immediately or in the daily digest", $"Kind{(int)Kind}");
        }

        Delivery = delivery;
    }
}

/// <summary>A person's notification settings beyond the per-kind choices: when their daily digest comes (UK time).</summary>
public class NotificationProfile : IVersioned
{
    public static readonly TimeOnly DefaultDigestAt = new(7, 0);

    public NotificationProfile(int userId) => UserId = userId;

    public int UserId { get; private set; }

    /// <summary>UK local time of day the daily digest is sent (on the hour or half hour).</summary>
    public TimeOnly DailyDigestAt { get; private set; } = DefaultDigestAt;

    public Guid Version { get; set; }

    public void SetDigestTime(TimeOnly at)
    {
        if (at.Second != 0 || at.Minute % 30 != 0)
        {
            throw new DomainException("Choose a time on the hour or half hour", nameof(DailyDigestAt));
        }

        DailyDigestAt = at;
    }
}

/// <summary>
/// A digest built for one person and day: unique per (person, kind, day), so however many instances run, each
/// person gets each digest once. Written in the same transaction as the digest's e-mail.
/// </summary>
public class DigestRun
{
    public DigestRun(int userId, NotificationKind kind, DateOnly forDate, DateTime createdAt)
    {
        UserId = userId;
        Kind = kind;
        ForDate = forDate;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The UK date the digest is for (a weekly digest: the Monday).</summary>
    public DateOnly ForDate { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The e-mail it became; null when there was nothing to say.</summary>
    public long? OutboxMessageId { get; set; }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(p => new { p.UserId, p.Kind });
        b.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(p => p.UserId);
    }
}

internal sealed class NotificationProfileConfiguration : IEntityTypeConfiguration<NotificationProfile>
{
    public void Configure(EntityTypeBuilder<NotificationProfile> b)
    {
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).ValueGeneratedNever();
        b.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(p => p.UserId);
    }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> b)
    {
        b.HasIndex(r => new { r.UserId, r.Kind, r.ForDate }).IsUnique();
        b.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(r => r.UserId);
    }
}
