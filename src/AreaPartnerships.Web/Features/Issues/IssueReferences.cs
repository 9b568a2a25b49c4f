using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Issue references (AP-2026-00042) that can never collide, whatever the concurrency, on both providers, with
/// no retry: the year's counter row is incremented by one atomic UPDATE as the first statement of the raising
/// transaction, which then holds that row (SQL Server: its exclusive row lock; SQLite: the database write lock,
/// taken by BEGIN IMMEDIATE before anything is read, so no WAL snapshot can go stale) until the issue is
/// inserted and committed. A second raise waits for the first to commit and takes the next number, so numbers
/// are consecutive. See docs/decisions/0013-appending-is-not-editing.md.
/// </summary>
public static class IssueReferences
{
    /// <summary>
    /// Makes sure the year's counter row exists, before the raising transaction starts (so that transaction's
    /// first statement can be the increment). Two first raises of a year may both insert it: the loser's insert
    /// fails on the key and the row it wanted is there, which is all this needs.
    /// </summary>
    public static async Task EnsureYearAsync(AppDbContext db, int year, CancellationToken ct)
    {
        if (await db.ReferenceCounters.AnyAsync(c => c.Year == year, ct))
        {
            return;
        }

        var counter = db.ReferenceCounters.Add(new ReferenceCounter(year));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else created the year's row at the same moment; anything else is a real failure.
            counter.State = EntityState.Detached;
            if (!await db.ReferenceCounters.AsNoTracking().AnyAsync(c => c.Year == year, ct))
            {
                throw;
            }
        }

        counter.State = EntityState.Detached;
    }

    /// <summary>
    /// Takes the year's next reference. Call it as the first statement inside the transaction that inserts the
    /// issue: the number is held until that transaction commits or rolls back (a rollback gives it back).
    /// </summary>
    public static async Task<string> TakeNextAsync(AppDbContext db, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A reference is taken inside the transaction that inserts the issue.");
        }

        var updated = await db.ReferenceCounters.Where(c => c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
        if (updated != 1)
        {
            throw new InvalidOperationException($"No reference counter for {year}: call EnsureYearAsync first.");
        }

        // This transaction holds the row it just changed: what it reads back is its own number.
        var number = await db.ReferenceCounters.AsNoTracking().Where(c => c.Year == year).Select(c => c.LastNumber).SingleAsync(ct);
        return Issue.ReferenceFor(year, number);
    }
}
