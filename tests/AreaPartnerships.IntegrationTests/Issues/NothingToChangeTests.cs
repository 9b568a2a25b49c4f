using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>Issue 9: a person who may work an issue but has nothing to change is told why (16); a one-ward councillor's ward is chosen (21).</summary>
public sealed class NothingToChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_closed_issues_status_page_says_why_nothing_can_change_and_offers_a_new_issue()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, i =>
        {
            world.Resolved(i);
            i.Close(world.AreaManagerA.Id, DateTime.UtcNow);
        });

        var response = await app.ClientFor(world.AreaManagerA.Id).GetAsync(new Uri($"/issues/{issue.Reference}/status", UriKind.Relative));
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Your role does not include", page.Body!.TextContent, StringComparison.Ordinal);
        var why = page.QuerySelector("[data-testid=nothing-to-change]")!.TextContent;
        Assert.Contains("This issue is closed", why, StringComparison.Ordinal);
        Assert.Contains("cannot be reopened", why, StringComparison.Ordinal);
        Assert.Equal("/issues/new", page.QuerySelector("a.govuk-button")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("input[name=Action]"));
    }

    [Fact]
    public async Task A_resolved_issue_can_be_reopened_by_those_who_work_it()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.Resolved);

        var page = await app.ClientFor(world.SupportOfficerA.Id).GetDocumentAsync($"/issues/{issue.Reference}/status");

        Assert.NotNull(page.QuerySelector("input[name=Action][value=Reopen]"));
    }

    [Fact]
    public async Task Someone_who_may_not_work_the_issue_is_still_refused()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, i =>
        {
            world.Resolved(i);
            i.Close(world.AreaManagerA.Id, DateTime.UtcNow);
        });

        var response = await app.ClientFor(world.CouncillorA1.Id).GetAsync(new Uri($"/issues/{issue.Reference}/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_councillor_with_one_ward_has_it_chosen_on_the_raise_form()
    {
        var world = await CreateAsync(app);

        var page = await app.ClientFor(world.CouncillorA1.Id).GetDocumentAsync("/issues/new");

        Assert.NotNull(page.QuerySelector($"select[name=WardId] option[value='{world.WardA1}'][selected]"));
        var officer = await app.ClientFor(world.AreaManagerA.Id).GetDocumentAsync("/issues/new");
        Assert.Null(officer.QuerySelector("select[name=WardId] option[selected]:not([value=''])"));
    }
}
