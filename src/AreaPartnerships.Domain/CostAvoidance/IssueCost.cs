using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.Domain.CostAvoidance;

/// <summary>
/// A cost actually incurred on an issue other than a quick-win spend (those are on the quick-win ledger and appear
/// beside these automatically): officer time, a service call-out, a clearance — with the organisation that bore it,
/// either from the unit-cost table (quantity × the unit cost's value at the time) or as a free amount.
/// Never edited or deleted: a cost entered in error is withdrawn with a reason, and stays on the record.
/// </summary>
public class IssueCost
{
    public const int DescriptionMaxLength = 300;
    public const int ReasonMaxLength = 500;

    private IssueCost(int issueId, Organisation organisation, string description, decimal amount, DateOnly incurredOn, int recordedById, DateTime recordedAt, DateOnly today)
    {
        if (incurredOn > today)
        {
            throw new DomainException("The date the cost was incurred must be today or in the past", nameof(IncurredOn));
        }

        IssueId = issueId;
        OrganisationId = organisation.Id;
        BorneBy = organisation.Kind;
        Description = description;
        Amount = Money.Check(amount, nameof(Amount), "Enter the amount in pounds and pence, more than £0.00, like 125.50");
        IncurredOn = incurredOn;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    private IssueCost()
    {
        Description = null!;
    }

    /// <summary>A free amount: "Two hours of a housing officer's time, £64.00".</summary>
    public static IssueCost Free(int issueId, Organisation organisation, string? description, decimal amount, DateOnly incurredOn, int recordedById, DateTime recordedAt, DateOnly today) =>
        new(issueId, organisation, Guard.Required(description, "Describe the cost, like \"Two hours of a housing officer's time\"", nameof(Description), DescriptionMaxLength),
            amount, incurredOn, recordedById, recordedAt, today);

    /// <summary>From the unit-cost table: quantity × the unit cost's value today, kept with the cost.</summary>
    public static IssueCost FromUnitCost(int issueId, Organisation organisation, UnitCost unitCost, decimal quantity, string? description, DateOnly incurredOn, int recordedById, DateTime recordedAt, DateOnly today)
    {
        if (!unitCost.IsActive)
        {
            throw new DomainException($"{unitCost.Name} has been retired: choose another unit cost or enter an amount", nameof(UnitCostId));
        }

        EstimateLine.CheckQuantity(quantity);
        var amount = Money.Round(unitCost.Cost * quantity);
        if (amount <= 0)
        {
            throw new DomainException("The quantity is too small to cost a penny", nameof(Quantity));
        }

        var text = Guard.Optional(description, nameof(Description), DescriptionMaxLength) ?? unitCost.Name;
        return new IssueCost(issueId, organisation, text, amount, incurredOn, recordedById, recordedAt, today)
        {
            UnitCostId = unitCost.Id,
            UnitCostAtTime = unitCost.Cost,
            Unit = unitCost.Unit,
            Quantity = quantity,
        };
    }

    public long Id { get; private set; }

    public int IssueId { get; private set; }

    /// <summary>The organisation that bore the cost.</summary>
    public int OrganisationId { get; private set; }

    /// <summary>The organisation's kind when the cost was recorded (for the council/partners split).</summary>
    public OrganisationKind BorneBy { get; private set; }

    public string Description { get; private set; }

    public int? UnitCostId { get; private init; }

    /// <summary>The unit cost's value when this was recorded.</summary>
    public decimal? UnitCostAtTime { get; private init; }

    public string? Unit { get; private init; }

    public decimal? Quantity { get; private init; }

    /// <summary>Pounds and pence, positive.</summary>
    public decimal Amount { get; private set; }

    public DateOnly IncurredOn { get; private set; }

    public int RecordedById { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public int? WithdrawnById { get; private set; }

    public string? WithdrawnReason { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>Entered in error: it stops counting, and stays on the record with the reason.</summary>
    public void Withdraw(string? reason, int byId, DateTime at)
    {
        if (IsWithdrawn)
        {
            throw new DomainException("This cost has already been withdrawn", nameof(WithdrawnReason));
        }

        WithdrawnReason = Guard.Required(reason, "Say why the cost is withdrawn, like \"Entered twice\"", nameof(WithdrawnReason), ReasonMaxLength);
        WithdrawnAt = at;
        WithdrawnById = byId;
    }
}
