using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Web.Features.Costs;
using AreaPartnerships.Web.Infrastructure;

namespace AreaPartnerships.UnitTests.CostAvoidance;

/// <summary>A cost on a case: quantity × the unit cost's value to the penny, dates, retired unit costs, withdrawal.</summary>
public sealed class IssueCostTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Organisation Police = new("West Midlands Police", OrganisationKind.Police, false, null);

    private static UnitCost CallOut(decimal cost = 250m) => new("Police call-out", "per call-out", cost, OrganisationKind.Police, "A national unit cost database", new DateOnly(2025, 3, 31), Today);

    [Theory]
    [InlineData(250, 2, 500)]
    [InlineData(250, 1.5, 375)]
    [InlineData(33.33, 0.5, 16.67)] // 16.665 rounds half away from zero
    [InlineData(0.05, 0.1, 0.01)] // 0.005 rounds up to a penny
    [InlineData(259000, 0.01, 2590)]
    public void A_cost_from_the_table_is_quantity_times_the_value_to_the_penny_half_away_from_zero(decimal value, decimal quantity, decimal expected)
    {
        var cost = IssueCost.FromUnitCost(7, Police, CallOut(value), quantity, null, Today, 3, Now, Today);

        Assert.Equal((expected, (decimal?)value, (decimal?)quantity, "per call-out"), (cost.Amount, cost.UnitCostAtTime, cost.Quantity, cost.Unit));
    }

    [Fact]
    public void A_cost_from_the_table_is_described_by_the_unit_costs_name_unless_described_and_borne_by_the_organisations_kind()
    {
        var unnamed = IssueCost.FromUnitCost(7, Police, CallOut(), 1, "  ", Today, 3, Now, Today);
        var named = IssueCost.FromUnitCost(7, Police, CallOut(), 1, " Two officers to the Williams Street party ", Today, 3, Now, Today);

        Assert.Equal(("Police call-out", OrganisationKind.Police), (unnamed.Description, unnamed.BorneBy));
        Assert.Equal("Two officers to the Williams Street party", named.Description);
    }

    [Fact]
    public void A_quantity_too_small_to_cost_a_penny_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => IssueCost.FromUnitCost(7, Police, CallOut(0.10m), 0.01m, null, Today, 3, Now, Today));

        Assert.Equal(("The quantity is too small to cost a penny", "Quantity"), (refused.Message, refused.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.234)]
    [InlineData(10_000.01)]
    public void A_quantity_that_is_not_a_positive_number_of_two_places_up_to_ten_thousand_is_refused(decimal quantity)
    {
        var refused = Assert.Throws<DomainException>(() => IssueCost.FromUnitCost(7, Police, CallOut(), quantity, null, Today, 3, Now, Today));

        Assert.Equal("Quantity", refused.Field);
    }

    [Fact]
    public void A_retired_unit_cost_cannot_be_used_for_a_new_cost()
    {
        var unitCost = CallOut();
        unitCost.Retire();

        var refused = Assert.Throws<DomainException>(() => IssueCost.FromUnitCost(7, Police, unitCost, 1, null, Today, 3, Now, Today));

        Assert.Equal(("Police call-out has been retired: choose another unit cost or enter an amount", "UnitCostId"), (refused.Message, refused.Field));
    }

    [Fact]
    public void A_cost_keeps_the_value_it_was_made_with_when_the_unit_cost_changes_or_retires()
    {
        var unitCost = CallOut(250m);
        var cost = IssueCost.FromUnitCost(7, Police, unitCost, 2, null, Today, 3, Now, Today);

        unitCost.Update("Police call-out", "per call-out", 400m, OrganisationKind.Police, null, null, Today);
        unitCost.Retire();

        Assert.Equal((500m, (decimal?)250m), (cost.Amount, cost.UnitCostAtTime));
    }

    [Fact]
    public void A_cost_incurred_in_the_future_is_refused_and_today_is_allowed()
    {
        var refused = Assert.Throws<DomainException>(() => IssueCost.Free(7, Police, "Officer time", 64m, Today.AddDays(1), 3, Now, Today));

        Assert.Equal(("The date the cost was incurred must be today or in the past", "IncurredOn"), (refused.Message, refused.Field));
        Assert.Equal(Today, IssueCost.Free(7, Police, "Officer time", 64m, Today, 3, Now, Today).IncurredOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(12.345)]
    [InlineData(1_000_000_000)]
    public void A_free_amount_must_be_positive_pounds_and_pence(decimal amount)
    {
        var refused = Assert.Throws<DomainException>(() => IssueCost.Free(7, Police, "Officer time", amount, Today, 3, Now, Today));

        Assert.Equal("Amount", refused.Field);
    }

    [Fact]
    public void A_free_amount_needs_a_description()
    {
        var refused = Assert.Throws<DomainException>(() => IssueCost.Free(7, Police, " ", 64m, Today, 3, Now, Today));

        Assert.Equal("Description", refused.Field);
    }

    [Fact]
    public void A_cost_is_withdrawn_once_with_a_reason_and_withdrawing_it_again_is_refused()
    {
        var cost = IssueCost.Free(7, Police, "Officer time", 64m, Today, 3, Now, Today);

        Assert.Equal("WithdrawnReason", Assert.Throws<DomainException>(() => cost.Withdraw(" ", 4, Now)).Field);
        Assert.False(cost.IsWithdrawn);
        cost.Withdraw(" Entered twice ", 4, Now);
        var again = Assert.Throws<DomainException>(() => cost.Withdraw("Again", 5, Now.AddMinutes(1)));

        Assert.Equal(("Entered twice", (int?)4, (DateTime?)Now, true), (cost.WithdrawnReason, cost.WithdrawnById, cost.WithdrawnAt, cost.IsWithdrawn));
        Assert.Equal("This cost has already been withdrawn", again.Message);
        Assert.Equal(64m, cost.Amount);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData(" 2.5 ", 2.5)]
    [InlineData("1,000", 1000)]
    [InlineData("0.01", 0.01)]
    public void A_quantity_is_read_as_people_type_it(string typed, decimal expected) =>
        Assert.Equal(expected, UkFormat.QuantityFrom(typed));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("1.234")]
    [InlineData("£2")]
    [InlineData("1,0,0")]
    [InlineData("1 in 2")]
    public void A_quantity_that_is_not_a_plain_number_of_two_places_is_not_read(string typed) =>
        Assert.Null(UkFormat.QuantityFrom(typed));
}
