using AreaPartnerships.Web.Infrastructure;

namespace AreaPartnerships.UnitTests.Estimates;

public sealed class ChanceFromTests
{
    [Theory]
    [InlineData("10", 0.1)]
    [InlineData("10%", 0.1)]
    [InlineData(" 10 % ", 0.1)]
    [InlineData("12.5%", 0.125)]
    [InlineData("0.01", 0.0001)]
    [InlineData("0.1", 0.001)]
    [InlineData("100", 1)]
    [InlineData("100%", 1)]
    [InlineData("33.33%", 0.3333)]
    [InlineData("1 in 10", 0.1)]
    [InlineData("1 IN 4", 0.25)]
    [InlineData("1in1000", 0.001)]
    [InlineData("1 in 3", 0.3333)]
    [InlineData("1 in 1", 1)]
    public void A_percentage_or_one_in_n_is_a_probability(string typed, double expected) =>
        Assert.Equal((decimal)expected, UkFormat.ChanceFrom(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("0%")]
    [InlineData("-5")]
    [InlineData("100.01")]
    [InlineData("101%")]
    [InlineData("12.555")]
    [InlineData("1e1")]
    [InlineData("10%%")]
    [InlineData("1 in 0")]
    [InlineData("2 in 10")]
    [InlineData("1/10")]
    [InlineData("1,0")]
    public void Anything_else_is_not_a_chance(string? typed) =>
        Assert.Null(UkFormat.ChanceFrom(typed));

    [Theory]
    [InlineData(0.1, "10%")]
    [InlineData(0.125, "12.5%")]
    [InlineData(0.3333, "33.33%")]
    [InlineData(1, "100%")]
    public void A_probability_reads_as_a_percentage(double probability, string expected) =>
        Assert.Equal(expected, UkFormat.Chance((decimal)probability));
}
