using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AreaPartnerships.Web.Infrastructure.Database;

/// <summary>
/// On SQLite, this app's transactions queue here, one at a time, before their <c>BEGIN IMMEDIATE</c>
/// (docs/decisions/0030). SQLite has one writer at a time. Without the queue, a writer that finds the lock taken
/// sleeps in SQLite's busy handler: 1, 2, 5, 10, then up to 100 ms between tries. The lock then often sits free while
/// the next writer sleeps. Here the next transaction starts as soon as the one before it commits or rolls back.
/// <para>
/// A transaction disposed without committing lets the next one in when its connection closes. A transaction that
/// waits longer than the busy timeout goes ahead without its turn, to SQLite's own lock and busy handler, as before:
/// the queue can slow nothing down beyond what SQLite itself would. It queues this process only; another process over
/// the same file still meets SQLite's lock.
/// </para>
/// </summary>
public sealed class SqliteWriteGate(TimeSpan longestWait) : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>The connections (EF Core's ids for them) whose transaction holds the turn.</summary>
    private readonly ConcurrentDictionary<Guid, bool> _holding = new();

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (_turn.Wait(longestWait))
        {
            Hold(eventData.ConnectionId);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (await _turn.WaitAsync(longestWait, cancellationToken))
        {
            Hold(eventData.ConnectionId);
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(eventData.ConnectionId);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(eventData.ConnectionId);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Release(eventData.ConnectionId);

    // A BEGIN that fails raises no transaction event (there is no transaction yet): the connection closing lets the next in.
    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return result;
    }

    async ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        await Release(eventData.ConnectionId);
        return result;
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return result;
    }

    async ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        await Release(eventData.ConnectionId);
        return result;
    }

    private void Hold(Guid connection) => _holding[connection] = true;

    private Task Release(Guid connection)
    {
        if (_holding.TryRemove(connection, out _))
        {
            _turn.Release();
        }

        return Task.CompletedTask;
    }
}
