using System.Globalization;
using System.Text.RegularExpressions;

namespace AreaPartnerships.Domain.Common;

/// <summary>
/// A quarter of a UK financial year, named "2026-Q3" by the year the financial year starts in: Q1 is April to June,
/// Q2 July to September, Q3 October to December, Q4 January to March (of the next calendar year). So "2026-Q3" is
/// October to December 2026 and "2026-Q4" is January to March 2027, both in 2026/27.
/// </summary>
public readonly partial record struct FinancialQuarter
{
    public const int Earliest = 2000;
    public const int Latest = 2099;

    public FinancialQuarter(int year, int number)
    {
        if (number is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A financial quarter is 1 to 4");
        }

        Year = year;
        Number = number;
    }

    /// <summary>The calendar year the financial year starts in (2026 for 2026/27).</summary>
    public int Year { get; }

    /// <summary>1 (April–June) to 4 (January–March).</summary>
    public int Number { get; }

    public FinancialYear FinancialYear => new(Year);

    public DateOnly Starts => new DateOnly(Year, 4, 1).AddMonths(3 * (Number - 1));

    public DateOnly Ends => Starts.AddMonths(3).AddDays(-1);

    public FinancialQuarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public FinancialQuarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public static FinancialQuarter Containing(DateOnly date)
    {
        var year = FinancialYear.Containing(date).StartYear;
        var monthsIn = ((date.Year - year) * 12) + date.Month - 4;
        return new(year, (monthsIn / 3) + 1);
    }

    /// <summary>The quarter starting on this day (1 April, 1 July, 1 October or 1 January).</summary>
    public static FinancialQuarter StartingOn(DateOnly starts) =>
        starts.Day == 1 && starts.Month % 3 == 1 ? Containing(starts) : throw new ArgumentException("A quarter starts on 1 April, 1 July, 1 October or 1 January", nameof(starts));

    /// <summary>"2026-Q3" (also "2026-q3"); null for anything else, or a year outside 2000 to 2099.</summary>
    public static FinancialQuarter? Parse(string? text)
    {
        if (text is null || Pattern().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var year = int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return year is >= Earliest and <= Latest ? new FinancialQuarter(year, match.Groups[2].Value[0] - '0') : null;
    }

    /// <summary>"2026-Q3": the quarter's name in links.</summary>
    public override string ToString() => $"{Year.ToString(CultureInfo.InvariantCulture)}-Q{Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"October to December 2026", "January to March 2027".</summary>
    public string Months => $"{MonthName(Starts)} to {MonthName(Ends)} {Ends.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"Quarter 3 of 2026/27 (October to December 2026)".</summary>
    public string Name => $"Quarter {Number.ToString(CultureInfo.InvariantCulture)} of {FinancialYear} ({Months})";

    /// <summary>"Q3 2026/27".</summary>
    public string ShortName => $"Q{Number.ToString(CultureInfo.InvariantCulture)} {FinancialYear}";

    private static string MonthName(DateOnly date) => date.ToString("MMMM", CultureInfo.GetCultureInfo("en-GB"));

    [GeneratedRegex(@"^([0-9]{4})-[Qq]([1-4])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
