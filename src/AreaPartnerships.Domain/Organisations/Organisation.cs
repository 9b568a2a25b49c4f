using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Organisations;

public enum OrganisationKind
{
    CouncilService = 1,
    Police = 2,
    FireAndRescue = 3,
    Health = 4,
    Housing = 5,
    AntiSocialBehaviour = 6,
    Voluntary = 7,
    Dwp = 8,
    Education = 9,
    Other = 99,
}

public static class OrganisationKinds
{
    /// <summary>The council's own services: the council's share of cost avoided; every other kind is a partner's share.</summary>
    public static bool IsCouncil(OrganisationKind kind) => kind == OrganisationKind.CouncilService;

    public static string DisplayName(OrganisationKind kind) => kind switch
    {
        OrganisationKind.CouncilService => "Council service",
        OrganisationKind.Police => "Police",
        OrganisationKind.FireAndRescue => "Fire and rescue",
        OrganisationKind.Health => "Health",
        OrganisationKind.Housing => "Social housing",
        OrganisationKind.AntiSocialBehaviour => "Anti-social behaviour team",
        OrganisationKind.Voluntary => "Voluntary and community",
        OrganisationKind.Dwp => "DWP and Jobcentre Plus",
        OrganisationKind.Education => "Schools and education",
        _ => "Other",
    };
}

/// <summary>
/// A partner agency or council service. Front-line services take Level 1 referrals; their public
/// contact details are what a councillor is shown before raising a simple job (Recommendation 6).
/// </summary>
public class Organisation : IVersioned
{
    public const int NameMaxLength = 150;
    public const int ContactMaxLength = 250;

    public Organisation(string name, OrganisationKind kind, bool isFrontLineService, string? frontLineContact)
    {
        Name = null!;
        Update(name, kind, isFrontLineService, frontLineContact, isActive: true);
    }

    private Organisation()
    {
        Name = null!;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public bool IsFrontLineService { get; private set; }

    /// <summary>How the public or a councillor reaches the front-line service directly (phone, e-mail, web form).</summary>
    public string? FrontLineContact { get; private set; }

    public bool IsActive { get; private set; } = true;

    public Guid Version { get; set; }

    public void Update(string name, OrganisationKind kind, bool isFrontLineService, string? frontLineContact, bool isActive)
    {
        Name = Guard.Required(name, "Enter the organisation's name", nameof(Name), NameMaxLength);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Select the kind of organisation", nameof(Kind));
        }

        var contact = Guard.Optional(frontLineContact, nameof(FrontLineContact), ContactMaxLength);
        if (isFrontLineService && contact is null)
        {
            throw new DomainException("Enter how to contact the front-line service", nameof(FrontLineContact));
        }

        Kind = kind;
        IsFrontLineService = isFrontLineService;
        FrontLineContact = contact;
        IsActive = isActive;
    }
}
