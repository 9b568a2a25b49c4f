using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// Issue 9, finding 19: duplicates pointed one way (AP-2026-00003 said it duplicated AP-2026-00018; 00018 did not list
/// it). The original lists its duplicates; officers link related issues with a reason, shown on both issues and both
/// timelines, and remove the link. Each side is shown only to people who may see the other issue.
/// </summary>
public sealed class RelatedIssuesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_original_lists_its_duplicates_only_those_the_viewer_may_see()
    {
        var world = await IssueWorld.CreateAsync(app);
        var manager = world.AreaManagerA;
        var original = await world.IssueAsync(app);
        var sameWard = await world.IssueAsync(app, i => i.Withdraw("Same fly tip, reported again", original, manager.Id, DateTime.UtcNow));
        var otherWard = await world.IssueAsync(app, i => i.Withdraw("Same fly tip, seen from the next street", original, manager.Id, DateTime.UtcNow), wardId: world.WardA2);

        var forManager = await app.ClientFor(manager.Id).GetDocumentAsync($"/issues/{original.Reference}");
        var forCouncillor = await app.ClientFor(world.CouncillorA1.Id).GetDocumentAsync($"/issues/{original.Reference}");

        Assert.Equal([sameWard.Reference, otherWard.Reference], Duplicates(forManager));
        Assert.Equal([sameWard.Reference], Duplicates(forCouncillor));
        Assert.DoesNotContain(otherWard.Reference, forCouncillor.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(otherWard.Title, forCouncillor.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var duplicatePage = await app.ClientFor(manager.Id).GetDocumentAsync($"/issues/{sameWard.Reference}");
        Assert.Contains(original.Reference, IssueWorld.Text(duplicatePage.QuerySelector("[data-testid=issue-summary]")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_area_manager_links_two_related_issues_with_a_reason_shown_on_both_issues_and_both_timelines()
    {
        var world = await IssueWorld.CreateAsync(app);
        var first = await world.IssueAsync(app);
        var second = await world.IssueAsync(app, wardId: world.WardA2);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var reason = TestData.Unique("Same landlord at both addresses");

        var response = await LinkAsync(client, first.Reference, $" {second.Reference.ToLowerInvariant()} ", reason);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/issues/{first.Reference}", response.Headers.Location!.OriginalString);
        var firstPage = await client.GetDocumentAsync($"/issues/{first.Reference}");
        var secondPage = await client.GetDocumentAsync($"/issues/{second.Reference}");
        Assert.Contains($"Issue linked to {second.Reference}", firstPage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([second.Reference], Related(firstPage));
        Assert.Equal([first.Reference], Related(secondPage));
        Assert.Contains(reason, RelatedText(firstPage), StringComparison.Ordinal);
        Assert.Contains(reason, RelatedText(secondPage), StringComparison.Ordinal);
        var onFirst = Assert.Single(IssueWorld.Timeline(firstPage), t => t.Title == $"Linked to related issue {second.Reference}");
        var onSecond = Assert.Single(IssueWorld.Timeline(secondPage), t => t.Title == $"Linked to related issue {first.Reference}");
        Assert.Equal((reason, $"by {world.AreaManagerA.DisplayName}"), (onFirst.Description, onFirst.Byline));
        Assert.Equal(reason, onSecond.Description);
        var link = await app.WithDbAsync(db => db.IssueLinks.AsNoTracking().SingleAsync(l => l.IssueId == first.Id || l.OtherIssueId == first.Id));
        Assert.Equal((Math.Min(first.Id, second.Id), Math.Max(first.Id, second.Id), reason), (link.IssueId, link.OtherIssueId, link.Reason));
    }

    [Fact]
    public async Task A_support_officer_links_and_the_partnership_manager_removes_the_link_from_the_other_side()
    {
        var world = await IssueWorld.CreateAsync(app);
        var first = await world.IssueAsync(app);
        var second = await world.IssueAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await LinkAsync(app.ClientFor(world.SupportOfficerA.Id), first.Reference, second.Reference, "Same street")).StatusCode);
        var pm = app.ClientFor(world.PartnershipManager.Id);
        var secondPage = await pm.GetDocumentAsync($"/issues/{second.Reference}");
        var remove = secondPage.QuerySelector("[data-testid=related] form")!.GetAttribute("action")!;

        var response = await pm.PostFormAsync($"/issues/{second.Reference}", [], remove);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.IssueLinks.AnyAsync(l => l.IssueId == first.Id || l.OtherIssueId == first.Id)));
        var firstPage = await pm.GetDocumentAsync($"/issues/{first.Reference}");
        secondPage = await pm.GetDocumentAsync($"/issues/{second.Reference}");
        Assert.Empty(Related(firstPage));
        Assert.Empty(Related(secondPage));
        Assert.Contains(IssueWorld.Timeline(firstPage), t => t.Title == $"No longer linked to {second.Reference}" && t.Byline == $"by {world.PartnershipManager.DisplayName}");
        Assert.Contains(IssueWorld.Timeline(secondPage), t => t.Title == $"No longer linked to {first.Reference}");
    }

    [Fact]
    public async Task Councillors_partners_and_another_areas_manager_may_not_link_or_unlink()
    {
        var world = await IssueWorld.CreateAsync(app);
        var first = await world.IssueAsync(app, world.AtLevel3);
        var second = await world.IssueAsync(app);
        var officer = app.ClientFor(world.AreaManagerA.Id);
        await LinkAsync(officer, first.Reference, second.Reference, "Related");
        var linkId = await app.WithDbAsync(db => db.IssueLinks.Where(l => l.IssueId == first.Id || l.OtherIssueId == first.Id).Select(l => l.Id).SingleAsync());
        var third = await world.IssueAsync(app);

        foreach (var (person, expected) in new[]
        {
            (world.CouncillorA1, HttpStatusCode.Forbidden), (world.PoliceUser, HttpStatusCode.Forbidden), (world.AreaManagerB, HttpStatusCode.NotFound),
        })
        {
            var client = app.ClientFor(person.Id);
            var page = await client.GetAsync(new Uri($"/issues/{first.Reference}", UriKind.Relative));
            if (page.IsSuccessStatusCode)
            {
                // They may see the issue, but are never offered the form.
                Assert.Null((await Html.ReadAsync(page)).QuerySelector("input[name=RelatedReference]"));
            }

            var link = await client.PostFormAsync("/", [new("RelatedReference", third.Reference), new("LinkReason", "Mine")], $"/issues/{first.Reference}/links");
            var unlink = await client.PostFormAsync("/", [], $"/issues/{first.Reference}/links/{linkId}/remove");
            var invalid = await client.PostFormAsync("/", [], $"/issues/{first.Reference}/links");
            Assert.Equal((expected, expected, expected), (link.StatusCode, unlink.StatusCode, invalid.StatusCode));
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.IssueLinks.CountAsync(l => l.IssueId == first.Id || l.OtherIssueId == first.Id)));
    }

    [Fact]
    public async Task Bad_links_are_refused_with_a_message_and_what_was_typed_kept()
    {
        var world = await IssueWorld.CreateAsync(app);
        var first = await world.IssueAsync(app);
        var second = await world.IssueAsync(app);
        var elsewhere = await world.IssueAsync(app, wardId: world.WardB1);
        var client = app.ClientFor(world.AreaManagerA.Id);
        await LinkAsync(client, first.Reference, second.Reference, "Same place");

        var cases = new (string Reference, string Reason, string Message)[]
        {
            ("", "", "Enter the reference of the related issue, like AP-2026-00042"),
            (second.Reference, "", "Enter why the issues are related"),
            ("AP-1999-99999", "Typed reason", "There is no issue AP-1999-99999 that you can see: check the reference"),
            (elsewhere.Reference, "Typed reason", $"There is no issue {elsewhere.Reference} that you can see: check the reference"),
            (first.Reference, "Typed reason", "An issue cannot be linked to itself"),
            (second.Reference, "Typed reason", $"This issue is already linked to {second.Reference}"),
        };
        foreach (var (reference, reason, message) in cases)
        {
            var response = await LinkAsync(client, first.Reference, reference, reason);
            var page = await Html.ReadAsync(response);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, Html.ErrorSummary(page));
            Assert.Equal(reference, page.QuerySelector("input[name=RelatedReference]")!.GetAttribute("value") ?? "");
            Assert.Equal(reason, page.QuerySelector("textarea[name=LinkReason]")!.TextContent.Trim());
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.IssueLinks.CountAsync(l => l.IssueId == first.Id || l.OtherIssueId == first.Id)));
    }

    [Fact]
    public async Task A_councillor_or_partner_who_may_see_one_issue_but_not_the_other_sees_no_trace_of_the_other()
    {
        var world = await IssueWorld.CreateAsync(app);
        var manager = app.ClientFor(world.AreaManagerA.Id);

        // The councillor (ward A1) sees shared; not otherWard (A2) nor secret (confidential). The police see shared (their lead) and nothing else.
        var shared = await world.IssueAsync(app, world.AtLevel3);
        var sameWard = await world.IssueAsync(app);
        var otherWard = await world.IssueAsync(app, wardId: world.WardA2);
        var secret = await world.IssueAsync(app, confidential: true);
        var reasons = new Dictionary<Issue, string>
        {
            [sameWard] = TestData.Unique("Reason one"),
            [otherWard] = TestData.Unique("Reason two"),
            [secret] = TestData.Unique("Reason three"),
        };
        foreach (var (other, reason) in reasons)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await LinkAsync(manager, shared.Reference, other.Reference, reason)).StatusCode);
        }

        // A removed link leaves timeline entries naming the other issue: those are hidden too.
        var managerPage = await manager.GetDocumentAsync($"/issues/{shared.Reference}");
        var removeOtherWard = managerPage.QuerySelectorAll("[data-testid=related] .govuk-summary-list__row")
            .Single(row => row.TextContent.Contains(otherWard.Reference, StringComparison.Ordinal))
            .QuerySelector("form")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/issues/{shared.Reference}", [], removeOtherWard)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LinkAsync(manager, shared.Reference, otherWard.Reference, reasons[otherWard])).StatusCode);

        var councillorPage = await app.ClientFor(world.CouncillorA1.Id).GetDocumentAsync($"/issues/{shared.Reference}");
        var policePage = await app.ClientFor(world.PoliceUser.Id).GetDocumentAsync($"/issues/{shared.Reference}");

        Assert.Equal([sameWard.Reference], Related(councillorPage));
        Assert.Contains(IssueWorld.Timeline(councillorPage), t => t.Title == $"Linked to related issue {sameWard.Reference}");
        Assert.Empty(Related(policePage));
        foreach (var (page, hidden) in new[] { (councillorPage, new[] { otherWard, secret }), (policePage, new[] { sameWard, otherWard, secret }) })
        {
            var html = page.DocumentElement.OuterHtml;
            foreach (var other in hidden)
            {
                Assert.DoesNotContain(other.Reference, html, StringComparison.Ordinal);
                Assert.DoesNotContain(other.Title, html, StringComparison.Ordinal);
                Assert.DoesNotContain(reasons[other], html, StringComparison.Ordinal);
            }
        }

        // And the other way round: nothing of theirs links back to what they may not see.
        var sameWardForPolice = await app.ClientFor(world.PoliceUser.Id).GetAsync(new Uri($"/issues/{sameWard.Reference}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, sameWardForPolice.StatusCode);
    }

    private static Task<HttpResponseMessage> LinkAsync(HttpClient client, string reference, string related, string reason) =>
        client.PostFormAsync($"/issues/{reference}", [new("RelatedReference", related), new("LinkReason", reason)], $"/issues/{reference}/links");

    private static IReadOnlyList<string> Duplicates(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=duplicates] li a").Select(a => a.TextContent.Trim())];

    private static IReadOnlyList<string> Related(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=related] dt a").Select(a => a.TextContent.Trim())];

    private static string RelatedText(IHtmlDocument page) => IssueWorld.Text(page.QuerySelector("[data-testid=related]")?.TextContent);
}
