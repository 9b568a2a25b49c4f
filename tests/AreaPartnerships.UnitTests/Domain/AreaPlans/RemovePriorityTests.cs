using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.UnitTests.Domain.AreaPlans;

public sealed class RemovePriorityTests
{
    [Fact]
    public void A_priority_no_task_group_serves_is_removed()
    {
        var plan = Plans.With("First", "Second", "Third");

        plan.RemovePriority(Plans.Named(plan, "Second"), []);

        Assert.Equal(["First", "Third"], Plans.Titles(plan));
    }

    [Fact]
    public void A_priority_a_task_group_serves_cannot_be_removed()
    {
        var plan = Plans.With("ASB around Williams Street");

        var error = Assert.Throws<DomainException>(() => plan.RemovePriority(Plans.Named(plan, "ASB around Williams Street"), ["Williams Street ASB"]));

        Assert.Equal("‘ASB around Williams Street’ cannot be removed: the task group ‘Williams Street ASB’ serves it. Link the group to another priority first", error.Message);
        Assert.Null(error.Field);
        Assert.Single(plan.Priorities);
    }

    [Fact]
    public void The_refusal_names_every_task_group_serving_it()
    {
        var plan = Plans.With("Doorstep lending");

        var error = Assert.Throws<DomainException>(() => plan.RemovePriority(Plans.Named(plan, "Doorstep lending"), ["Loan sharks", "Money advice"]));

        Assert.Equal("‘Doorstep lending’ cannot be removed: 2 task groups serve it (‘Loan sharks’, ‘Money advice’). Link them to another priority first", error.Message);
        Assert.Single(plan.Priorities);
    }

    [Fact]
    public void A_priority_from_another_plan_cannot_be_removed()
    {
        var plan = Plans.With("First");
        var other = Plans.With("Elsewhere");

        Assert.Throws<DomainException>(() => plan.RemovePriority(Plans.Named(other, "Elsewhere"), []));
        Assert.Single(other.Priorities);
    }
}
