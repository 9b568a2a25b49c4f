using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.UnitTests.Domain.AreaPlans;

public sealed class AddPriorityTests
{
    [Fact]
    public void A_priority_is_added_at_the_end_of_the_plan_with_its_text_trimmed()
    {
        var plan = Plans.With("ASB around Williams Street", "Doorstep lending");

        var added = plan.AddPriority("  Worklessness among 16–24s  ", "  Few apprenticeships locally  ", Plans.Police);

        Assert.Equal(["ASB around Williams Street", "Doorstep lending", "Worklessness among 16–24s"], Plans.Titles(plan));
        Assert.Equal(3, added.DisplayOrder);
        Assert.Equal("Few apprenticeships locally", added.Description);
        Assert.Equal(Plans.Police, added.LeadOrganisationId);
    }

    [Fact]
    public void The_first_priority_of_a_plan_comes_first()
    {
        var plan = new AreaPlan(1, 2026);

        var added = plan.AddPriority("Doorstep lending", null, null);

        Assert.Equal(1, added.DisplayOrder);
        Assert.Same(added, Assert.Single(plan.Priorities));
    }

    [Fact]
    public void A_priority_added_after_one_was_removed_still_goes_last()
    {
        var plan = Plans.With("First", "Second", "Third");
        plan.RemovePriority(plan.PrioritiesInOrder()[1], []);

        var added = plan.AddPriority("Fourth", null, null);

        Assert.Equal(4, added.DisplayOrder);
        Assert.Equal(["First", "Third", "Fourth"], Plans.Titles(plan));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Description_and_lead_organisation_are_optional(string? description)
    {
        var added = new AreaPlan(1, 2026).AddPriority("Doorstep lending", description, null);

        Assert.Null(added.Description);
        Assert.Null(added.LeadOrganisationId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_priority_needs_a_title(string? title)
    {
        var plan = new AreaPlan(1, 2026);

        var error = Assert.Throws<DomainException>(() => plan.AddPriority(title, "Why", null));

        Assert.Equal(("Title", "Enter the priority's title"), (error.Field, error.Message));
        Assert.Empty(plan.Priorities);
    }

    [Fact]
    public void A_title_of_200_characters_is_allowed_but_not_201()
    {
        var plan = new AreaPlan(1, 2026);
        plan.AddPriority(new string('t', Priority.TitleMaxLength), null, null);

        var error = Assert.Throws<DomainException>(() => plan.AddPriority(new string('t', Priority.TitleMaxLength + 1), null, null));

        Assert.Equal(("Title", "Title must be 200 characters or fewer"), (error.Field, error.Message));
        Assert.Single(plan.Priorities);
    }

    [Fact]
    public void A_description_over_4000_characters_is_refused()
    {
        var plan = new AreaPlan(1, 2026);

        var error = Assert.Throws<DomainException>(() => plan.AddPriority("Doorstep lending", new string('d', Priority.DescriptionMaxLength + 1), null));

        Assert.Equal(("Description", "Description must be 4000 characters or fewer"), (error.Field, error.Message));
        Assert.Empty(plan.Priorities);
    }
}
