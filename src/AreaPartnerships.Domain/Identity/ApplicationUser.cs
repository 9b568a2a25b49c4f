using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Organisations;
using Microsoft.AspNetCore.Identity;

namespace AreaPartnerships.Domain.Identity;

/// <summary>
/// A person who signs in. Their role (one per person) says what they do; their scope says where:
/// areas for area managers and support officers, wards for councillors, an organisation for partners.
/// Identity's ConcurrencyStamp is the optimistic concurrency token for edits to the account.
/// </summary>
public class ApplicationUser : IdentityUser<int>
{
    public const int DisplayNameMaxLength = 100;
    public const int JobTitleMaxLength = 100;

    private readonly List<UserArea> _areas = [];
    private readonly List<UserWard> _wards = [];

    public ApplicationUser(string email, string displayName)
        : base(email)
    {
        Email = email;
        DisplayName = Guard.Required(displayName, "Enter the person's name", nameof(DisplayName), DisplayNameMaxLength);
    }

    private ApplicationUser()
    {
        DisplayName = null!;
    }

    public string DisplayName { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>The organisation the person works for (always set for partner users).</summary>
    public int? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    /// <summary>An administrator can disable an account: it cannot sign in and is signed out promptly.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }

    public IReadOnlyCollection<UserArea> Areas => _areas;

    public IReadOnlyCollection<UserWard> Wards => _wards;

    public void SetAreas(IEnumerable<int> areaIds)
    {
        var wanted = areaIds.Distinct().ToHashSet();
        _areas.RemoveAll(a => !wanted.Contains(a.AreaId));
        foreach (var id in wanted.Where(id => _areas.TrueForAll(a => a.AreaId != id)))
        {
            _areas.Add(new UserArea { AreaId = id });
        }
    }

    public void SetWards(IEnumerable<int> wardIds)
    {
        var wanted = wardIds.Distinct().ToHashSet();
        _wards.RemoveAll(w => !wanted.Contains(w.WardId));
        foreach (var id in wanted.Where(id => _wards.TrueForAll(w => w.WardId != id)))
        {
            _wards.Add(new UserWard { WardId = id });
        }
    }
}

/// <summary>An area a user works in (area managers, support officers).</summary>
public class UserArea
{
    public int UserId { get; set; }

    public int AreaId { get; set; }

    public Area Area { get; set; } = null!;
}

/// <summary>A ward a user represents (councillors).</summary>
public class UserWard
{
    public int UserId { get; set; }

    public int WardId { get; set; }

    public Ward Ward { get; set; } = null!;
}

public class ApplicationRole : IdentityRole<int>
{
    public ApplicationRole(string name)
        : base(name)
    {
    }

    private ApplicationRole()
    {
    }
}
