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

    public const int CodeMaxLength = 50;

    public Category(string name, string code, IssueTheme theme, int? frontLineOrganisationId = null)
    {
        Name = Guard.Required(name, "Enter the category's name", nameof(Name), NameMaxLength);
        Code = Guard.Required(code, "Enter the category's code", nameof(Code), CodeMaxLength);
        Theme = CheckTheme(theme);
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

    /// <summary>
    /// Changes the category. A category is never deleted, since issues keep pointing at it: it is retired
    /// (<paramref name="isActive"/> false), so it is no longer offered when raising but still shows on old issues.
    /// </summary>
    public void Update(string name, string code, IssueTheme theme, int? frontLineOrganisationId, bool isActive)
    {
        Name = Guard.Required(name, "Enter the category's name", nameof(Name), NameMaxLength);
        Code = Guard.Required(code, "Enter the category's code", nameof(Code), CodeMaxLength);
        Theme = CheckTheme(theme);
        FrontLineOrganisationId = frontLineOrganisationId;
        IsActive = isActive;
    }

    /// <summary>The theme's name, as people read it (one name per theme, everywhere).</summary>
    public static string ThemeName(IssueTheme theme) => theme switch
    {
        IssueTheme.CleanerSaferGreener => "Cleaner, safer, greener",
        IssueTheme.Financial => "Financial inclusion (debt, doorstep lending, poverty, worklessness)",
        IssueTheme.CommunitySafety => "Community safety",
        IssueTheme.HealthAndWellbeing => "Health and wellbeing",
        IssueTheme.Housing => "Housing",
        IssueTheme.ChildrenAndFamilies => "Children and families",
        _ => "Other",
    };

    private static IssueTheme CheckTheme(IssueTheme theme) =>
        Enum.IsDefined(theme) ? theme : throw new DomainException("Select the category's theme", nameof(Theme));
}
