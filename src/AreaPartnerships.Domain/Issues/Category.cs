using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.Domain.Issues;

/// <summary>
/// What an issue is about (fly-tipping, ASB, doorstep lending…), grouped into themes. A category that
/// is usually a simple front-line job names the service that does it, so a councillor can be pointed
/// straight there. <see cref="Code"/> is the Open311 service code for the residents' channel.
/// </summary>
public class Category : IVersioned
{
    public const int NameMaxLength = 100;

    public Category(string name, string code, IssueTheme theme, int? frontLineOrganisationId = null)
    {
        Name = Guard.Required(name, "Enter the category's name", nameof(Name), NameMaxLength);
        Code = Guard.Required(code, "Enter the category's code", nameof(Code), 50);
        Theme = theme;
        FrontLineOrganisationId = frontLineOrganisationId;
    }

    private Category()
    {
        Name = null!;
        Code = null!;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Code { get; private set; }

    public IssueTheme Theme { get; private set; }

    public int? FrontLineOrganisationId { get; private set; }

    public Organisation? FrontLineOrganisation { get; private set; }

    /// <summary>Shown to residents through the public channel.</summary>
    public bool IsPublic { get; private set; } = true;

    public bool IsActive { get; private set; } = true;

    public Guid Version { get; set; }

    /// <summary>Names (or clears) the front-line service that usually does this kind of job.</summary>
    public void SetFrontLineService(int? organisationId) => FrontLineOrganisationId = organisationId;
}
