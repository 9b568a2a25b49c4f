using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.UnitTests.Domain.AreaPlans;

public sealed class ReorderPrioritiesTests
{
    [Fact]
    public void Moving_up_swaps_a_priority_with_the_one_above()
    {
        var plan = Plans.With("First", "Second", "Third");

        plan.MovePriorityUp(Plans.Named(plan, "Third"));

        Assert.Equal(["First", "Third", "Second"], Plans.Titles(plan));
    }

    [Fact]
    public void Moving_down_swaps_a_priority_with_the_one_below()
    {
        var plan = Plans.With("First", "Second", "Third");

        plan.MovePriorityDown(Plans.Named(plan, "First"));

        Assert.Equal(["Second", "First", "Third"], Plans.Titles(plan));
    }

    [Fact]
    public void Only_the_two_priorities_swapped_change_place()
    {
        var plan = Plans.With("First", "Second", "Third", "Fourth");

        plan.MovePriorityDown(Plans.Named(plan, "Second"));

        Assert.Equal([1, 2, 3, 4], plan.PrioritiesInOrder().Select(p => p.DisplayOrder));
        Assert.Equal(1, Plans.Named(plan, "First").DisplayOrder);
        Assert.Equal(4, Plans.Named(plan, "Fourth").DisplayOrder);
    }

    [Fact]
    public void Moves_skip_the_gap_left_by_a_removed_priority()
    {
        var plan = Plans.With("First", "Second", "Third");
        plan.RemovePriority(Plans.Named(plan, "Second"), []);

        plan.MovePriorityUp(Plans.Named(plan, "Third"));

        Assert.Equal(["Third", "First"], Plans.Titles(plan));
    }

    [Fact]
    public void The_first_priority_cannot_move_up()
    {
        var plan = Plans.With("First", "Second");

        var error = Assert.Throws<DomainException>(() => plan.MovePriorityUp(Plans.Named(plan, "First")));

        Assert.Equal("‘First’ is already the first priority", error.Message);
        Assert.Equal(["First", "Second"], Plans.Titles(plan));
    }

    [Fact]
    public void The_last_priority_cannot_move_down()
    {
        var plan = Plans.With("First", "Second");

        var error = Assert.Throws<DomainException>(() => plan.MovePriorityDown(Plans.Named(plan, "Second")));

        Assert.Equal("‘Second’ is already the last priority", error.Message);
        Assert.Equal(["First", "Second"], Plans.Titles(plan));
    }

    [Fact]
    public void A_priority_from_another_plan_cannot_be_moved()
    {
        var plan = Plans.With("First", "Second");
        var other = Plans.With("Elsewhere", "Also elsewhere");

        Assert.Throws<DomainException>(() => plan.MovePriorityDown(Plans.Named(other, "Elsewhere")));
    }
}
