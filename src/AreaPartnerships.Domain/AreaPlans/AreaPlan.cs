using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.Domain.AreaPlans;

/// <summary>
/// An area's plan for a financial year: a summary and its priorities in order, each with a lead partner.
/// Priorities are added, changed, reordered and removed through the plan, which keeps their order.
/// </summary>
public class AreaPlan : IVersioned
{
    public const int SummaryMaxLength = 4000;

    private readonly List<Priority> _priorities = [];

    public AreaPlan(int areaId, int financialYearStart)
    {
        AreaId = areaId;
        FinancialYearStart = financialYearStart;
    }

    public int Id { get; private set; }

    public int AreaId { get; private set; }

    public Area Area { get; private set; } = null!;

    /// <summary>The year the plan's financial year starts in (2026 = 2026/27).</summary>
    public int FinancialYearStart { get; private set; }

    public string? Summary { get; private set; }

    public IReadOnlyCollection<Priority> Priorities => _priorities;

    public Guid Version { get; set; }

    /// <summary>The priorities as the plan lists them: by display order (the earlier one first when two share a place).</summary>
    public IReadOnlyList<Priority> PrioritiesInOrder() => [.. _priorities.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Id)];

    /// <summary>Sets what the plan is about this year; blank clears it.</summary>
    public void SetSummary(string? summary) =>
        Summary = Guard.Optional(summary, nameof(Summary), SummaryMaxLength);

    /// <summary>Adds a priority at the end of the plan.</summary>
    public Priority AddPriority(string? title, string? description, int? leadOrganisationId)
    {
        var priority = new Priority(Id, Priority.RequiredTitle(title), leadOrganisationId);
        priority.Change(title, description, leadOrganisationId);
        priority.PlaceAt(_priorities.Count == 0 ? 1 : _priorities.Max(p => p.DisplayOrder) + 1);
        _priorities.Add(priority);
        return priority;
    }

    /// <summary>Moves the priority one place up the plan (towards the top); refused for the first.</summary>
    public void MovePriorityUp(Priority priority) => Move(priority, -1);

    /// <summary>Moves the priority one place down the plan; refused for the last.</summary>
    public void MovePriorityDown(Priority priority) => Move(priority, +1);

    /// <summary>
    /// Takes the priority out of the plan. Refused while task groups serve it (named in
    /// <paramref name="servingTaskGroups"/>, which the caller reads), so no group is left serving nothing.
    /// </summary>
    public void RemovePriority(Priority priority, IReadOnlyCollection<string> servingTaskGroups)
    {
        EnsureInPlan(priority);
        if (servingTaskGroups.Count > 0)
        {
            var names = string.Join(", ", servingTaskGroups.Select(n => $"‘{n}’"));
            throw new DomainException(
                servingTaskGroups.Count == 1
                    ? $"‘{priority.Title}’ cannot be removed: the task group {names} serves it. Link the group to another priority first"
                    : $"‘{priority.Title}’ cannot be removed: {servingTaskGroups.Count} task groups serve it ({names}). Link them to another priority first");
        }

        _priorities.Remove(priority);
    }

    private void Move(Priority priority, int step)
    {
        EnsureInPlan(priority);
        var ordered = PrioritiesInOrder();
        var index = IndexOf(ordered, priority);
        var target = index + step;
        if (target < 0)
        {
            throw new DomainException($"‘{priority.Title}’ is already the first priority");
        }

        if (target >= ordered.Count)
        {
            throw new DomainException($"‘{priority.Title}’ is already the last priority");
        }

        var other = ordered[target];
        if (other.DisplayOrder == priority.DisplayOrder)
        {
            // Two priorities share a place (added at the same moment): number them all afresh first.
            // Only those whose place changes are touched.
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].PlaceAt(i + 1);
            }
        }

        var place = priority.DisplayOrder;
        priority.PlaceAt(other.DisplayOrder);
        other.PlaceAt(place);
    }

    private void EnsureInPlan(Priority priority)
    {
        if (!_priorities.Contains(priority))
        {
            throw new DomainException("That priority is not in this plan");
        }
    }

    private static int IndexOf(IReadOnlyList<Priority> ordered, Priority priority)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ReferenceEquals(ordered[i], priority))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A priority in an area plan, e.g. "ASB around Williams Street", led by a partner organisation.</summary>
public class Priority : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    public Priority(int areaPlanId, string title, int? leadOrganisationId)
    {
        AreaPlanId = areaPlanId;
        Title = RequiredTitle(title);
        LeadOrganisationId = leadOrganisationId;
    }

    private Priority()
    {
        Title = null!;
    }

    public int Id { get; private set; }

    public int AreaPlanId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public int? LeadOrganisationId { get; private set; }

    public Organisation? LeadOrganisation { get; private set; }

    /// <summary>The priority's place in its plan, 1 at the top. Set by the plan as priorities are added and moved.</summary>
    public int DisplayOrder { get; private set; }

    public Guid Version { get; set; }

    /// <summary>Changes the title, description and lead organisation (none: no lead yet).</summary>
    public void Change(string? title, string? description, int? leadOrganisationId)
    {
        var newTitle = RequiredTitle(title);
        var newDescription = Guard.Optional(description, nameof(Description), DescriptionMaxLength);
        Title = newTitle;
        Description = newDescription;
        LeadOrganisationId = leadOrganisationId;
    }

    internal void PlaceAt(int displayOrder) => DisplayOrder = displayOrder;

    internal static string RequiredTitle(string? title) =>
        Guard.Required(title, "Enter the priority's title", nameof(Title), TitleMaxLength);
}
