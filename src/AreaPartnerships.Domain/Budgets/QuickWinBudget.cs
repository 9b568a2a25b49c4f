using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Budgets;

/// <summary>
/// An area's quick-win allocation for one financial year. The area manager spends it at their own
/// discretion (no approval step), but every spend is recorded and the balance never goes below zero.
/// The ledger of spends is append-only: a mistake is put right by a reversing entry, never an edit.
/// <see cref="Spent"/> is kept on the budget so the balance check is one row under concurrency control.
/// </summary>
public class QuickWinBudget : IVersioned
{
    public QuickWinBudget(int areaId, FinancialYear year, decimal allocation)
    {
        if (allocation < 0)
        {
            throw new DomainException("The allocation cannot be negative", nameof(Allocation));
        }

        AreaId = areaId;
        FinancialYearStart = year.StartYear;
        Allocation = decimal.Round(allocation, 2);
    }

    private QuickWinBudget()
    {
    }

    public int Id { get; private set; }

    public int AreaId { get; private set; }

    public Area Area { get; private set; } = null!;

    public int FinancialYearStart { get; private set; }

    public FinancialYear FinancialYear => new(FinancialYearStart);

    public decimal Allocation { get; private set; }

    public decimal Spent { get; private set; }

    public decimal Balance => Allocation - Spent;

    public Guid Version { get; set; }

    public QuickWinSpend Spend(decimal amount, DateOnly spentOn, string payee, string purpose, int? issueId, int recordedById, DateTime recordedAt)
    {
        if (amount <= 0)
        {
            throw new DomainException("The amount must be more than £0.00", "Amount");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            throw new DomainException("The amount must be in pounds and pence, like 125.50", "Amount");
        }

        if (!FinancialYear.Contains(spentOn))
        {
            throw new DomainException($"The date must be in the {FinancialYear} financial year", "SpentOn");
        }

        if (amount > Balance)
        {
            throw new DomainException($"The amount is more than the £{Balance:N2} left in this budget", "Amount");
        }

        Spent += amount;
        return new QuickWinSpend(Id, amount, spentOn,
            Guard.Required(payee, "Enter who was paid", "Payee", 200),
            Guard.Required(purpose, "Enter what the money was for", "Purpose", 1000),
            issueId, recordedById, recordedAt);
    }
}

/// <summary>One entry in a quick-win ledger. Append-only; a reversal is a negative entry pointing at the original.</summary>
public class QuickWinSpend
{
    internal QuickWinSpend(int budgetId, decimal amount, DateOnly spentOn, string payee, string purpose, int? issueId, int recordedById, DateTime recordedAt)
    {
        BudgetId = budgetId;
        Amount = amount;
        SpentOn = spentOn;
        Payee = payee;
        Purpose = purpose;
        IssueId = issueId;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    private QuickWinSpend()
    {
        Payee = null!;
        Purpose = null!;
    }

    public long Id { get; private set; }

    public int BudgetId { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly SpentOn { get; private set; }

    public string Payee { get; private set; }

    public string Purpose { get; private set; }

    public int? IssueId { get; private set; }

    public int RecordedById { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public long? ReversesSpendId { get; private set; }
}
