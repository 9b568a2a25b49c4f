using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.UnitTests.Budgets;

/// <summary>Corrections and reversals: new reasoned entries against a spend, never below what it stands at.</summary>
public sealed class AdjustTests
{
    private static readonly FinancialYear Year = new(2026);
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static (QuickWinBudget Budget, QuickWinSpend Spend) Spent(decimal allocation, decimal amount)
    {
        var budget = new QuickWinBudget(1, Year, allocation);
        return (budget, budget.Spend(new SpendDetails(amount, Today, "Acme", "Skip", null, true, 9), null, 3, Now));
    }

    [Fact]
    public void A_reversal_gives_back_the_whole_net_and_keeps_the_original_details()
    {
        var (budget, spend) = Spent(1_000m, 250m);

        var reversal = budget.Adjust(spend, 200m, null, " Order cancelled ", Today, 4, Now);

        Assert.Equal((LedgerEntryKind.Reversal, -200m, "Order cancelled", true, (int?)9, 4), (reversal.Kind, reversal.Amount, reversal.Reason, reversal.PayeeIsSensitive, reversal.IssueId, reversal.RecordedById));
        Assert.Equal(50m, budget.Spent);
    }

    [Fact]
    public void A_spend_already_reversed_in_full_cannot_be_reversed_again()
    {
        var (budget, spend) = Spent(1_000m, 250m);

        var refused = Assert.Throws<DomainException>(() => budget.Adjust(spend, 0m, null, "Again", Today, 4, Now));

        Assert.Equal("This spend has already been reversed in full", refused.Message);
    }

    [Fact]
    public void A_correction_up_must_fit_the_balance_and_down_may_not_take_the_spend_below_zero()
    {
        var (budget, spend) = Spent(300m, 250m);

        Assert.Equal(50m, budget.Adjust(spend, 250m, 50m, "Delivery", Today, 4, Now).Amount);
        Assert.Equal(0m, budget.Balance);
        Assert.Equal("Amount", Assert.Throws<DomainException>(() => budget.Adjust(spend, 300m, 0.01m, "More", Today, 4, Now)).Field);

        var below = Assert.Throws<DomainException>(() => budget.Adjust(spend, 300m, -300.01m, "Too much", Today, 4, Now));
        Assert.Equal(("The spend now stands at £300.00: it cannot be reduced by more than that", "Change"), (below.Message, below.Field));
        Assert.Equal(-300m, budget.Adjust(spend, 300m, -300m, "All of it", Today, 4, Now).Amount);
        Assert.Equal(0m, budget.Spent);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.005")]
    [InlineData("-10000000.01")]
    public void A_change_must_be_pounds_and_pence_other_than_zero(string change)
    {
        var (budget, spend) = Spent(1_000m, 250m);

        var refused = Assert.Throws<DomainException>(() => budget.Adjust(spend, 250m, decimal.Parse(change, System.Globalization.CultureInfo.InvariantCulture), "Typo", Today, 4, Now));

        Assert.Equal("Change", refused.Field);
        Assert.Equal(250m, budget.Spent);
    }

    [Theory]
    [InlineData(2026, 4, 1, true)]
    [InlineData(2027, 3, 31, true)]
    [InlineData(2026, 3, 31, false)]
    [InlineData(2027, 4, 1, false)]
    public void A_correction_is_dated_in_the_budgets_year(int year, int month, int day, bool allowed)
    {
        var (budget, spend) = Spent(1_000m, 250m);
        var on = new DateOnly(year, month, day);

        if (allowed)
        {
            Assert.Equal(on, budget.Adjust(spend, 250m, -10m, "Refund", on, 4, Now).SpentOn);
        }
        else
        {
            Assert.Equal("SpentOn", Assert.Throws<DomainException>(() => budget.Adjust(spend, 250m, -10m, "Refund", on, 4, Now)).Field);
        }
    }

    [Fact]
    public void A_reason_is_required_and_only_a_spend_can_be_adjusted()
    {
        var (budget, spend) = Spent(1_000m, 250m);

        Assert.Equal("Reason", Assert.Throws<DomainException>(() => budget.Adjust(spend, 250m, null, " ", Today, 4, Now)).Field);
        var correction = budget.Adjust(spend, 250m, -10m, "Refund", Today, 4, Now);
        Assert.Equal("SpendId", Assert.Throws<DomainException>(() => budget.Adjust(correction, -10m, null, "Reverse the correction", Today, 4, Now)).Field);
    }
}
