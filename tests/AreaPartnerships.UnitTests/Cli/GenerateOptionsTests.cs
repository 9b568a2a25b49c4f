using AreaPartnerships.Web.Infrastructure.Cli;

namespace AreaPartnerships.UnitTests.Cli;

public sealed class GenerateOptionsTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void Reads_every_option()
    {
        var ok = GenerateCommand.TryParse(
            ["generate", "--issues", "1000", "--events-per-issue", "12", "--seed", "42", "--database", "/tmp/x.db", "--as-of", "2025-04-01", "--allow-real-data"],
            Today, out var options, out _);

        Assert.True(ok);
        Assert.Equal(new GenerateCommand.Options(1000, 12, 42, "/tmp/x.db", new DateOnly(2025, 4, 1), AllowRealData: true), options);
    }

    [Fact]
    public void As_of_defaults_to_today_and_real_data_is_refused_by_default()
    {
        Assert.True(GenerateCommand.TryParse(["generate", "--issues", "10", "--events-per-issue", "10", "--seed", "1", "--database", "a.db"], Today, out var options, out _));

        Assert.Equal(Today, options.AsOf);
        Assert.False(options.AllowRealData);
    }

    [Theory]
    [InlineData("--issues", "many", "--issues")]
    [InlineData("--issues", "-1", "--issues")]
    [InlineData("--events-per-issue", "0", "--events-per-issue")]
    [InlineData("--seed", "x", "--seed")]
    [InlineData("--as-of", "29/11/2026", "--as-of")]
    public void A_malformed_option_is_named_in_the_problem(string option, string value, string named)
    {
        var args = new List<string> { "generate", "--issues", "10", "--events-per-issue", "10", "--seed", "1", "--database", "a.db" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        Assert.False(GenerateCommand.TryParse([.. args], Today, out _, out var problem));
        Assert.StartsWith(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_is_required()
    {
        Assert.False(GenerateCommand.TryParse(["generate", "--issues", "10", "--events-per-issue", "10", "--seed", "1"], Today, out _, out var problem));
        Assert.StartsWith("--database", problem, StringComparison.Ordinal);
    }
}
