using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.UnitTests.Budgets;

public sealed class AllocationTests
{
    private static readonly FinancialYear Year = new(2026);
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(-5)]
    [InlineData(0.005)]
    [InlineData(10_000_000.01)]
    public void An_allocation_is_pounds_and_pence_from_nothing_to_the_maximum(double amount)
    {
        var error = Assert.Throws<DomainException>(() => new QuickWinBudget(1, Year, (decimal)amount));
        Assert.Equal("Allocation", error.Field);
    }

    [Fact]
    public void A_first_allocation_of_nothing_is_allowed_and_its_history_line_has_no_previous_value()
    {
        var budget = new QuickWinBudget(1, Year, 0m);
        var line = budget.FirstAllocation(7, Now);
        Assert.Equal((null, 0m, 7, Now), (line.From, line.To, line.ById, line.At));
        Assert.Equal("First allocation for the year", line.Reason);
    }

    [Fact]
    public void A_change_keeps_from_to_reason_who_and_when()
    {
        var budget = new QuickWinBudget(1, Year, 10_000m);
        var change = budget.ChangeAllocation(12_500.50m, "  Extra from the ward fund  ", 7, Now);
        Assert.Equal((10_000m, 12_500.50m, "Extra from the ward fund", 7, Now), (change.From, change.To, change.Reason, change.ById, change.At));
        Assert.Equal(12_500.50m, budget.Allocation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_change_needs_a_reason(string? reason)
    {
        var budget = new QuickWinBudget(1, Year, 10_000m);
        var error = Assert.Throws<DomainException>(() => budget.ChangeAllocation(9_000m, reason, 7, Now));
        Assert.Equal("Reason", error.Field);
        Assert.Equal(10_000m, budget.Allocation);
    }

    [Fact]
    public void A_change_to_the_same_value_is_refused()
    {
        var budget = new QuickWinBudget(1, Year, 10_000m);
        var error = Assert.Throws<DomainException>(() => budget.ChangeAllocation(10_000.00m, "No change", 7, Now));
        Assert.Equal("The allocation is already £10,000.00", error.Message);
    }

    [Fact]
    public void A_change_below_what_has_been_spent_is_refused_but_down_to_it_is_allowed()
    {
        var budget = new QuickWinBudget(1, Year, 1_000m);
        budget.Spend(new SpendDetails(600m, new DateOnly(2026, 5, 1), "Payee", "Purpose", null, false, null), null, 7, Now);

        var error = Assert.Throws<DomainException>(() => budget.ChangeAllocation(599.99m, "Cut", 7, Now));
        Assert.Equal(("Allocation", "£600.00 has already been spent from this budget: the allocation cannot be less than that"), (error.Field, error.Message));

        budget.ChangeAllocation(600m, "Cut to what was spent", 7, Now);
        Assert.Equal(0m, budget.Balance);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.001)]
    public void A_change_to_a_negative_amount_or_fractions_of_a_penny_is_refused(double amount)
    {
        var budget = new QuickWinBudget(1, Year, 1_000m);
        var error = Assert.Throws<DomainException>(() => budget.ChangeAllocation((decimal)amount, "Reason", 7, Now));
        Assert.Equal("Allocation", error.Field);
    }
}
