using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AreaPartnerships.Web.Infrastructure.Database;

/// <summary>
/// The SQLite settings that matter under load, applied once to each new database connection (a pooled connection
/// keeps them, so they cost nothing per request):
/// <list type="bullet">
/// <item><c>journal_mode=WAL</c>: readers never wait for the writer, and the writer never waits for readers.</item>
/// <item><c>synchronous</c> (<c>Database:SqliteSynchronous</c>, default FULL): FULL makes every acknowledged write
/// survive a power cut; NORMAL is faster (no flush per commit) and never corrupts the file, but a power cut can lose
/// the last moments of acknowledged writes. Measured in docs/performance.md.</item>
/// <item><c>busy_timeout</c> (<c>Database:SqliteBusyTimeoutMs</c>, default 5,000): a writer waits this long for another
/// writer to finish rather than failing with "database is locked".</item>
/// </list>
/// </summary>
public sealed class SqliteSettings(string synchronous, int busyTimeoutMs) : DbConnectionInterceptor
{
    private static readonly object Applied = new();
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    /// <summary>How long a writer waits for another writer before SQLite refuses with "database is locked".</summary>
    public int BusyTimeoutMs => busyTimeoutMs;

    public static SqliteSettings From(IConfiguration configuration)
    {
        var synchronous = (configuration["Database:SqliteSynchronous"] ?? "FULL").Trim().ToUpperInvariant();
        if (synchronous is not ("OFF" or "NORMAL" or "FULL" or "EXTRA"))
        {
            throw new InvalidOperationException($"Database:SqliteSynchronous must be NORMAL, FULL or EXTRA (or OFF, for throwaway databases), not '{synchronous}'.");
        }

        return new SqliteSettings(synchronous, configuration.GetValue("Database:SqliteBusyTimeoutMs", 5000));
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _prepared.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={busyTimeoutMs};");
        command.ExecuteNonQuery();
        _prepared.AddOrUpdate(handle, Applied);
    }
}
