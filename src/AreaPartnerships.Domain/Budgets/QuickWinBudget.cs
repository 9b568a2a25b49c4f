using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Budgets;

/// <summary>What a ledger entry is: a spend, a correction of one, or its reversal.</summary>
public enum LedgerEntryKind
{
    Spend = 1,
    Correction = 2,
    Reversal = 3,
}

/// <summary>
/// An area's quick-win allocation for one financial year. The area manager spends it at their own
/// discretion (no approval step), but every spend is recorded and the balance never goes below zero.
/// The ledger of spends is append-only: a mistake is put right by a reasoned entry against the original
/// (a correction or a reversal), never an edit. <see cref="Spent"/> is kept on the budget so the balance check
/// is one row: the database applies a spend only where the balance still covers it (one conditional UPDATE in
/// the same transaction as the entry; see docs/decisions/0025-quick-win-ledger.md), so parallel spends can never
/// overspend. Every change of allocation is kept (<see cref="AllocationChange"/>).
/// </summary>
public class QuickWinBudget : IVersioned
{
    public const int PayeeMaxLength = 200;
    public const int PurposeMaxLength = 1000;
    public const int ReferenceMaxLength = 100;
    public const int ReasonMaxLength = 1000;

    /// <summary>The largest allocation or single amount the service accepts (a typing slip, not a policy).</summary>
    public const decimal MaximumAmount = 10_000_000m;

