using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.UnitTests.Domain.AreaPlans;

public sealed class PlanSummaryTests
{
    [Fact]
    public void The_summary_is_set_trimmed()
    {
        var plan = new AreaPlan(1, 2026);

        plan.SetSummary("  Safer streets and money worries first.\nThen jobs.  ");

        Assert.Equal("Safer streets and money worries first.\nThen jobs.", plan.Summary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_summary_clears_it(string? summary)
    {
        var plan = new AreaPlan(1, 2026);
        plan.SetSummary("Something");

        plan.SetSummary(summary);

        Assert.Null(plan.Summary);
    }

    [Fact]
    public void A_summary_over_4000_characters_is_refused_and_the_old_one_kept()
    {
        var plan = new AreaPlan(1, 2026);
        plan.SetSummary("Something");

        var error = Assert.Throws<DomainException>(() => plan.SetSummary(new string('s', AreaPlan.SummaryMaxLength + 1)));

        Assert.Equal(("Summary", "Summary must be 4000 characters or fewer"), (error.Field, error.Message));
        Assert.Equal("Something", plan.Summary);
    }
}
