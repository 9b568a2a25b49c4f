using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Web.Features.Dashboard;

/// <summary>
/// The dashboard's periods: this month, this quarter (financial quarters: April–June, July–September,
/// October–December, January–March), this financial year (the default), last financial year, or custom dates.
/// Counts by month cover whole months, so a custom period is widened to the months it touches (and the page says so).
/// </summary>
public static class DashboardPeriod
{
    public const string ThisMonth = "month";
    public const string ThisQuarter = "quarter";
    public const string ThisYear = "year";
    public const string LastYear = "last-year";
    public const string Custom = "custom";

    public static readonly IReadOnlyList<(string Value, string Label)> Choices =
    [
        (ThisMonth, "This month"),
        (ThisQuarter, "This quarter"),
        (ThisYear, "This financial year"),
        (LastYear, "Last financial year"),
        (Custom, "Choose dates"),
    ];

    /// <summary>The preset's dates on <paramref name="today"/>; null for <see cref="Custom"/> or an unknown name.</summary>
    public static (DateOnly From, DateOnly To)? Preset(string? name, DateOnly today)
    {
        var year = FinancialYear.Containing(today);
        switch (name)
        {
            case ThisMonth:
                var month = new DateOnly(today.Year, today.Month, 1);
                return (month, month.AddMonths(1).AddDays(-1));
            case ThisQuarter:
                var quarter = FinancialQuarter.Containing(today);
                return (quarter.Starts, quarter.Ends);
            case ThisYear:
                return (year.Starts, year.Ends);
            case LastYear:
                var last = new FinancialYear(year.StartYear - 1);
                return (last.Starts, last.Ends);
            default:
                return null;
        }
    }

    /// <summary>The whole months the period touches: its first month's first day to its last month's last day.</summary>
    public static (DateOnly From, DateOnly To) WholeMonths(DateOnly from, DateOnly to) =>
        (new DateOnly(from.Year, from.Month, 1), new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1));

    /// <summary>The months from the first to the last, as the summaries name them (yyyymm).</summary>
    public static IReadOnlyList<int> Months(DateOnly from, DateOnly to)
    {
        var months = new List<int>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            months.Add((m.Year * 100) + m.Month);
        }

        return months;
    }

    /// <summary>The age bands of open issues, newest first: a name and the UK days raised (inclusive) that fall in it.</summary>
    public static IReadOnlyList<(string Name, DateOnly? RaisedFrom, DateOnly? RaisedTo)> AgeBands(DateOnly today) =>
    [
        ("Under 1 week", today.AddDays(-6), null),
        ("1 to 4 weeks", today.AddDays(-27), today.AddDays(-7)),
        ("1 to 3 months", today.AddMonths(-3).AddDays(1), today.AddDays(-28)),
        ("3 to 6 months", today.AddMonths(-6).AddDays(1), today.AddMonths(-3)),
        ("Over 6 months", null, today.AddMonths(-6)),
    ];
}
