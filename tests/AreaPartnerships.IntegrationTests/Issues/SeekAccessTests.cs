namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// Reading the case list by key names an issue in the link (After, Before). An issue the person may not see is never a
/// position: the list opens at its first page, exactly as with no position, so nothing about where that issue would
/// sort leaks (and the export link, which is every page, carries no position). The whole timeline of an issue is refused
/// to those who may not see the issue.
/// </summary>
public sealed class SeekAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("After")]
    [InlineData("Before")]
    public async Task A_councillor_naming_a_confidential_issue_as_the_position_gets_the_first_page(string key)
    {
        var w = await IssueWorld.CreateAsync(app);
        for (var n = 0; n < 30; n++)
        {
            await w.IssueAsync(app);
        }

        var secret = await w.IssueAsync(app, confidential: true);
        var client = app.ClientFor(w.CouncillorA1.Id);

        var first = await client.GetDocumentAsync("/issues?Sort=title");
        var named = await client.GetDocumentAsync($"/issues?Sort=title&{key}={secret.Reference}");

        Assert.Equal(25, IssuePages.References(first).Count);
        Assert.Equal(IssuePages.References(first), IssuePages.References(named));
        Assert.DoesNotContain(secret.Reference, named.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_timeline_of_an_issue_is_not_found_for_someone_who_may_not_see_it()
    {
        var w = await IssueWorld.CreateAsync(app);
        var secret = await w.IssueAsync(app, confidential: true);

        var councillor = await IssuePages.StatusOfAsync(app.ClientFor(w.CouncillorA1.Id), $"/issues/{secret.Reference}?timeline=all");
        var otherArea = await IssuePages.StatusOfAsync(app.ClientFor(w.AreaManagerB.Id), $"/issues/{secret.Reference}?timeline=all");

        Assert.Equal(HttpStatusCode.NotFound, councillor);
        Assert.Equal(HttpStatusCode.NotFound, otherArea);
    }
}
