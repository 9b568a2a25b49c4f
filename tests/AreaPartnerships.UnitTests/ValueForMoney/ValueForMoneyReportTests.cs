using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Web.Features.ValueForMoney;

namespace AreaPartnerships.UnitTests.ValueForMoney;

public sealed class ValueForMoneyRatioTests
{
    [Theory]
    [InlineData("10500.00", "897.00", "11.71")]
    [InlineData("1.005", "1", "1.01")]
    [InlineData("0", "100", "0.00")]
    public void The_ratio_is_avoided_for_every_pound_spent_to_the_penny(string avoided, string spent, string ratio) =>
        Assert.Equal(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture),
            ValueForMoneyReport.RatioOf(decimal.Parse(avoided, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(spent, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void With_nothing_spent_there_is_no_ratio(string spent)
    {
        var ratio = ValueForMoneyReport.RatioOf(100m, decimal.Parse(spent, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Null(ratio);
        Assert.Equal("No spend in this period", ValueForMoneyReport.RatioText(ratio));
    }

    [Fact]
    public void The_ratio_reads_as_pounds_avoided_for_every_pound_spent() =>
        Assert.Equal("£12.40 avoided for every £1 spent", ValueForMoneyReport.RatioText(12.4m));
}

public sealed class ValueForMoneyPeriodTests
{
    private static readonly FinancialYear ThisYear = new(2026);

    [Fact]
    public void With_no_dates_the_period_is_this_financial_year()
    {
        var period = ValueForMoneyReport.ReadPeriod(new ValueForMoneyReport.Query(), ThisYear);

        Assert.Equal(new DateOnly(2026, 4, 1), period.From);
        Assert.Equal(new DateOnly(2027, 3, 31), period.To);
        Assert.Empty(period.Errors);
    }

    [Fact]
    public void Typed_fields_win_over_the_iso_dates_of_a_link()
    {
        var period = ValueForMoneyReport.ReadPeriod(new ValueForMoneyReport.Query { From = "2020-01-01", FromDay = "31", FromMonth = "3", FromYear = "2025" }, ThisYear);

        Assert.Equal(new DateOnly(2025, 3, 31), period.From);
    }

    [Theory]
    [InlineData("2025-02-30", null, "FromDay")]
    [InlineData("2025-03-31", "2025-03-30", "ToDay")]
    [InlineData(null, "31/03/2025", "ToDay")]
    public void A_bad_or_reversed_period_is_an_error_on_its_field(string? from, string? to, string field)
    {
        var period = ValueForMoneyReport.ReadPeriod(new ValueForMoneyReport.Query { From = from, To = to }, ThisYear);

        Assert.True(period.Errors.ContainsKey(field));
    }

    [Fact]
    public void A_one_day_period_is_allowed() =>
        Assert.Empty(ValueForMoneyReport.ReadPeriod(new ValueForMoneyReport.Query { From = "2025-03-31", To = "2025-03-31" }, ThisYear).Errors);
}

public sealed class ValueForMoneySliceTests
{
    [Fact]
    public void A_slice_reads_level_theme_agency_and_low_confidence()
    {
        var slice = ValueForMoneyReport.Slice.Parse("2", "housing", "Police", "low");

        Assert.Equal(new ValueForMoneyReport.Slice(IssueLevel.Partnership, false, IssueTheme.Housing, OrganisationKind.Police, true), slice);
        Assert.Equal("Level 2, Housing, Police, Low-confidence estimates", slice!.Describe());
    }

    [Fact]
    public void Untriaged_is_its_own_level() =>
        Assert.True(ValueForMoneyReport.Slice.Parse("untriaged", null, null, null)!.UntriagedOnly);

    [Theory]
    [InlineData("9", null, null, null)]
    [InlineData(null, "5", null, null)]
    [InlineData(null, "Nonsense", null, null)]
    [InlineData(null, null, "1", null)]
    [InlineData(null, null, null, "high")]
    public void Anything_else_is_refused(string? level, string? theme, string? agency, string? confidence) =>
        Assert.Null(ValueForMoneyReport.Slice.Parse(level, theme, agency, confidence));
}
