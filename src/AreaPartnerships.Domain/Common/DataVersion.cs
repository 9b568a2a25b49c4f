using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Common;

/// <summary>
/// One number, in the database, that moves on in the same transaction as every saved change a page's figures could
/// count (docs/decisions/0029). A page that keeps what it worked out keys it by this number, read before the figures:
/// a later change moves it, so what was kept is never shown for data that has since changed, on this instance or any
/// other over the same database. <see cref="AppDbContext"/> moves it on every save except of the
/// <see cref="Unread"/> kinds (sign-in sessions, keys, notifications and mail, which no figure counts).
/// </summary>
public class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public long Value { get; private set; }

    /// <summary>What no page's figures read: saving only these leaves the version where it is.</summary>
    public static readonly IReadOnlySet<Type> Unread = new HashSet<Type>
    {
        typeof(DataVersion), typeof(EndedSession), typeof(DataProtectionKey), typeof(Notification), typeof(OutboxMessage),
        typeof(NotificationPreference), typeof(NotificationProfile), typeof(DigestRun), typeof(EmailTemplate), typeof(MailSettings),
    };

    /// <summary>Whether the unit of work changes anything a figure could count.</summary>
    public static bool Moves(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Unread.Contains(e.Metadata.ClrType));

    private const string MoveOnSql = "UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1";

    /// <summary>Moves the version on, in the caller's transaction (a rebuild of a summary, outside a save).</summary>
    public static Task MoveOnAsync(AppDbContext db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(MoveOnSql, ct);

    internal static void MoveOn(AppDbContext db) => db.Database.ExecuteSqlRaw(MoveOnSql);

    /// <summary>The version now: read it before the figures it keys.</summary>
    public static Task<long> ReadAsync(AppDbContext db, CancellationToken ct) => Read(db, ct);

    /// <summary>Compiled once: every kept page reads it, so the query is not translated again each request.</summary>
    private static readonly Func<AppDbContext, CancellationToken, Task<long>> Read =
        EF.CompileAsyncQuery((AppDbContext db, CancellationToken ct) => db.DataVersions.Where(v => v.Id == SingletonId).Select(v => v.Value).Single());
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new { Id = DataVersion.SingletonId, Value = 0L });
    }
}
