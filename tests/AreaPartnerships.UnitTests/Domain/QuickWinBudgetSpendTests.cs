using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.UnitTests.Domain;

public sealed class QuickWinBudgetSpendTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly FinancialYear Year = new(2026);

    [Fact]
    public void A_spend_reduces_the_balance()
    {
        var budget = new QuickWinBudget(1, Year, 10_000m);

        var spend = budget.Spend(new SpendDetails(250.50m, new DateOnly(2026, 11, 1), "Walsall Skip Hire", "Clear fly-tipping", null, false, null), null, 7, Now);

        Assert.Equal(9_749.50m, budget.Balance);
        Assert.Equal(250.50m, spend.Amount);
    }

    [Fact]
    public void The_balance_cannot_go_below_zero()
    {
        var budget = new QuickWinBudget(1, Year, 100m);

        var error = Assert.Throws<DomainException>(() => budget.Spend(new SpendDetails(100.01m, new DateOnly(2026, 5, 1), "Payee", "Purpose", null, false, null), null, 7, Now));

        Assert.Equal("Amount", error.Field);
        Assert.Equal(100m, budget.Balance);
    }

    [Fact]
    public void Spending_exactly_the_balance_is_allowed()
    {
        var budget = new QuickWinBudget(1, Year, 100m);
        budget.Spend(new SpendDetails(100m, new DateOnly(2026, 5, 1), "Payee", "Purpose", null, false, null), null, 7, Now);
        Assert.Equal(0m, budget.Balance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_spend_must_be_positive(int amount) =>
        Assert.Throws<DomainException>(() => new QuickWinBudget(1, Year, 100m).Spend(new SpendDetails(amount, new DateOnly(2026, 5, 1), "P", "P", null, false, null), null, 7, Now));

    [Fact]
    public void A_spend_in_fractions_of_a_penny_is_refused() =>
        Assert.Throws<DomainException>(() => new QuickWinBudget(1, Year, 100m).Spend(new SpendDetails(1.005m, new DateOnly(2026, 5, 1), "P", "P", null, false, null), null, 7, Now));

    [Fact]
    public void A_spend_dated_outside_the_financial_year_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => new QuickWinBudget(1, Year, 100m).Spend(new SpendDetails(10m, new DateOnly(2026, 3, 31), "P", "P", null, false, null), null, 7, Now));
        Assert.Equal("SpentOn", error.Field);
    }
}
