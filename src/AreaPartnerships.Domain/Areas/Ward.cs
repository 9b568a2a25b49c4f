using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Areas;

/// <summary>
/// An electoral ward within an area. Its councillors are users with the councillor role scoped to it
/// (<see cref="Identity.UserWard"/>). The profile figures let demand be read against need.
/// </summary>
public class Ward : IVersioned
{
    public const int NameMaxLength = 100;

    public Ward(string name, int areaId)
    {
        Name = Guard.Required(name, "Enter the ward's name", nameof(Name), NameMaxLength);
        AreaId = areaId;
    }

    private Ward()
    {
        Name = null!;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int AreaId { get; private set; }

    public Area Area { get; private set; } = null!;

    /// <summary>Ward profile: resident population, when known.</summary>
    public int? Population { get; private set; }

    /// <summary>Ward profile: rank of deprivation within the borough (1 = most deprived), when known.</summary>
    public int? DeprivationRank { get; private set; }

    public bool IsActive { get; private set; } = true;

    public Guid Version { get; set; }

    public void Update(string name, int areaId, int? population, int? deprivationRank, bool isActive)
    {
        Name = Guard.Required(name, "Enter the ward's name", nameof(Name), NameMaxLength);
        if (population is < 0)
        {
            throw new DomainException("Population cannot be negative", nameof(Population));
        }

        if (deprivationRank is < 1)
        {
            throw new DomainException("Deprivation rank must be 1 or more", nameof(DeprivationRank));
        }

        AreaId = areaId;
        Population = population;
        DeprivationRank = deprivationRank;
        IsActive = isActive;
    }
}
