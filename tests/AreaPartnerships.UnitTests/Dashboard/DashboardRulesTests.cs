using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Dashboard;
using AreaPartnerships.Web.Infrastructure.Charts;

namespace AreaPartnerships.UnitTests.Dashboard;

public sealed class DashboardRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData(DashboardPeriod.ThisMonth, "2026-11-01", "2026-11-30")]
    [InlineData(DashboardPeriod.ThisQuarter, "2026-10-01", "2026-12-31")]
    [InlineData(DashboardPeriod.ThisYear, "2026-04-01", "2027-03-31")]
    [InlineData(DashboardPeriod.LastYear, "2025-04-01", "2026-03-31")]
    public void Each_preset_is_the_period_its_name_says(string preset, string from, string to) =>
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), DashboardPeriod.Preset(preset, Today));

    [Fact]
    public void Custom_dates_are_read_as_the_whole_months_they_touch()
    {
        Assert.Null(DashboardPeriod.Preset(DashboardPeriod.Custom, Today));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 31)), DashboardPeriod.WholeMonths(new DateOnly(2026, 2, 14), new DateOnly(2026, 5, 3)));
        Assert.Equal([202602, 202603, 202604, 202605], DashboardPeriod.Months(new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 31)));
        Assert.Equal([202612, 202701], DashboardPeriod.Months(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31)));
    }

    [Fact]
    public void Age_bands_meet_without_a_gap_or_an_overlap()
    {
        var bands = DashboardPeriod.AgeBands(Today);
        Assert.Equal(Today.AddDays(-6), bands[0].RaisedFrom);
        Assert.Null(bands[0].RaisedTo);
        for (var i = 1; i < bands.Count; i++)
        {
            Assert.Equal(bands[i - 1].RaisedFrom!.Value.AddDays(-1), bands[i].RaisedTo);
        }

        Assert.Equal(new DateOnly(2026, 5, 29), bands[4].RaisedTo);
        Assert.Null(bands[4].RaisedFrom);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(31, 31)]
    [InlineData(32, 32)]
    [InlineData(38, 32)]
    [InlineData(39, 39)]
    [InlineData(367, 361)]
    [InlineData(368, 368)]
    [InlineData(729, 704)]
    [InlineData(730, 730)]
    [InlineData(5000, 730)]
    public void Days_to_resolve_are_exact_for_a_month_then_counted_by_week_and_by_four_weeks(int days, int band)
    {
        Assert.Equal(band, IssueMonthCount.DaysBand(days));
        Assert.InRange(Math.Max(0, Math.Min(days, IssueMonthCount.MostDays)), band, IssueMonthCount.DaysBandEnd(band));
    }

    [Fact]
    public void The_median_is_exact_to_the_day_within_a_month_and_a_band_beyond()
    {
        Assert.Null(BoroughDashboard.MedianDays([]));
        Assert.Equal("5 days", BoroughDashboard.MedianDays([(4, 1), (5, 1), (20, 1)])!.Text);
        Assert.Equal("4.5 days", BoroughDashboard.MedianDays([(4, 1), (5, 1)])!.Text);
        Assert.Equal("1 day", BoroughDashboard.MedianDays([(1, 3)])!.Text);
        Assert.Equal("39 to 45 days", BoroughDashboard.MedianDays([(3, 1), (39, 2)])!.Text);
        Assert.Equal("over 730 days", BoroughDashboard.MedianDays([(730, 1)])!.Text);
    }

    [Fact]
    public void A_chart_draws_each_non_zero_cell_and_says_its_table_carries_the_figures()
    {
        var table = new FigureTable("t", "Issues by level", "Area", ["Level 1", "Level 2", "Total"],
        [
            new FigureRow("North", [FigureCell.Count(2), FigureCell.Count(0), FigureCell.Count(2)]),
            new FigureRow("South & West", [FigureCell.Count(1), FigureCell.Count(3), FigureCell.Count(4)]),
        ], ChartKind.StackedBars, 2);

        var svg = SvgBarChart.Render(table);

        Assert.Equal(3, svg.Split("<rect", StringSplitOptions.None).Length - 1);
        // The bars' outline is said once, on their group, not on each bar.
        Assert.Contains("<g stroke=\"#0b0c0c\" stroke-width=\"0.5\"><rect", svg, StringComparison.Ordinal);
        Assert.Equal(1, svg.Split("stroke=", StringSplitOptions.None).Length - 1);
        Assert.Contains("Bar chart of issues by level. The figures are in the table that follows.", svg, StringComparison.Ordinal);
        Assert.Contains("South &amp; West", svg, StringComparison.Ordinal);
        Assert.Contains(">4<", svg, StringComparison.Ordinal);
        Assert.Equal(string.Empty, SvgBarChart.Render(table with { Rows = [new FigureRow("None", [FigureCell.Count(0), FigureCell.Count(0), FigureCell.Count(0)])] }));
        Assert.Equal(string.Empty, SvgBarChart.Render(table with { Chart = ChartKind.None }));
    }

    [Fact]
    public void A_table_as_csv_has_plain_numbers_words_as_written_and_safe_cells()
    {
        var table = new FigureTable("t", "Money", "Area", ["Allocation", "Note"],
        [
            new FigureRow("=North", [FigureCell.Money(5000m), FigureCell.Words("No budget")]),
            new FigureRow("South, West", [FigureCell.Money(12.5m), FigureCell.Count(1234)]),
        ]);

        Assert.Equal("Area,Allocation,Note\r\n'=North,5000,No budget\r\n\"South, West\",12.50,1234\r\n", table.ToCsv());
    }
}
