using AreaPartnerships.Domain.AreaPlans;

namespace AreaPartnerships.UnitTests.Domain.AreaPlans;

/// <summary>Plans for the area plan rules (no database: priorities are told apart by reference, not id).</summary>
internal static class Plans
{
    public const int Police = 101;
    public const int Housing = 102;

    /// <summary>A 2026/27 plan for area 1 with these priorities, in this order.</summary>
    public static AreaPlan With(params string[] titles)
    {
        var plan = new AreaPlan(1, 2026);
        foreach (var title in titles)
        {
            plan.AddPriority(title, null, null);
        }

        return plan;
    }

    public static Priority Named(AreaPlan plan, string title) => plan.Priorities.Single(p => p.Title == title);

    /// <summary>The titles in the plan's order.</summary>
    public static string[] Titles(AreaPlan plan) => [.. plan.PrioritiesInOrder().Select(p => p.Title)];
}
