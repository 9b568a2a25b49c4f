using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.Domain.AreaPlans;

/// <summary>An area's plan for a financial year: its priorities, each with a lead partner.</summary>
public class AreaPlan : IVersioned
{
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

    public string? Summary { get; set; }

    public IReadOnlyCollection<Priority> Priorities => _priorities;

    public Guid Version { get; set; }
}

/// <summary>A priority in an area plan, e.g. "ASB around Williams Street", led by a partner organisation.</summary>
public class Priority : IVersioned
{
    public Priority(int areaPlanId, string title, int? leadOrganisationId)
    {
        AreaPlanId = areaPlanId;
        Title = Guard.Required(title, "Enter the priority", nameof(Title), 200);
        LeadOrganisationId = leadOrganisationId;
    }

    private Priority()
    {
        Title = null!;
    }

    public int Id { get; private set; }

    public int AreaPlanId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; set; }

    public int? LeadOrganisationId { get; set; }

    public Organisation? LeadOrganisation { get; set; }

    public int DisplayOrder { get; set; }

    public Guid Version { get; set; }
}
