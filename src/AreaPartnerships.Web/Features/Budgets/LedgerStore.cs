using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// Writing to a quick-win ledger, in one place: the entry and the budget's running total move together, and the
/// database applies an entry that spends money only where the balance still covers it. Read the budget untracked,
/// let <see cref="QuickWinBudget.Spend"/> or <see cref="QuickWinBudget.Adjust"/> check the rules and make the entry,
/// then append it here. Two managers spending the last of a budget at once: one is applied, the other is refused with
/// the balance as it now stands (docs/decisions/0025-quick-win-ledger.md).
/// </summary>
public static class LedgerStore
{
    /// <summary>
    /// Appends <paramref name="entry"/> and moves the budget's <c>Spent</c> by its amount in one transaction, with
    /// anything else the unit of work holds (an issue's timeline line). On SQLite, Microsoft.Data.Sqlite begins the
    /// transaction with BEGIN IMMEDIATE (its default, non-deferred), so the write lock is taken at BEGIN and a parallel
    /// writer waits there (busy_timeout, SqliteSettings) rather than failing with "database is locked" on a lock upgrade;
    /// the conditional UPDATE is then the first statement. On SQL Server the row lock the UPDATE takes makes the check and
    /// the change one step, and holds later appends to the same budget until this one commits. Throws a <see cref="DomainException"/> on "Amount" giving the
    /// current balance when the money is no longer there. <paramref name="issue"/> (read untracked) is the issue the
    /// entry serves, with its timeline line just recorded: the line is appended and its activity moved in the same
    /// transaction (docs/decisions/0013). Returns the budget's balance after the entry, read under the write lock.
    /// </summary>
    public static async Task<decimal> AppendAsync(AppDbContext db, QuickWinSpend entry, CancellationToken ct, Issue? issue = null)
    {
        var amount = entry.Amount;
        var budgetId = entry.BudgetId;
        var touched = issue is { Events.Count: > 0 } ? IssueStore.Append(db, issue) : (DateTime?)null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var applied = await db.QuickWinBudgets
            .Where(b => b.Id == budgetId && (amount <= 0 || b.Allocation - b.Spent >= amount))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Spent, b => b.Spent + amount).SetProperty(b => b.Version, Guid.NewGuid()), ct);
        if (applied == 0)
        {
            await transaction.RollbackAsync(ct);
            var now = await db.QuickWinBudgets.AsNoTracking().Where(b => b.Id == budgetId)
                .Select(b => new { b.Allocation, b.Spent, b.FinancialYearStart }).SingleAsync(ct);
            throw new DomainException(
                $"There is {UkFormat.Money(now.Allocation - now.Spent)} left in {new FinancialYear(now.FinancialYearStart)}'s budget: this would take it below £0.00. Nothing has been recorded.",
                "Amount");
        }

        if (entry.AdjustsSpendId is { } spendId && await AdjustmentRefusedAsync(db, entry, spendId, ct) is { } refusal)
        {
            await transaction.RollbackAsync(ct);
            throw refusal;
        }

        db.QuickWinSpends.Add(entry);
        await db.SaveChangesAsync(ct);
        if (touched is { } at)
        {
            await IssueStore.MarkActivityAsync(db, issue!.Id, at, ct);
        }

        var balance = await db.QuickWinBudgets.AsNoTracking().Where(b => b.Id == budgetId).Select(b => b.Allocation - b.Spent).SingleAsync(ct);
        await transaction.CommitAsync(ct);
        return balance;
    }

    /// <summary>
    /// A correction or reversal checked again against the spend as it stands now, under the lock the UPDATE took (the
    /// budget's row on SQL Server, the database on SQLite): two people reversing the same spend at once cannot both
    /// succeed, and a spend is never taken below £0.00.
    /// </summary>
    private static async Task<DomainException?> AdjustmentRefusedAsync(AppDbContext db, QuickWinSpend entry, long spendId, CancellationToken ct)
    {
        var net = (await db.QuickWinSpends.AsNoTracking().Where(s => s.Id == spendId || s.AdjustsSpendId == spendId).Select(s => s.Amount).ToListAsync(ct)).Sum();
        if (entry.Kind == LedgerEntryKind.Reversal && net <= 0)
        {
            return new DomainException("This spend has already been reversed in full. Nothing has been recorded.", "Reason");
        }

        if (entry.Kind == LedgerEntryKind.Reversal && net != -entry.Amount)
        {
            return new DomainException($"This spend was changed while you were reversing it: it now stands at {UkFormat.Money(net)}. Nothing has been recorded: reverse it again.", "Reason");
        }

        return net + entry.Amount < 0
            ? new DomainException($"The spend now stands at {UkFormat.Money(net)}: it cannot be reduced by more than that. Nothing has been recorded.", "Change")
            : null;
    }
}
