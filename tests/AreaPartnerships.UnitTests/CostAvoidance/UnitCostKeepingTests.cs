using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.UnitTests.CostAvoidance;

/// <summary>The unit-cost table's rules: what a unit cost must say, its source date, retiring and reinstating.</summary>
public sealed class UnitCostKeepingTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void A_unit_cost_keeps_what_it_was_given_trimmed()
    {
        var unitCost = new UnitCost(" A child in care for a year ", " per child per year ", 259_000m, OrganisationKind.CouncilService, " Barnet review ", Today, Today);

        Assert.Equal(("A child in care for a year", "per child per year", 259_000m, "Barnet review", (DateOnly?)Today, true),
            (unitCost.Name, unitCost.Unit, unitCost.Cost, unitCost.Source, unitCost.SourceDate, unitCost.IsActive));
    }

    [Fact]
    public void A_source_dated_in_the_future_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => new UnitCost("Eviction", "per eviction", 7_000m, OrganisationKind.Housing, null, Today.AddDays(1), Today));

        Assert.Equal(("The source's date must be today or in the past", "SourceDate"), (refused.Message, refused.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.001)]
    [InlineData(1_000_000_000)]
    public void A_value_that_is_not_positive_pounds_and_pence_is_refused(decimal cost) =>
        Assert.Equal("Cost", Assert.Throws<DomainException>(() => new UnitCost("Eviction", "per eviction", cost, OrganisationKind.Housing, null, null, Today)).Field);

    [Fact]
    public void An_agency_that_is_not_a_kind_of_organisation_is_refused() =>
        Assert.Equal("BorneBy", Assert.Throws<DomainException>(() => new UnitCost("Eviction", "per eviction", 7_000m, (OrganisationKind)999, null, null, Today)).Field);

    [Fact]
    public void A_unit_cost_is_retired_once_and_reinstated_once()
    {
        var unitCost = new UnitCost("Fly-tip clearance", "per clearance", 150m, OrganisationKind.CouncilService, null, null, Today);

        unitCost.Retire();
        Assert.False(unitCost.IsActive);
        Assert.Equal("Fly-tip clearance is already retired", Assert.Throws<DomainException>(unitCost.Retire).Message);
        unitCost.Reinstate();
        Assert.True(unitCost.IsActive);
        Assert.Equal("Fly-tip clearance is in use already", Assert.Throws<DomainException>(unitCost.Reinstate).Message);
    }
}
