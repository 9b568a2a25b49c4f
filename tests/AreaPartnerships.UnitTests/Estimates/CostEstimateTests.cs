using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.UnitTests.Estimates;

/// <summary>An estimate's lines: unit cost × quantity × probability to the penny, the total kept in step, probability and quantity bounds.</summary>
public sealed class CostEstimateTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);

    private static UnitCost Cost(decimal value, OrganisationKind borneBy = OrganisationKind.CouncilService, string name = "A child in care for a year") =>
        new(name, "per child per year", value, borneBy, "Unit cost database", null, Today);

    private static CostEstimate Estimate() => new(7, 3, Now, Today);

    /// <summary>Lines have ids once saved; here they are given one so they can be taken out.</summary>
    private static EstimateLine WithId(EstimateLine line, long id)
    {
        typeof(EstimateLine).GetProperty(nameof(EstimateLine.Id))!.SetValue(line, id);
        return line;
    }

    [Fact]
    public void A_new_estimate_starts_at_low_confidence_with_nothing_avoided()
    {
        var estimate = Estimate();

        Assert.Equal((EstimateConfidence.Low, 0m, 7, Today), (estimate.Confidence, estimate.Avoided, estimate.IssueId, estimate.EstimatedOn));
    }

    [Fact]
    public void A_line_is_unit_cost_times_quantity_times_probability_with_the_unit_cost_copied()
    {
        var estimate = Estimate();

        var line = estimate.AddLine(Cost(259_000m), 1m, 0.1m, " One in ten ", 3, Now, Today);

        Assert.Equal((25_900m, 259_000m, "A child in care for a year", "per child per year", OrganisationKind.CouncilService, "One in ten", 7),
            (line.Amount, line.UnitCostAtTime, line.Name, line.Unit, line.BorneBy, line.Note, line.IssueId));
        Assert.Equal(25_900m, estimate.Avoided);
    }

    [Theory]
    [InlineData(1000, 2.5, 0.125, 312.50)]
    [InlineData(0.05, 1, 0.1, 0.01)]
    [InlineData(0.15, 1, 0.1, 0.02)]
    [InlineData(100, 1, 0.3333, 33.33)]
    [InlineData(0.99, 3, 0.005, 0.01)]
    public void Amounts_round_to_the_penny_half_away_from_zero(double cost, double quantity, double probability, double amount)
    {
        var line = Estimate().AddLine(Cost((decimal)cost), (decimal)quantity, (decimal)probability, null, 3, Now, Today);

        Assert.Equal((decimal)amount, line.Amount);
    }

    [Fact]
    public void Adding_and_taking_out_lines_keeps_the_total_in_step_and_the_line_on_the_record()
    {
        var estimate = Estimate();
        var care = WithId(estimate.AddLine(Cost(259_000m), 1m, 0.1m, null, 3, Now, Today), 1);
        var police = WithId(estimate.AddLine(Cost(500m, OrganisationKind.Police, "Police call-out"), 2m, 0.5m, null, 3, Now, Today), 2);
        Assert.Equal(26_400m, estimate.Avoided);

        var later = Now.AddHours(1);
        estimate.RemoveLine(police.Id, 4, later, Today.AddDays(1));

        Assert.Equal(25_900m, estimate.Avoided);
        Assert.Equal(2, estimate.Lines.Count);
        Assert.Equal((later, (int?)4), (police.RemovedAt, police.RemovedById));
        Assert.Null(care.RemovedAt);
        Assert.Equal((4, later, Today.AddDays(1)), (estimate.UpdatedById, estimate.UpdatedAt, estimate.EstimatedOn));
        Assert.Equal(new Dictionary<OrganisationKind, decimal> { [OrganisationKind.CouncilService] = 25_900m }, estimate.AvoidedByAgency());
    }

    [Fact]
    public void A_line_cannot_be_taken_out_twice_or_when_it_is_not_in_the_estimate()
    {
        var estimate = Estimate();
        var line = WithId(estimate.AddLine(Cost(100m), 1m, 0.5m, null, 3, Now, Today), 1);
        estimate.RemoveLine(line.Id, 3, Now, Today);

        Assert.Equal("That line has already been removed", Assert.Throws<DomainException>(() => estimate.RemoveLine(line.Id, 3, Now, Today)).Message);
        Assert.Equal("That line is not in this estimate", Assert.Throws<DomainException>(() => estimate.RemoveLine(99, 3, Now, Today)).Message);
        Assert.Equal(0m, estimate.Avoided);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.0001)]
    [InlineData(0.12345)]
    public void A_probability_must_be_more_than_0_and_up_to_1_in_four_places(double probability)
    {
        var estimate = Estimate();

        var refused = Assert.Throws<DomainException>(() => estimate.AddLine(Cost(100m), 1m, (decimal)probability, null, 3, Now, Today));

        Assert.Equal(nameof(EstimateLine.Probability), refused.Field);
        Assert.Equal((0m, 0), (estimate.Avoided, estimate.Lines.Count));
    }

    [Fact]
    public void A_probability_of_1_is_certain()
    {
        Assert.Equal(100m, Estimate().AddLine(Cost(100m), 1m, 1m, null, 3, Now, Today).Amount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.234)]
    [InlineData(10_000.01)]
    public void A_quantity_must_be_more_than_0_in_two_places_and_not_absurd(double quantity)
    {
        var refused = Assert.Throws<DomainException>(() => Estimate().AddLine(Cost(100m), (decimal)quantity, 0.1m, null, 3, Now, Today));

        Assert.Equal(nameof(EstimateLine.Quantity), refused.Field);
    }

    [Fact]
    public void A_retired_unit_cost_is_refused_and_a_later_change_to_the_table_does_not_touch_the_line()
    {
        var estimate = Estimate();
        var care = Cost(259_000m);
        var line = estimate.AddLine(care, 1m, 0.1m, null, 3, Now, Today);

        care.Update(care.Name, care.Unit, 300_000m, care.BorneBy, care.Source, care.SourceDate, Today);
        care.Retire();

        Assert.Equal((259_000m, 25_900m), (line.UnitCostAtTime, line.Amount));
        var refused = Assert.Throws<DomainException>(() => estimate.AddLine(care, 1m, 0.1m, null, 3, Now, Today));
        Assert.Equal(("A child in care for a year has been retired: choose another unit cost", nameof(EstimateLine.UnitCostId)), (refused.Message, refused.Field));
    }

    [Fact]
    public void The_method_and_confidence_are_described_and_an_unknown_confidence_is_refused()
    {
        var estimate = Estimate();

        estimate.Describe(" A comparable family ", EstimateConfidence.Medium, 4, Now, Today);

        Assert.Equal(("A comparable family", EstimateConfidence.Medium, 4), (estimate.Method, estimate.Confidence, estimate.UpdatedById));
        Assert.Equal(nameof(CostEstimate.Confidence), Assert.Throws<DomainException>(() => estimate.Describe(null, (EstimateConfidence)9, 4, Now, Today)).Field);
    }
}
