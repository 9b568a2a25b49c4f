using AreaPartnerships.Web.Features.Issues;

namespace AreaPartnerships.UnitTests.Lists;

/// <summary>The case list's sort, direction and position: anything empty, missing or unknown is the default, never an error.</summary>
public sealed class CaseListQueryTests
{
    [Theory]
    [InlineData(null, null, null, "raised", "desc", null)]
    [InlineData("", "", "", "raised", "desc", null)]
    [InlineData(" ", " ", "  ", "raised", "desc", null)]
    [InlineData("nonsense", "sideways", "ap-2026-00004", "raised", "desc", "AP-2026-00004")]
    [InlineData("TITLE", "ASC", " AP-2026-00002 ", "title", "asc", "AP-2026-00002")]
    [InlineData(" target ", "desc", null, "target", "desc", null)]
    public void Normalise_keeps_known_values_and_makes_the_rest_the_default(string? sort, string? dir, string? after, string wantedSort, string wantedDir, string? wantedAfter)
    {
        var query = new ListIssues.Query { Sort = sort, Dir = dir, After = after, Before = after }.Normalise();

        Assert.Equal((wantedSort, wantedDir, wantedAfter, wantedAfter), (query.Sort, query.Dir, query.After, query.Before));
    }

    [Fact]
    public void Every_sort_the_list_offers_survives_normalising()
    {
        Assert.All(ListIssues.SortNames, name => Assert.Equal(name, new ListIssues.Query { Sort = name }.Normalise().Sort));
    }

    [Theory]
    [InlineData("triage", IssueOrigin.Triage)]
    [InlineData(null, IssueOrigin.List)]
    [InlineData("", IssueOrigin.List)]
    [InlineData("Triage", IssueOrigin.List)]
    [InlineData("https://evil.example/", IssueOrigin.List)]
    public void Only_the_known_origin_value_is_understood(string? from, IssueOrigin wanted)
    {
        Assert.Equal(wanted, IssueOrigins.Parse(from));
    }
}
