using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.UnitTests.Domain.AreaPlans;

public sealed class ChangePriorityTests
{
    [Fact]
    public void Title_description_and_lead_organisation_change_and_the_place_stays()
    {
        var plan = Plans.With("ASB", "Doorstep lending");
        var priority = Plans.Named(plan, "ASB");

        priority.Change("  ASB around Williams Street  ", "  Youths gathering by the shops  ", Plans.Housing);

        Assert.Equal(("ASB around Williams Street", "Youths gathering by the shops", (int?)Plans.Housing, 1),
            (priority.Title, priority.Description, priority.LeadOrganisationId, priority.DisplayOrder));
    }

    [Fact]
    public void Description_and_lead_organisation_can_be_cleared()
    {
        var priority = new AreaPlan(1, 2026).AddPriority("Doorstep lending", "Loan sharks", Plans.Police);

        priority.Change("Doorstep lending", "  ", null);

        Assert.Null(priority.Description);
        Assert.Null(priority.LeadOrganisationId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_blank_title_is_refused_and_nothing_changes(string? title)
    {
        var priority = new AreaPlan(1, 2026).AddPriority("Doorstep lending", "Loan sharks", Plans.Police);

        var error = Assert.Throws<DomainException>(() => priority.Change(title, "Something else", Plans.Housing));

        Assert.Equal("Title", error.Field);
        Assert.Equal(("Doorstep lending", "Loan sharks", (int?)Plans.Police), (priority.Title, priority.Description, priority.LeadOrganisationId));
    }

    [Fact]
    public void A_too_long_description_is_refused_and_nothing_changes()
    {
        var priority = new AreaPlan(1, 2026).AddPriority("Doorstep lending", "Loan sharks", null);

        var error = Assert.Throws<DomainException>(() => priority.Change("New title", new string('d', Priority.DescriptionMaxLength + 1), null));

        Assert.Equal("Description", error.Field);
        Assert.Equal(("Doorstep lending", "Loan sharks"), (priority.Title, priority.Description));
    }
}