    public QuickWinBudget(int areaId, FinancialYear year, decimal allocation)
    {
        AreaId = areaId;
        FinancialYearStart = year.StartYear;
        Allocation = CheckAllocation(allocation);
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

    /// <summary>The net of every ledger entry: spends, less reversals, plus or minus corrections.</summary>
    public decimal Spent { get; private set; }

    public decimal Balance => Allocation - Spent;

    public Guid Version { get; set; }

    /// <summary>The first allocation's history line (kept with every later change).</summary>
    public AllocationChange FirstAllocation(int actorId, DateTime at) =>
        new(Id, null, Allocation, "First allocation for the year", actorId, at);

    /// <summary>Changes the allocation with a reason; never below what has been spent. Returns the history line.</summary>
    public AllocationChange ChangeAllocation(decimal allocation, string? reason, int actorId, DateTime at)
    {
        var checkedAllocation = CheckAllocation(allocation);
        var why = Guard.Required(reason, "Enter why the allocation is changing", "Reason", ReasonMaxLength);
        if (checkedAllocation == Allocation)
        {
            throw new DomainException($"The allocation is already {Pounds(Allocation)}", nameof(Allocation));
        }

        if (checkedAllocation < Spent)
        {
            throw new DomainException($"{Pounds(Spent)} has already been spent from this budget: the allocation cannot be less than that", nameof(Allocation));
        }

        var change = new AllocationChange(Id, Allocation, checkedAllocation, why, actorId, at);
        Allocation = checkedAllocation;
        return change;
    }

    /// <summary>
    /// Records a spend: the date must fall in the budget's year, the amount must be positive pounds and pence, no
    /// more than the ceiling for one spend (when one is set) and no more than the balance.
    /// </summary>
    public QuickWinSpend Spend(SpendDetails details, decimal? ceiling, int recordedById, DateTime recordedAt)
    {
        var amount = CheckAmount(details.Amount, "Amount");
        if (ceiling is { } most && amount > most)
        {
            throw new DomainException($"One spend can be no more than {Pounds(most)} (the ceiling the administrator sets)", "Amount");
        }

        if (!FinancialYear.Contains(details.SpentOn))
        {
            throw new DomainException(
                $"The date must be in the {FinancialYear} financial year ({UkTime.Format(FinancialYear.Starts)} to {UkTime.Format(FinancialYear.Ends)}) this budget is for",
                "SpentOn");
        }

        EnsureCovers(amount);
        Spent += amount;
        return new QuickWinSpend(Id, LedgerEntryKind.Spend, amount, details.SpentOn,
            Guard.Required(details.Payee, "Enter who was paid", "Payee", PayeeMaxLength),
            Guard.Required(details.Purpose, "Enter what the money was for", "Purpose", PurposeMaxLength),
            Guard.Optional(details.Reference, "Reference", ReferenceMaxLength),
            details.PayeeIsSensitive, details.IssueId, recordedById, recordedAt);
    }

    /// <summary>
    /// A reasoned entry against an earlier spend: a correction by <paramref name="change"/> (more or less; the
    /// spend's net can go no lower than £0.00), or its reversal (<paramref name="change"/> null: the whole net back).
    /// <paramref name="netOfOriginal"/> is the original plus every entry already made against it.
    /// </summary>
    public QuickWinSpend Adjust(QuickWinSpend original, decimal netOfOriginal, decimal? change, string? reason, DateOnly on, int recordedById, DateTime recordedAt)
    {
        if (original.BudgetId != Id || original.Kind != LedgerEntryKind.Spend)
        {
            throw new DomainException("Choose a spend from this budget's ledger", "SpendId");
        }

        var why = Guard.Required(reason, change is null ? "Enter why the spend is reversed" : "Enter why the spend is corrected", "Reason", ReasonMaxLength);
        if (!FinancialYear.Contains(on))
        {
            throw new DomainException($"A correction or reversal is dated in the {FinancialYear} financial year of the spend's budget", "SpentOn");
        }

        decimal amount;
        if (change is null)
        {
            if (netOfOriginal <= 0)
            {
                throw new DomainException("This spend has already been reversed in full", "Reason");
            }

            amount = -netOfOriginal;
        }
        else
        {
            if (change.Value == 0 || decimal.Round(change.Value, 2) != change.Value || Math.Abs(change.Value) > MaximumAmount)
            {
                throw new DomainException("Enter the change in pounds and pence, more or less than £0.00, like 25.00 or -25.00", "Change");
            }

            if (netOfOriginal + change.Value < 0)
            {
                throw new DomainException($"The spend now stands at {Pounds(netOfOriginal)}: it cannot be reduced by more than that", "Change");
            }

            amount = change.Value;
            if (amount > 0)
            {
                EnsureCovers(amount);
            }
        }

        Spent += amount;
        return new QuickWinSpend(Id, change is null ? LedgerEntryKind.Reversal : LedgerEntryKind.Correction, amount, on,
            original.Payee, original.Purpose, original.Reference, original.PayeeIsSensitive, original.IssueId, recordedById, recordedAt)
        {
            AdjustsSpendId = original.Id,
            Reason = why,
        };
    }

    /// <summary>"£10,000.00".</summary>
    public static string Pounds(decimal amount) => amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private void EnsureCovers(decimal amount)
    {
        if (amount > Balance)
        {
            throw new DomainException($"There is {Pounds(Balance)} left in {FinancialYear}'s budget: this would take it below £0.00", "Amount");
        }
    }

    private static decimal CheckAllocation(decimal allocation)
    {
        if (allocation < 0 || decimal.Round(allocation, 2) != allocation || allocation > MaximumAmount)
        {
            throw new DomainException("Enter the allocation in pounds and pence, like 10000.00", nameof(Allocation));
        }

        return allocation;
    }

    private static decimal CheckAmount(decimal amount, string field)
    {
        if (amount <= 0)
        {
            throw new DomainException("The amount must be more than £0.00", field);
        }

        if (decimal.Round(amount, 2) != amount || amount > MaximumAmount)
        {
            throw new DomainException("Enter the amount in pounds and pence, like 125.50", field);
        }

        return amount;
    }
}

/// <summary>What a spend form says (checked by <see cref="QuickWinBudget.Spend"/>).</summary>
public sealed record SpendDetails(decimal Amount, DateOnly SpentOn, string? Payee, string? Purpose, string? Reference, bool PayeeIsSensitive, int? IssueId);

/// <summary>One entry in a quick-win ledger. Append-only: a correction or reversal is a new entry naming the spend it adjusts.</summary>
public class QuickWinSpend
{
    internal QuickWinSpend(int budgetId, LedgerEntryKind kind, decimal amount, DateOnly spentOn, string payee, string purpose, string? reference,
        bool payeeIsSensitive, int? issueId, int recordedById, DateTime recordedAt)
    {
        BudgetId = budgetId;
        Kind = kind;
        Amount = amount;
        SpentOn = spentOn;
        Payee = payee;
        Purpose = purpose;
        Reference = reference;
        PayeeIsSensitive = payeeIsSensitive;
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

    public LedgerEntryKind Kind { get; private set; }

    /// <summary>Positive for a spend; a reversal is negative; a correction either.</summary>
    public decimal Amount { get; private set; }

    public DateOnly SpentOn { get; private set; }

    public string Payee { get; private set; }

    /// <summary>The payee is a person, not a firm: never shown to councillors, and left out where it need not appear.</summary>
    public bool PayeeIsSensitive { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>A receipt or order reference.</summary>
    public string? Reference { get; private set; }

    public int? IssueId { get; private set; }

    public int RecordedById { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>For a correction or reversal: the spend it adjusts.</summary>
    public long? AdjustsSpendId { get; internal init; }

    /// <summary>Why a correction or reversal was made.</summary>
    public string? Reason { get; internal init; }
}

/// <summary>One change of a budget's allocation, with who made it and why. Append-only.</summary>
public class AllocationChange
{
    internal AllocationChange(int budgetId, decimal? from, decimal to, string reason, int byId, DateTime at)
    {
        BudgetId = budgetId;
        From = from;
        To = to;
        Reason = reason;
        ById = byId;
        At = at;
    }

    private AllocationChange()
    {
        Reason = null!;
    }

    public long Id { get; private set; }

    public int BudgetId { get; private set; }

    /// <summary>Null for the first allocation.</summary>
    public decimal? From { get; private set; }

    public decimal To { get; private set; }

    public string Reason { get; private set; }

    public int ById { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>The quick-win rules the administrator sets (one row): the ceiling for a single spend.</summary>
public class QuickWinSettings : IVersioned
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    /// <summary>No single spend may be more than this; null for no ceiling.</summary>
    public decimal? SpendCeiling { get; private set; }

    public Guid Version { get; set; }

    public void SetCeiling(decimal? ceiling)
    {
        if (ceiling is { } c && (c <= 0 || decimal.Round(c, 2) != c || c > QuickWinBudget.MaximumAmount))
        {
            throw new DomainException("Enter the ceiling in pounds and pence, more than £0.00, like 2500.00, or leave it empty for none", nameof(SpendCeiling));
        }

        SpendCeiling = ceiling;
    }
}
