using AreaPartnerships.Web.Infrastructure;

namespace AreaPartnerships.UnitTests.Budgets;

public sealed class MoneyFromTests
{
    [Theory]
    [InlineData("£1,000", 1000)]
    [InlineData("1000", 1000)]
    [InlineData("1,000.5", 1000.5)]
    [InlineData(" 250.50 ", 250.50)]
    [InlineData("£10,000.00", 10000)]
    [InlineData("0.01", 0.01)]
    [InlineData("1,234,567.89", 1234567.89)]
    public void Amounts_as_people_type_them_are_understood(string typed, double expected) =>
        Assert.Equal((decimal)expected, UkFormat.MoneyFrom(typed));

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1e9")]
    [InlineData("1.005")]
    [InlineData("1,00")]
    [InlineData("10,0000")]
    [InlineData("£")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1.2.3")]
    [InlineData("$5")]
    public void Anything_else_is_not_an_amount(string? typed) =>
        Assert.Null(UkFormat.MoneyFrom(typed));

    [Theory]
    [InlineData("-25", -25)]
    [InlineData("-£25.00", -25)]
    [InlineData("£25", 25)]
    public void A_correction_may_be_negative(string typed, double expected) =>
        Assert.Equal((decimal)expected, UkFormat.MoneyFrom(typed, allowNegative: true));
}
