using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
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
    /// anything else the unit of work holds (an issue's timeline line). The first statement of the transaction is the
    /// conditional UPDATE, so on SQLite it takes the write lock before anything is read, and on SQL Server the row lock
    /// it takes makes the check and the change one step. Throws a <see cref="DomainException"/> on "Amount" giving the
    /// current balance when the money is no longer there.
    /// </summary>
    public static async Task AppendAsync(AppDbContext db, QuickWinSpend entry, CancellationToken ct)
    {
        var amount = entry.Amount;
        var budgetId = entry.BudgetId;
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
                $"There is {QuickWinBudget.Pounds(now.Allocation - now.Spent)} left in {new FinancialYear(now.FinancialYearStart)}'s budget: this would take it below £0.00. Nothing has been recorded.",
                "Amount");
        }

        db.QuickWinSpends.Add(entry);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
