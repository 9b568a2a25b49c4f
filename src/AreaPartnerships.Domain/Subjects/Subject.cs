using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;

namespace AreaPartnerships.Domain.Subjects;

public enum SubjectKind
{
    Person = 1,
    Household = 2,
    Place = 3,
}

/// <summary>
/// A person, household or place that issues are about, linked across issues so repeat demand shows.
/// The most sensitive personal data in the product: consent to share between agencies is recorded,
/// and one lead professional can be named.
/// </summary>
public class Subject : IVersioned
{
    public Subject(SubjectKind kind, string name)
    {
        Kind = kind;
        Name = Guard.Required(name, "Enter a name", nameof(Name), 200);
    }

    private Subject()
    {
        Name = null!;
    }

    public int Id { get; private set; }

    public SubjectKind Kind { get; private set; }

    public string Name { get; private set; }

    public string? Address { get; set; }

    public string? Postcode { get; set; }

    public int? LeadProfessionalId { get; set; }

    public ApplicationUser? LeadProfessional { get; set; }

    public bool ConsentToShare { get; set; }

    public DateOnly? ConsentRecordedOn { get; set; }

    public int? ConsentRecordedById { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Links a subject to an issue.</summary>
public class IssueSubject
{
    public int IssueId { get; set; }

    public int SubjectId { get; set; }

    public Subject Subject { get; set; } = null!;
}
