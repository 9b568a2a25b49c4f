using System.Diagnostics;
using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Concurrency;

/// <summary>
/// The SQLite write queue (docs/decisions/0030): this app's transactions take turns before SQLite's lock, each
/// starting as soon as the one before it ends, however it ends; a turn never waits longer than the busy timeout.
/// </summary>
public sealed class SqliteWriteGateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string MoveOn = "UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1";

    [Fact]
    public async Task Twelve_overlapping_transactions_each_take_their_turn_and_none_is_refused_or_lost()
    {
        var before = await app.WithDbAsync(db => db.DataVersions.Select(v => v.Value).SingleAsync());

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(MoveOn);
            await Task.Delay(20);
            await transaction.CommitAsync();
        }))));

        Assert.Equal(before + 12, await app.WithDbAsync(db => db.DataVersions.Select(v => v.Value).SingleAsync()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_transaction_rolled_back_or_dropped_unfinished_lets_the_next_writer_straight_in(bool rolledBack)
    {
        // The first writer's context stays alive throughout, as within a request that goes on after a failed save.
        await using var scope = app.Services.CreateAsyncScope();
        var first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var transaction = await first.Database.BeginTransactionAsync();
        await first.Database.ExecuteSqlRawAsync(MoveOn);
        if (rolledBack)
        {
            await transaction.RollbackAsync();
        }

        // Dropped: disposed without a commit or a rollback, as a save that throws part-way leaves it.
        await transaction.DisposeAsync();

        // Had the turn not been given back, the next writer would wait the whole busy timeout (5 s) for it.
        var waited = Stopwatch.StartNew();
        await app.WithDbAsync(async db =>
        {
            await using var next = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(MoveOn);
            await next.CommitAsync();
        });
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(2), $"The next writer waited {waited.Elapsed.TotalMilliseconds:F0} ms for its turn.");
    }

    [Fact]
    public async Task A_writer_that_waits_longer_than_its_turn_allows_goes_on_to_SQLites_own_lock_and_is_refused_there()
    {
        // A short wait for a turn and short timeouts (SQLite's busy timeout, then Microsoft.Data.Sqlite's own retries
        // up to the command timeout, 1 s), over the test app's database.
        var settings = new SqliteSettings("NORMAL", busyTimeoutMs: 200);
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={app.DatabasePath};Default Timeout=1")
            .AddInterceptors(settings, new SqliteWriteGate(TimeSpan.FromMilliseconds(300)))
            .Options;
        await using var first = new AppDbContext(options);
        await using var second = new AppDbContext(options);

        await using var holding = await first.Database.BeginTransactionAsync();
        var waited = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<SqliteException>(() => second.Database.BeginTransactionAsync());

        Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY: "database is locked"
        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(1_250), TimeSpan.FromSeconds(10));
        await holding.CommitAsync();
    }
}
