using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.HighlightReports;
using static AreaPartnerships.Web.Features.HighlightReports.Comparison;

namespace AreaPartnerships.UnitTests.HighlightReports;

public sealed class ComparisonTests
{
    [Theory]
    [InlineData(15, 12, "▲ 3 (from 12 to 15)")]
    [InlineData(5, 7, "▼ 2 (from 7 to 5)")]
    [InlineData(4, 4, "No change (4)")]
    [InlineData(0, 0, "No change (0)")]
    [InlineData(1200, 2, "▲ 1,198 (from 2 to 1,200)")]
    public void A_count_changes_in_words_and_numbers(int now, int before, string text) =>
        Assert.Equal(text, ChangeText(now, before, Kind.Count));

    [Fact]
    public void Money_changes_in_pounds() =>
        Assert.Equal("▼ £50.50 (from £150.50 to £100.00)", ChangeText(100m, 150.5m, Kind.Money));

    [Fact]
    public void A_figure_with_nothing_before_is_new() =>
        Assert.Equal("New (2)", ChangeText(2, null, Kind.Count));

    [Fact]
    public void A_ratio_with_no_spend_on_either_side_is_not_compared()
    {
        Assert.Equal("Not comparable", ChangeText(null, 2m, Kind.Ratio));
        Assert.Equal("Not comparable", ChangeText(2m, null, Kind.Ratio));
        Assert.Equal("▲ £1.50 (from £2.00 per £1 to £3.50 per £1)", ChangeText(3.5m, 2m, Kind.Ratio));
    }

    [Fact]
    public void The_issue_figures_add_up_the_summary_rows_by_level_and_count_flows_by_direction()
    {
        var figures = HighlightFigures.IssueFigures.From(
        [
            (IssueMeasure.RaisedBySource, 2, 1, 3),
            (IssueMeasure.RaisedBySource, 2, 4, 2),
            (IssueMeasure.RaisedBySource, 0, 1, 1),
            (IssueMeasure.Resolved, 1, 12, 1),
            (IssueMeasure.Resolved, 1, 40, 2),
            (IssueMeasure.Flow, 1, 2, 2),
            (IssueMeasure.Flow, 2, 3, 1),
            (IssueMeasure.Flow, 3, 2, 4),
        ]);

        Assert.Equal(5, figures.Raised.Single(r => r.Level == 2).Count);
        Assert.Equal(1, figures.Raised.Single(r => r.Level == 0).Count);
        Assert.Equal(6, figures.RaisedTotal);
        Assert.Equal(3, figures.ResolvedTotal);
        Assert.Equal(3, figures.StepUps);
        Assert.Equal(4, figures.StepDowns);
        Assert.Equal(3, figures.Flows.Count);
    }
}
