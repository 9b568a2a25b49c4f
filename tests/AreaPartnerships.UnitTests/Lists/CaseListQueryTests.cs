using AreaPartnerships.Web.Features.Issues;

namespace AreaPartnerships.UnitTests.Lists;

/// <summary>The case list's sort, direction and page: anything empty, missing or unknown is the default, never an error.</summary>
public sealed class CaseListQueryTests
{
    [Theory]
    [InlineData(null, null, 0, "raised", "desc", 1)]
    [InlineData("", "", -3, "raised", "desc", 1)]
    [InlineData(" ", " ", 1, "raised", "desc", 1)]
    [InlineData("nonsense", "sideways", 4, "raised", "desc", 4)]
    [InlineData("TITLE", "ASC", 2, "title", "asc", 2)]
    [InlineData(" target ", "desc", 1, "target", "desc", 1)]
    public void Normalise_keeps_known_values_and_makes_the_rest_the_default(string? sort, string? dir, int page, string wantedSort, string wantedDir, int wantedPage)
    {
        var query = new ListIssues.Query { Sort = sort, Dir = dir, Page = page }.Normalise();

        Assert.Equal((wantedSort, wantedDir, wantedPage), (query.Sort, query.Dir, query.Page));
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
