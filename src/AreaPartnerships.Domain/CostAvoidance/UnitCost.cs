using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.Domain.CostAvoidance;

/// <summary>
/// A configurable unit cost ("common sense and calculators"), e.g. a police call-out or a night in
/// temporary accommodation. It names the kind of agency that bears the cost, so cost avoided can be
/// shown by who benefits.
/// </summary>
public class UnitCost : IVersioned
{
    public UnitCost(string name, string unit, decimal cost, OrganisationKind borneBy, string? source)
    {
        Name = Guard.Required(name, "Enter the unit cost's name", nameof(Name), 150);
        Unit = Guard.Required(unit, "Enter the unit", nameof(Unit), 50);
        if (cost < 0)
        {
            throw new DomainException("The cost cannot be negative", nameof(Cost));
        }

        Cost = decimal.Round(cost, 2);
        BorneBy = borneBy;
        Source = source;
    }

    private UnitCost()
    {
        Name = null!;
        Unit = null!;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>"per incident", "per night", "per family".</summary>
    public string Unit { get; private set; }

    public decimal Cost { get; private set; }

    public OrganisationKind BorneBy { get; private set; }

    /// <summary>Where the figure comes from (e.g. a national unit cost database).</summary>
    public string? Source { get; private set; }

    public bool IsActive { get; private set; } = true;

    public Guid Version { get; set; }
}

public enum EstimateKind
{
    /// <summary>What early intervention actually cost.</summary>
    Spent = 1,

    /// <summary>What the late, expensive alternative would have cost.</summary>
    Avoided = 2,
}

/// <summary>
/// One line of an issue's cost-avoidance estimate: quantity × unit cost, with the unit cost copied at
/// the time so later changes to the table do not rewrite history. Append-only.
/// </summary>
public class CostEstimateLine
{
    public CostEstimateLine(int issueId, EstimateKind kind, UnitCost unitCost, decimal quantity, int recordedById, DateTime recordedAt)
    {
        if (quantity <= 0)
        {
            throw new DomainException("The quantity must be more than 0", nameof(Quantity));
        }

        IssueId = issueId;
        Kind = kind;
        UnitCostId = unitCost.Id;
        UnitCostAtTime = unitCost.Cost;
        BorneBy = unitCost.BorneBy;
        Quantity = quantity;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    private CostEstimateLine()
    {
    }

    public long Id { get; private set; }

    public int IssueId { get; private set; }

    public EstimateKind Kind { get; private set; }

    public int UnitCostId { get; private set; }

    public decimal UnitCostAtTime { get; private set; }

    public OrganisationKind BorneBy { get; private set; }

    public decimal Quantity { get; private set; }

    public decimal Total => decimal.Round(UnitCostAtTime * Quantity, 2);

    public string? Note { get; init; }

    public int RecordedById { get; private set; }

    public DateTime RecordedAt { get; private set; }
}
