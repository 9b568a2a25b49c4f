using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Areas;

/// <summary>An Area Partnership: a group of wards with its own area manager, plan, meetings and quick-win budget.</summary>
public class Area : IVersioned
{
    public const int NameMaxLength = 100;

    private readonly List<Ward> _wards = [];

    public Area(string name)
    {
        Name = Guard.Required(name, "Enter the area's name", nameof(Name), NameMaxLength);
    }

    private Area()
    {
        Name = null!;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Retired areas keep their history but take no new work.</summary>
    public bool IsActive { get; private set; } = true;

    public Guid Version { get; set; }

    public IReadOnlyCollection<Ward> Wards => _wards;

    public void Update(string name, bool isActive)
    {
        Name = Guard.Required(name, "Enter the area's name", nameof(Name), NameMaxLength);
        IsActive = isActive;
    }
}
