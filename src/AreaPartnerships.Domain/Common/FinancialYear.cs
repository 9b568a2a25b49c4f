namespace AreaPartnerships.Domain.Common;

/// <summary>A UK public-sector financial year, 1 April to 31 March, named by the year it starts in.</summary>
public readonly record struct FinancialYear(int StartYear)
{
    public DateOnly Starts => new(StartYear, 4, 1);

    public DateOnly Ends => new(StartYear + 1, 3, 31);

    public static FinancialYear Containing(DateOnly date) =>
        new(date.Month >= 4 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= Starts && date <= Ends;

    /// <summary>"2026/27".</summary>
    public override string ToString() => $"{StartYear}/{(StartYear + 1) % 100:00}";
}
