using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

public sealed class LinkTaskGroupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.PartnershipManager)]
    public async Task A_manager_links_a_level_2_issue_to_a_task_group_from_the_issue_page_and_both_timelines_record_it(string role)
    {
        var world = await CreateAsync(app);
        var group = await world.CreateTaskGroupAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(role == Roles.AreaManager ? world.AreaManagerA.Id : world.PartnershipManager.Id);
        var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.NotNull(page.QuerySelector($"select[name=TaskGroupId] option[value='{group.Id}']"));

        var response = await client.PostFormAsync($"/issues/{issue.Reference}", [new("TaskGroupId", Id(group.Id)), new("Version", VersionOn(page))], $"/issues/{issue.Reference}/task-group");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Equal(group.Name, after.QuerySelector("[data-testid=task-group] a")!.TextContent.Trim());
        Assert.Equal(group.Id, (await StoredAsync(app, issue.Id)).TaskGroupId);
        var linked = Assert.Single(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.LinkedToTaskGroup);
        Assert.Equal(("Task group", group.Name), (linked.Field, linked.NewValue));
        Assert.True(await app.WithDbAsync(db => db.TaskGroupEvents.AnyAsync(e => e.TaskGroupId == group.Id && e.Summary.Contains(issue.Reference))));

        var unlinked = await client.PostFormAsync($"/issues/{issue.Reference}", [new("Version", VersionOn(after))], $"/issues/{issue.Reference}/task-group/unlink");
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.Null((await StoredAsync(app, issue.Id)).TaskGroupId);
        Assert.Contains(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.LinkedToTaskGroup && e.OldValue == group.Name && e.NewValue == null);
    }

    [Fact]
    public async Task Only_an_open_level_2_issue_in_the_groups_area_can_be_linked()
    {
        var world = await CreateAsync(app);
        var group = await world.CreateTaskGroupAsync(app);
        var otherAreaGroup = await world.CreateTaskGroupAsync(app, world.AreaB);
        var level1 = await world.IssueAsync(app, world.AtLevel1);
        var level2 = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.PartnershipManager.Id);

        var page = await client.GetDocumentAsync($"/issues/{level1.Reference}");
        Assert.Null(page.QuerySelector("select[name=TaskGroupId]"));
        var refused = await client.PostFormAsync($"/issues/{level1.Reference}", [new("TaskGroupId", Id(group.Id)), new("Version", level1.Version.ToString())], $"/issues/{level1.Reference}/task-group");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(await Html.ReadAsync(refused)), e => e.StartsWith("Only an open Level 2 issue is worked through a task group", StringComparison.Ordinal));

        var elsewhere = await client.PostFormAsync($"/issues/{level2.Reference}", [new("TaskGroupId", Id(otherAreaGroup.Id)), new("Version", level2.Version.ToString())], $"/issues/{level2.Reference}/task-group");
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("Select an active task group in the issue's area", Html.ErrorSummary(await Html.ReadAsync(elsewhere)));

        var none = await client.PostFormAsync($"/issues/{level2.Reference}", [new("TaskGroupId", ""), new("Version", level2.Version.ToString())], $"/issues/{level2.Reference}/task-group");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Select the task group", Html.ErrorSummary(await Html.ReadAsync(none)));
        Assert.Null((await StoredAsync(app, level1.Id)).TaskGroupId);
        Assert.Null((await StoredAsync(app, level2.Id)).TaskGroupId);
    }

    [Fact]
    public async Task Linking_from_a_stale_page_is_refused_with_the_conflict_message()
    {
        var world = await CreateAsync(app);
        var group = await world.CreateTaskGroupAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var stale = VersionOn(await client.GetDocumentAsync($"/issues/{issue.Reference}"));
        await client.PostFormAsync($"/issues/{issue.Reference}", [new("Text", "Meanwhile"), new("Visibility", "Everyone")], $"/issues/{issue.Reference}/notes");
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Issues.SingleAsync(i => i.Id == issue.Id);
            tracked.Start(world.AreaManagerA.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        var refused = await client.PostFormAsync($"/issues/{issue.Reference}", [new("TaskGroupId", Id(group.Id)), new("Version", stale)], $"/issues/{issue.Reference}/task-group");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(await Html.ReadAsync(refused)), e => e.StartsWith($"{world.AreaManagerA.DisplayName} changed this issue at ", StringComparison.Ordinal));
        Assert.Null((await StoredAsync(app, issue.Id)).TaskGroupId);
    }

    [Theory]
    [InlineData(Roles.SupportOfficer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.PartnerUser, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Councillor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.AreaManager, HttpStatusCode.NotFound)]
    public async Task Others_may_not_link_issues_to_task_groups(string role, HttpStatusCode expected)
    {
        var world = await CreateAsync(app);
        var group = await world.CreateTaskGroupAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel3);
        var level2 = await world.IssueAsync(app, world.AtLevel2);
        var user = role switch
        {
            Roles.SupportOfficer => world.SupportOfficerA,
            Roles.PartnerUser => world.PoliceUser,
            Roles.Councillor => world.CouncillorA1,
            _ => world.AreaManagerB,
        };
        var target = role == Roles.PartnerUser ? issue : level2;
        var client = app.ClientFor(user.Id);

        var response = await client.PostFormAsync("/", [new("TaskGroupId", Id(group.Id)), new("Version", target.Version.ToString())], $"/issues/{target.Reference}/task-group");

        Assert.Equal(expected, response.StatusCode);
        Assert.Null((await StoredAsync(app, target.Id)).TaskGroupId);
    }

    [Fact]
    public async Task Triage_into_a_task_group_is_on_the_groups_timeline_and_a_closed_group_is_refused()
    {
        var world = await CreateAsync(app);
        var group = await world.CreateTaskGroupAsync(app);
        var closed = await world.CreateTaskGroupAsync(app);
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.TaskGroups.SingleAsync(g => g.Id == closed.Id);
            tracked.Close("Done its job", [], world.AreaManagerA.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/triage";

        var refused = await PostWithVersionAsync(client, url,
            [new("Level", "Partnership"), new("Reason", "Partnership job"), new("OwnerId", Id(world.AreaManagerA.Id)), new("TaskGroupId", Id(closed.Id))]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Select an active task group in this area", Html.ErrorSummary(await Html.ReadAsync(refused)));

        var saved = await PostWithVersionAsync(client, url,
            [new("Level", "Partnership"), new("Reason", "Partnership job"), new("OwnerId", Id(world.AreaManagerA.Id)), new("TaskGroupId", Id(group.Id))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.TaskGroupEvents.AnyAsync(e => e.TaskGroupId == group.Id && e.Summary == $"Issue {issue.Reference} linked to the group")));
    }
}
