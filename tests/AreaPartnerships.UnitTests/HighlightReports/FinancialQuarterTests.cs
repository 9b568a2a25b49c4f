using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Features.HighlightReports;

namespace AreaPartnerships.UnitTests.HighlightReports;

public sealed class FinancialQuarterTests
{
    [Theory]
    [InlineData("2026-Q1", "2026-04-01", "2026-06-30")]
    [InlineData("2026-Q2", "2026-07-01", "2026-09-30")]
    [InlineData("2026-Q3", "2026-10-01", "2026-12-31")]
    [InlineData("2026-Q4", "2027-01-01", "2027-03-31")]
    [InlineData("2027-q1", "2027-04-01", "2027-06-30")]
    public void A_quarter_is_named_by_its_financial_year_and_runs_three_whole_months(string name, string starts, string ends)
    {
        var quarter = FinancialQuarter.Parse(name);

        Assert.NotNull(quarter);
        Assert.Equal(DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture), quarter.Value.Starts);
        Assert.Equal(DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture), quarter.Value.Ends);
        Assert.Equal(name.ToUpperInvariant(), quarter.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026")]
    [InlineData("2026-Q0")]
    [InlineData("2026-Q5")]
    [InlineData("2026Q3")]
    [InlineData("2026-Q3 ")]
    [InlineData(" 2026-Q3")]
    [InlineData("26-Q3")]
    [InlineData("1999-Q4")]
    [InlineData("2100-Q1")]
    [InlineData("2026-Q3.csv")]
    [InlineData("2026-Q3\n")]
    [InlineData("２０２６-Q3")]
    public void Anything_else_is_not_a_quarter(string? text) => Assert.Null(FinancialQuarter.Parse(text));

    [Theory]
    [InlineData("2026-04-01", "2026-Q1")]
    [InlineData("2026-06-30", "2026-Q1")]
    [InlineData("2026-07-01", "2026-Q2")]
    [InlineData("2026-12-03", "2026-Q3")]
    [InlineData("2027-01-01", "2026-Q4")]
    [InlineData("2027-03-31", "2026-Q4")]
    public void A_day_falls_in_one_quarter(string day, string quarter) =>
        Assert.Equal(quarter, FinancialQuarter.Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Theory]
    [InlineData("2026-Q1", "2025-Q4", "2026-Q2")]
    [InlineData("2026-Q3", "2026-Q2", "2026-Q4")]
    [InlineData("2026-Q4", "2026-Q3", "2027-Q1")]
    public void The_previous_and_next_quarters_cross_financial_years(string name, string previous, string next)
    {
        var quarter = FinancialQuarter.Parse(name)!.Value;

        Assert.Equal(previous, quarter.Previous.ToString());
        Assert.Equal(next, quarter.Next.ToString());
    }

    [Fact]
    public void A_quarter_is_named_in_words_with_its_months()
    {
        var quarter = FinancialQuarter.Parse("2026-Q4")!.Value;

        Assert.Equal("Quarter 4 of 2026/27 (January to March 2027)", quarter.Name);
        Assert.Equal("Q4 2026/27", quarter.ShortName);
        Assert.Equal(new FinancialYear(2026), quarter.FinancialYear);
        Assert.Equal("October to December 2026", FinancialQuarter.Parse("2026-Q3")!.Value.Months);
    }

    [Fact]
    public void A_quarter_is_found_from_the_day_it_starts()
    {
        Assert.Equal("2026-Q4", FinancialQuarter.StartingOn(new DateOnly(2027, 1, 1)).ToString());
        Assert.Throws<ArgumentException>(() => FinancialQuarter.StartingOn(new DateOnly(2027, 2, 1)));
    }
}
