using AreaPartnerships.IntegrationTests.Issues;

namespace AreaPartnerships.IntegrationTests.TaskGroups;

public sealed class LinkIssueTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_level_2_issue_in_the_area_is_linked_and_the_link_is_on_both_timelines()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var issue = await world.People.IssueAsync(app, world.People.AtLevel2);
        var manager = world.People.AreaManagerA;
        var client = app.ClientFor(manager.Id);
        var page = $"/task-groups/{group.Id}";

        var response = await client.PostFormAsync(page, [new("IssueReference", $"  {issue.Reference.ToLowerInvariant()} ")], $"{page}/issues");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await GroupWorld.FailureAsync(response));
        var document = await client.GetDocumentAsync(page);
        Assert.Equal($"Issue {issue.Reference} linked to the group", GroupWorld.Banner(document));
        var row = document.QuerySelector($"[data-testid=issue-{issue.Reference}]")!;
        Assert.Contains(issue.Title, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Level 2", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(group.Id, (await IssueWorld.StoredAsync(app, issue.Id)).TaskGroupId);
        var groupEvent = (await GroupWorld.EventsAsync(app, group.Id)).Last();
        Assert.Equal(($"Issue {issue.Reference} linked to the group", manager.Id), (groupEvent.Summary, groupEvent.ActorId));

        var issueTimeline = IssueWorld.Timeline(await client.GetDocumentAsync($"/issues/{issue.Reference}"));
        Assert.Equal($"Linked to task group {group.Name}", issueTimeline[0].Title);
        Assert.Equal($"by {manager.DisplayName}", issueTimeline[0].Byline);
    }

    [Fact]
    public async Task A_level_1_issue_is_refused_with_the_issues_own_reason()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var issue = await world.People.IssueAsync(app, world.People.AtLevel1);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await client.PostFormAsync($"/task-groups/{group.Id}", [new("IssueReference", issue.Reference)], $"/task-groups/{group.Id}/issues");
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"Only an open Level 2 issue is worked through a task group; {issue.Reference} is Level 1 and triaged"], Html.ErrorSummary(page));
        Assert.Equal(issue.Reference, page.QuerySelector("input[name=IssueReference]")!.GetAttribute("value"));
        Assert.Null((await IssueWorld.StoredAsync(app, issue.Id)).TaskGroupId);
    }

    [Fact]
    public async Task Another_areas_issue_is_refused_as_not_one_the_area_manager_can_see()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var elsewhere = await world.People.IssueAsync(app, issue =>
            issue.Triage(Domain.Issues.IssueLevel.Partnership, "Partners needed", new Domain.Issues.Assignment(world.People.AreaManagerB.Id, world.People.AreaManagerB.DisplayName),
                world.People.AreaManagerB.Id, DateTime.UtcNow, 30), wardId: world.People.WardB1);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await client.PostFormAsync($"/task-groups/{group.Id}", [new("IssueReference", elsewhere.Reference)], $"/task-groups/{group.Id}/issues");
        var unknown = await client.PostFormAsync($"/task-groups/{group.Id}", [new("IssueReference", "AP-0000-99999")], $"/task-groups/{group.Id}/issues");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter the reference of an issue in this area you can see"], Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.Equal(["Enter the reference of an issue in this area you can see"], Html.ErrorSummary(await Html.ReadAsync(unknown)));
        Assert.Null((await IssueWorld.StoredAsync(app, elsewhere.Id)).TaskGroupId);
    }

    [Fact]
    public async Task The_partnership_manager_is_told_another_areas_issue_belongs_to_its_own_areas_groups()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var elsewhere = await world.People.IssueAsync(app, issue =>
            issue.Triage(Domain.Issues.IssueLevel.Partnership, "Partners needed", new Domain.Issues.Assignment(world.People.AreaManagerB.Id, world.People.AreaManagerB.DisplayName),
                world.People.AreaManagerB.Id, DateTime.UtcNow, 30), wardId: world.People.WardB1);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var response = await client.PostFormAsync($"/task-groups/{group.Id}", [new("IssueReference", elsewhere.Reference)], $"/task-groups/{group.Id}/issues");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"{elsewhere.Reference} is in another area: link it to a task group of its own area"], Html.ErrorSummary(await Html.ReadAsync(response)));
    }

    [Fact]
    public async Task A_blank_reference_is_refused()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await client.PostFormAsync($"/task-groups/{group.Id}", [new("IssueReference", " ")], $"/task-groups/{group.Id}/issues");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter the issue's reference, like AP-2026-00042"], Html.ErrorSummary(await Html.ReadAsync(response)));
    }

    [Fact]
    public async Task Moving_an_issue_from_another_group_leaves_a_line_on_that_groups_timeline()
    {
        var world = await GroupWorld.CreateAsync(app);
        var first = await world.GroupAsync(app);
        var second = await world.GroupAsync(app);
        var issue = await world.People.IssueAsync(app, world.People.AtLevel2);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        await client.PostFormAsync($"/task-groups/{first.Id}", [new("IssueReference", issue.Reference)], $"/task-groups/{first.Id}/issues");

        var moved = await client.PostFormAsync($"/task-groups/{second.Id}", [new("IssueReference", issue.Reference)], $"/task-groups/{second.Id}/issues");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(second.Id, (await IssueWorld.StoredAsync(app, issue.Id)).TaskGroupId);
        Assert.Equal($"Issue {issue.Reference} moved to task group {second.Name}", (await GroupWorld.EventsAsync(app, first.Id)).Last().Summary);
        var linked = (await IssueWorld.EventsAsync(app, issue.Id)).Last();
        Assert.Equal((first.Name, second.Name), (linked.OldValue, linked.NewValue));
    }

    [Fact]
    public async Task Unlinking_is_on_both_timelines()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var issue = await world.People.IssueAsync(app, world.People.AtLevel2);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var page = $"/task-groups/{group.Id}";
        await client.PostFormAsync(page, [new("IssueReference", issue.Reference)], $"{page}/issues");

        var response = await client.PostFormAsync(page, [], $"{page}/issues/{issue.Reference}/unlink");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = await client.GetDocumentAsync(page);
        Assert.Equal($"Issue {issue.Reference} is no longer worked through the group", GroupWorld.Banner(document));
        Assert.NotNull(document.QuerySelector("[data-testid=no-issues]"));
        Assert.Null((await IssueWorld.StoredAsync(app, issue.Id)).TaskGroupId);
        Assert.Equal($"No longer worked through task group {group.Name}", (await IssueWorld.EventsAsync(app, issue.Id)).Last().Summary);
        Assert.Equal($"Issue {issue.Reference} no longer worked through the group", (await GroupWorld.EventsAsync(app, group.Id)).Last().Summary);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(page, [], $"{page}/issues/{issue.Reference}/unlink")).StatusCode);
    }

    [Fact]
    public async Task A_member_partner_without_an_agreement_sees_a_confidential_linked_issue_only_as_a_count()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, members: [world.HousingUser]);
        var open = await world.People.IssueAsync(app, world.People.AtLevel2);
        var secret = await world.People.IssueAsync(app, world.People.AtLevel2, confidential: true);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        foreach (var reference in new[] { open.Reference, secret.Reference })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/task-groups/{group.Id}", [new("IssueReference", reference)], $"/task-groups/{group.Id}/issues")).StatusCode);
        }

        var page = await app.ClientFor(world.HousingUser.Id).GetDocumentAsync($"/task-groups/{group.Id}");

        Assert.NotNull(page.QuerySelector($"[data-testid=issue-{open.Reference}]"));
        Assert.Null(page.QuerySelector($"[data-testid=issue-{secret.Reference}]"));
        Assert.DoesNotContain(secret.Title, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("1 more linked issue is confidential", GroupWorld.Text(page.QuerySelector("[data-testid=hidden-issues]")!.TextContent), StringComparison.Ordinal);
    }
}
