using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>What the spend pages share: the budget as a form shows it, and how a ledger line reads on an issue's timeline.</summary>
public static class SpendText
{
    /// <summary>The message shown for money typed in a way the service cannot read.</summary>
    public const string AmountFormat = "Enter the amount in pounds and pence, like 125.50";

    /// <summary>How a payee who is a person appears outside the ledger.</summary>
    public const string APerson = "a person";

    /// <summary>The budget a spend page is about, with its area's name.</summary>
    public sealed record BudgetHead(int Id, int AreaId, string AreaName, int FinancialYearStart, decimal Allocation, decimal Spent)
    {
        public FinancialYear Year => new(FinancialYearStart);

        public decimal Balance => Allocation - Spent;
    }

    /// <summary>The budget (untracked) if the person may see it; otherwise null, and the attempt is logged.</summary>
    public static async Task<BudgetHead?> FindAsync(AppDbContext db, Viewer viewer, int budgetId, ILogger logger, CancellationToken ct)
    {
        var head = await viewer.VisibleBudgets(db).AsNoTracking()
            .Where(b => b.Id == budgetId)
            .Select(b => new BudgetHead(b.Id, b.AreaId, b.Area.Name, b.FinancialYearStart, b.Allocation, b.Spent))
            .SingleOrDefaultAsync(ct);
        if (head is null)
        {
            LogNotVisible(logger, viewer, budgetId);
        }

        return head;
    }

    public static void LogNotVisible(ILogger logger, Viewer viewer, int budgetId) =>
        logger.LogWarning("User {UserId} ({Role}) asked for quick-win budget {BudgetId}, which does not exist or they may not see", viewer.UserId, viewer.Role, budgetId);

    /// <summary>"Quick-win spend of £250.00 to Acme Skips" (a payee who is a person: "to a person").</summary>
    public static string TimelineSummary(QuickWinSpend entry) => entry.Kind switch
    {
        LedgerEntryKind.Reversal => $"Quick-win spend of {UkFormat.Money(-entry.Amount)} to {PayeeOnTimeline(entry)} reversed",
        LedgerEntryKind.Correction => $"Quick-win spend to {PayeeOnTimeline(entry)} corrected by {WithSign(entry.Amount)}",
        _ => $"Quick-win spend of {UkFormat.Money(entry.Amount)} to {PayeeOnTimeline(entry)}",
    };

    /// <summary>"+£25.00" or "-£25.00".</summary>
    public static string WithSign(decimal amount) => amount < 0 ? $"-{UkFormat.Money(-amount)}" : $"+{UkFormat.Money(amount)}";

    private static string PayeeOnTimeline(QuickWinSpend entry) => entry.PayeeIsSensitive ? APerson : entry.Payee;
}
