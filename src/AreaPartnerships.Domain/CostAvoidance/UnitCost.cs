using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.Domain.CostAvoidance;

/// <summary>
/// A configurable unit cost ("common sense and calculators"), e.g. a police call-out, a fly-tip clearance or a child in
/// care for a year. It names the kind of agency that bears the cost, so cost avoided can be shown by who benefits.
/// Kept by the administrator. A unit cost in use is retired, never deleted: costs and estimate lines copy its name,
/// unit, value and agency when they are made, so changing or retiring it never rewrites them.
/// </summary>
public class UnitCost : IVersioned
{
    public const int NameMaxLength = 150;
    public const int UnitMaxLength = 50;
    public const int SourceMaxLength = 300;

    public UnitCost(string? name, string? unit, decimal cost, OrganisationKind borneBy, string? source, DateOnly? sourceDate, DateOnly today)
    {
        Name = null!;
        Unit = null!;
        Update(name, unit, cost, borneBy, source, sourceDate, today);
    }

    private UnitCost()
    {
        Name = null!;
        Unit = null!;
    }

    public int Id { get; private set; }

    /// <summary>"Police call-out", "A child in care for a year".</summary>
    public string Name { get; private set; }

    /// <summary>"per call-out", "per child per year", "per family".</summary>
    public string Unit { get; private set; }

    /// <summary>The value of one unit, in pounds and pence.</summary>
    public decimal Cost { get; private set; }

    /// <summary>The kind of agency that bears the cost, and so benefits when it is avoided.</summary>
    public OrganisationKind BorneBy { get; private set; }

    /// <summary>Where the figure comes from (e.g. a national unit cost database, a council report).</summary>
    public string? Source { get; private set; }

    /// <summary>The date of the source (the figure's price date).</summary>
    public DateOnly? SourceDate { get; private set; }

    /// <summary>False once retired: no longer offered for new costs or estimate lines; what used it keeps its copy.</summary>
    public bool IsActive { get; private set; } = true;

    public Guid Version { get; set; }

    public void Update(string? name, string? unit, decimal cost, OrganisationKind borneBy, string? source, DateOnly? sourceDate, DateOnly today)
    {
        Name = Guard.Required(name, "Enter the unit cost's name", nameof(Name), NameMaxLength);
        Unit = Guard.Required(unit, "Enter the unit, like \"per call-out\"", nameof(Unit), UnitMaxLength);
        Cost = Money.Check(cost, nameof(Cost), "Enter the value in pounds and pence, more than £0.00, like 259000.00");
        if (!Enum.IsDefined(borneBy))
        {
            throw new DomainException("Choose the agency that bears the cost", nameof(BorneBy));
        }

        BorneBy = borneBy;
        Source = Guard.Optional(source, nameof(Source), SourceMaxLength);
        if (sourceDate > today)
        {
            throw new DomainException("The source's date must be today or in the past", nameof(SourceDate));
        }

        SourceDate = sourceDate;
    }

    /// <summary>No longer offered for new costs and estimates. What already used it keeps its copy.</summary>
    public void Retire()
    {
        if (!IsActive)
        {
            throw new DomainException($"{Name} is already retired", nameof(IsActive));
        }

        IsActive = false;
    }

    public void Reinstate()
    {
        if (IsActive)
        {
            throw new DomainException($"{Name} is in use already", nameof(IsActive));
        }

        IsActive = true;
    }
}

/// <summary>The money rules shared by unit costs, costs on a case and estimates: pounds and pence, two places, rounded half away from zero.</summary>
public static class Money
{
    /// <summary>£999,999,999.99: more than any one cost the product records, and inside every provider's precision.</summary>
    public const decimal Maximum = 999_999_999.99m;

    /// <summary>To the penny, half away from zero (£0.005 is £0.01), as finance rounds.</summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>A positive amount of whole pence, no more than <see cref="Maximum"/>.</summary>
    public static decimal Check(decimal amount, string field, string message)
    {
        if (amount <= 0 || decimal.Round(amount, 2) != amount || amount > Maximum)
        {
            throw new DomainException(message, field);
        }

        return amount;
    }

    /// <summary>"£10,000.00".</summary>
    public static string Pounds(decimal amount) => amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
