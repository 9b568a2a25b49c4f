using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.UnitTests.Budgets;

/// <summary>Quick-win spends: balance, the year's boundaries, the ceiling for one spend, and pounds and pence.</summary>
public sealed class SpendTests
{
    private static readonly FinancialYear Year = new(2026);
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);

    private static SpendDetails On(decimal amount, DateOnly? on = null, bool sensitive = false, int? issueId = null) =>
        new(amount, on ?? new DateOnly(2026, 11, 29), " Acme Skips Ltd ", " Skip hire ", " PO-1 ", sensitive, issueId);

    [Fact]
    public void A_spend_moves_the_balance_and_makes_an_entry_with_what_the_form_said()
    {
        var budget = new QuickWinBudget(1, Year, 10_000m);

        var entry = budget.Spend(On(250.50m, sensitive: true, issueId: 7), null, 3, Now);

        Assert.Equal((9_749.50m, 250.50m), (budget.Balance, budget.Spent));
        Assert.Equal((LedgerEntryKind.Spend, 250.50m, "Acme Skips Ltd", "Skip hire", "PO-1", true, (int?)7, 3, Now),
            (entry.Kind, entry.Amount, entry.Payee, entry.Purpose, entry.Reference, entry.PayeeIsSensitive, entry.IssueId, entry.RecordedById, entry.RecordedAt));
    }

    [Fact]
    public void The_last_penny_may_be_spent_but_not_one_more_and_the_refusal_gives_the_balance()
    {
        var budget = new QuickWinBudget(1, Year, 100m);
        budget.Spend(On(99.99m), null, 3, Now);

        var refused = Assert.Throws<DomainException>(() => budget.Spend(On(0.02m), null, 3, Now));
        Assert.Equal(("There is £0.01 left in 2026/27's budget: this would take it below £0.00", "Amount"), (refused.Message, refused.Field));
        budget.Spend(On(0.01m), null, 3, Now);
        Assert.Equal(0m, budget.Balance);
    }

    [Theory]
    [InlineData(2026, 4, 1, true)]
    [InlineData(2027, 3, 31, true)]
    [InlineData(2026, 3, 31, false)]
    [InlineData(2027, 4, 1, false)]
    public void The_date_must_fall_between_1_April_and_31_March_of_the_budgets_year(int year, int month, int day, bool allowed)
    {
        var budget = new QuickWinBudget(1, Year, 1_000m);
        var on = new DateOnly(year, month, day);

        if (allowed)
        {
            Assert.Equal(on, budget.Spend(On(10m, on), null, 3, Now).SpentOn);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => budget.Spend(On(10m, on), null, 3, Now));
            Assert.Equal("SpentOn", refused.Field);
            Assert.Equal(0m, budget.Spent);
        }
    }

    [Fact]
    public void The_ceiling_for_one_spend_is_respected_to_the_penny()
    {
        var budget = new QuickWinBudget(1, Year, 10_000m);

        budget.Spend(On(2_500m), 2_500m, 3, Now);
        var refused = Assert.Throws<DomainException>(() => budget.Spend(On(2_500.01m), 2_500m, 3, Now));

        Assert.Equal("One spend can be no more than £2,500.00 (the ceiling the administrator sets)", refused.Message);
        Assert.Equal(2_500m, budget.Spent);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.005")]
    [InlineData("0.001")]
    [InlineData("10000000.01")]
    public void Amounts_that_are_not_positive_pounds_and_pence_are_refused(string amount)
    {
        var budget = new QuickWinBudget(1, Year, QuickWinBudget.MaximumAmount);

        var refused = Assert.Throws<DomainException>(() => budget.Spend(On(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), null, 3, Now));

        Assert.Equal("Amount", refused.Field);
        Assert.Equal(0m, budget.Spent);
    }

    [Fact]
    public void Pounds_are_shown_with_the_pound_sign_separators_and_two_places()
    {
        Assert.Equal("£10,000.00", QuickWinBudget.Pounds(10_000m));
        Assert.Equal("£0.50", QuickWinBudget.Pounds(0.5m));
        Assert.Equal("£1,000.05", QuickWinBudget.Pounds(1_000.05m));
    }

    [Fact]
    public void Payee_and_purpose_are_required()
    {
        var budget = new QuickWinBudget(1, Year, 1_000m);

        Assert.Equal("Payee", Assert.Throws<DomainException>(() => budget.Spend(On(10m) with { Payee = " " }, null, 3, Now)).Field);
        Assert.Equal("Purpose", Assert.Throws<DomainException>(() => budget.Spend(On(10m) with { Purpose = null }, null, 3, Now)).Field);
    }
}
