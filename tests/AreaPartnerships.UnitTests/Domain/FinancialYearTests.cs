using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain;

public sealed class FinancialYearTests
{
    [Theory]
    [InlineData(2026, 4, 1, 2026)]
    [InlineData(2027, 3, 31, 2026)]
    [InlineData(2026, 3, 31, 2025)]
    [InlineData(2026, 11, 22, 2026)]
    public void A_date_belongs_to_the_year_that_runs_1_April_to_31_March(int year, int month, int day, int expectedStart) =>
        Assert.Equal(expectedStart, FinancialYear.Containing(new DateOnly(year, month, day)).StartYear);

    [Fact]
    public void A_financial_year_is_written_the_UK_way() =>
        Assert.Equal("2026/27", new FinancialYear(2026).ToString());

    [Fact]
    public void Issue_references_count_up_within_a_year()
    {
        var counter = new ReferenceCounter(2026);
        Assert.Equal("AP-2026-00001", counter.Next());
        Assert.Equal("AP-2026-00002", counter.Next());
    }
}
