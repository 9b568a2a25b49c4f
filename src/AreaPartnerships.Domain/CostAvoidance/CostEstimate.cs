using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.Domain.CostAvoidance;

/// <summary>How sure the officer is of an estimate. Low-confidence estimates are shown apart, never added to a headline.</summary>
public enum EstimateConfidence
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>
/// An issue's cost-avoidance estimate (one per issue): the likely late intervention as lines of unit cost × quantity ×
/// probability, the method, and a confidence. What the early action actually cost is not held here: it is the issue's
/// costs (quick-win spends on the issue and <see cref="IssueCost"/>s), read beside it. A new estimate starts at low
/// confidence until the officer says otherwise, so nothing reaches a headline unexamined.
/// </summary>
public class CostEstimate : IVersioned
{
    public const int MethodMaxLength = 4000;

    private readonly List<EstimateLine> _lines = [];

    public CostEstimate(int issueId, int recordedById, DateTime recordedAt, DateOnly today)
    {
        IssueId = issueId;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
        UpdatedById = recordedById;
        UpdatedAt = recordedAt;
        EstimatedOn = today;
        Confidence = EstimateConfidence.Low;
    }

    private CostEstimate()
    {
    }

    public int Id { get; private set; }

    public int IssueId { get; private set; }

    /// <summary>How the estimate was made: the comparable case, the sources, the assumptions.</summary>
    public string? Method { get; private set; }

    public EstimateConfidence Confidence { get; private set; }

    /// <summary>The date of the estimate as it stands (moves on with each change): the value-for-money report counts it in the period holding this date.</summary>
    public DateOnly EstimatedOn { get; private set; }

    /// <summary>The cost avoided: the sum of the lines still in the estimate, kept in step by every change.</summary>
    public decimal Avoided { get; private set; }

    public int RecordedById { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public int UpdatedById { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid Version { get; set; }

    public IReadOnlyList<EstimateLine> Lines => _lines;

    /// <summary>The method and confidence.</summary>
    public void Describe(string? method, EstimateConfidence confidence, int byId, DateTime at, DateOnly today)
    {
        if (!Enum.IsDefined(confidence))
        {
            throw new DomainException("Choose how confident the estimate is: low, medium or high", nameof(Confidence));
        }

        Method = Guard.Optional(method, nameof(Method), MethodMaxLength);
        Confidence = confidence;
        Touch(byId, at, today);
    }

    /// <summary>"A child in care for a year × 1 × 10 %": the unit cost's name, unit, value and agency are copied into the line.</summary>
    public EstimateLine AddLine(UnitCost unitCost, decimal quantity, decimal probability, string? note, int byId, DateTime at, DateOnly today)
    {
        if (!unitCost.IsActive)
        {
            throw new DomainException($"{unitCost.Name} has been retired: choose another unit cost", nameof(EstimateLine.UnitCostId));
        }

        var line = new EstimateLine(this, unitCost, quantity, probability, note, byId, at);
        _lines.Add(line);
        Avoided += line.Amount;
        Touch(byId, at, today);
        return line;
    }

    /// <summary>Takes a line out of the estimate. The line stays on the record, marked removed.</summary>
    public EstimateLine RemoveLine(long lineId, int byId, DateTime at, DateOnly today)
    {
        var line = _lines.SingleOrDefault(l => l.Id == lineId)
            ?? throw new DomainException("That line is not in this estimate", nameof(EstimateLine));
        if (line.RemovedAt is not null)
        {
            throw new DomainException("That line has already been removed", nameof(EstimateLine));
        }

        line.Remove(byId, at);
        Avoided -= line.Amount;
        Touch(byId, at, today);
        return line;
    }

    /// <summary>The cost avoided by the agency that would have borne it (lines still in the estimate).</summary>
    public IReadOnlyDictionary<OrganisationKind, decimal> AvoidedByAgency() =>
        _lines.Where(l => l.RemovedAt is null).GroupBy(l => l.BorneBy).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));

    private void Touch(int byId, DateTime at, DateOnly today)
    {
        UpdatedById = byId;
        UpdatedAt = at;
        EstimatedOn = today;
    }
}

/// <summary>
/// One line of an estimate: unit cost × quantity × probability, with the unit cost's name, unit, value and agency copied
/// at the time so later changes to the table never rewrite it. Never deleted: a line taken out is marked removed.
/// </summary>
public class EstimateLine
{
    public const int NoteMaxLength = 500;

    /// <summary>A quantity is at most this (a thousand years in care would be a typing slip).</summary>
    public const decimal MaximumQuantity = 10_000m;

    internal EstimateLine(CostEstimate estimate, UnitCost unitCost, decimal quantity, decimal probability, string? note, int recordedById, DateTime recordedAt)
    {
        CheckQuantity(quantity);
        if (probability <= 0 || probability > 1 || decimal.Round(probability, 4) != probability)
        {
            throw new DomainException("Enter the chance as a percentage more than 0 and up to 100, like 10%, or as \"1 in 10\"", nameof(Probability));
        }

        IssueId = estimate.IssueId;
        UnitCostId = unitCost.Id;
        Name = unitCost.Name;
        Unit = unitCost.Unit;
        UnitCostAtTime = unitCost.Cost;
        BorneBy = unitCost.BorneBy;
        Quantity = quantity;
        Probability = probability;
        Amount = Money.Round(unitCost.Cost * quantity * probability);
        Note = Guard.Optional(note, nameof(Note), NoteMaxLength);
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    private EstimateLine()
    {
        Name = null!;
        Unit = null!;
    }

    public long Id { get; private set; }

    public int CostEstimateId { get; private set; }

    /// <summary>The estimate's issue (held on the line too, so an issue's lines are read without the estimate).</summary>
    public int IssueId { get; private set; }

    public int UnitCostId { get; private set; }

    public string Name { get; private set; }

    public string Unit { get; private set; }

    public decimal UnitCostAtTime { get; private set; }

    public OrganisationKind BorneBy { get; private set; }

    public decimal Quantity { get; private set; }

    /// <summary>The chance the late intervention would have happened, more than 0 and up to 1 (0.1 is one in ten).</summary>
    public decimal Probability { get; private set; }

    /// <summary>Unit cost × quantity × probability, to the penny (half away from zero).</summary>
    public decimal Amount { get; private set; }

    public string? Note { get; private set; }

    public int RecordedById { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public DateTime? RemovedAt { get; private set; }

    public int? RemovedById { get; private set; }

    internal static void CheckQuantity(decimal quantity)
    {
        if (quantity <= 0 || quantity > MaximumQuantity || decimal.Round(quantity, 2) != quantity)
        {
            throw new DomainException("Enter the quantity as a number more than 0, like 1 or 2.5", nameof(Quantity));
        }
    }

    internal void Remove(int byId, DateTime at)
    {
        RemovedAt = at;
        RemovedById = byId;
    }
}
