using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Issues;

namespace AreaPartnerships.IntegrationTests.TaskGroups;

public sealed class CloseTaskGroupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_group_with_open_actions_cannot_close_and_the_page_links_each_open_action()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, members: [world.HousingUser]);
        var notStarted = await world.ActionAsync(app, group.Id, world.HousingUser.Id, GroupWorld.Today.AddDays(-3), description: "Visit the tenants");
        var blocked = await world.ActionAsync(app, group.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(5), PlanActionStatus.Blocked, "Extra patrols");
        await world.ActionAsync(app, group.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(5), PlanActionStatus.Done, "Leaflet drop");
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/task-groups/{group.Id}/close";

        var form = await client.GetDocumentAsync(url);
        var links = form.QuerySelectorAll("[data-testid=open-actions] tbody tr a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/actions/{notStarted.Id}/update", $"/actions/{blocked.Id}/update"], links);
        Assert.Contains("Overdue", form.QuerySelector("[data-testid=open-actions] tbody tr")!.TextContent, StringComparison.Ordinal);
        var response = await client.PostFormAsync(url, [new("ClosingSummary", "We did what we could"), new("Version", IssueWorld.VersionOn(form))]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["2 actions are still open: mark each done, or cancel it with a reason, before closing the group"], Html.ErrorSummary(page));
        Assert.Equal("We did what we could", GroupWorld.Text(page.QuerySelector("textarea[name=ClosingSummary]")!.TextContent));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=open-actions] tbody tr").Length);
        Assert.Equal(TaskGroupStatus.Active, (await GroupWorld.StoredAsync(app, group.Id)).Status);
    }

    [Fact]
    public async Task Once_every_action_is_done_or_cancelled_the_group_closes_with_its_summary()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var first = await world.ActionAsync(app, group.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(3));
        var second = await world.ActionAsync(app, group.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(3), PlanActionStatus.InProgress);
        var manager = world.People.AreaManagerA;
        var client = app.ClientFor(manager.Id);
        var url = $"/task-groups/{group.Id}/close";
        var refused = await IssueWorld.PostWithVersionAsync(client, url, [new("ClosingSummary", "Too early")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        await GroupWorld.MoveActionAsync(app, first.Id, PlanActionStatus.Done);
        await GroupWorld.MoveActionAsync(app, second.Id, PlanActionStatus.Cancelled, "Covered by the council's new rota");
        var form = await client.GetDocumentAsync(url);
        Assert.Null(form.QuerySelector("[data-testid=open-actions]"));
        var response = await client.PostFormAsync(url, [new("ClosingSummary", "  Reports down by half.\nPatrols now routine.  "), new("Version", IssueWorld.VersionOn(form))]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await GroupWorld.FailureAsync(response));
        var stored = await GroupWorld.StoredAsync(app, group.Id);
        Assert.Equal((TaskGroupStatus.Closed, "Reports down by half.\nPatrols now routine."), (stored.Status, stored.ClosingSummary));
        Assert.NotNull(stored.ClosedAt);
        var closed = (await GroupWorld.EventsAsync(app, group.Id)).Last();
        Assert.Equal(("Task group closed", manager.Id), (closed.Summary, closed.ActorId));

        var page = await client.GetDocumentAsync($"/task-groups/{group.Id}");
        Assert.Equal("Task group closed", GroupWorld.Banner(page));
        Assert.StartsWith("Closed", GroupWorld.Text(page.QuerySelector("[data-testid=status]")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("Reports down by half.\nPatrols now routine.", page.QuerySelector("[data-testid=closing-summary]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=close-group]"));
        Assert.Null(page.QuerySelector("[data-testid=change-group]"));
        Assert.Null(page.QuerySelector("[data-testid=add-action]"));
        Assert.Null(page.QuerySelector("[data-testid=link-issue]"));
    }

    [Fact]
    public async Task A_closing_summary_is_required()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var response = await IssueWorld.PostWithVersionAsync(client, $"/task-groups/{group.Id}/close", [new("ClosingSummary", "  ")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter a closing summary: what the group achieved"], Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.Equal(TaskGroupStatus.Active, (await GroupWorld.StoredAsync(app, group.Id)).Status);
    }

    [Fact]
    public async Task A_closed_group_sends_its_change_and_close_pages_back_to_the_group_with_a_message()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/task-groups/{group.Id}/close";
        Assert.Equal(HttpStatusCode.Redirect, (await IssueWorld.PostWithVersionAsync(client, url, [new("ClosingSummary", "Done")])).StatusCode);

        foreach (var page in new[] { "edit", "close" })
        {
            var response = await client.GetAsync(new Uri($"/task-groups/{group.Id}/{page}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/task-groups/{group.Id}", response.Headers.Location!.OriginalString);
        }

        var document = await client.GetDocumentAsync($"/task-groups/{group.Id}");
        Assert.Contains("This task group is closed: it can no longer be changed", GroupWorld.Banners(document));
    }

    [Fact]
    public async Task Second_of_two_concurrent_closes_is_refused()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var first = app.ClientFor(world.People.AreaManagerA.Id);
        var second = app.ClientFor(world.People.PartnershipManager.Id);
        var url = $"/task-groups/{group.Id}/close";
        var version = IssueWorld.VersionOn(await second.GetDocumentAsync(url));

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, [new("ClosingSummary", "First summary"), new("Version", version)])).StatusCode);
        var refused = await second.PostFormAsync($"/task-groups/{group.Id}", [new("ClosingSummary", "Second summary"), new("Version", version)], url);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("First summary", (await GroupWorld.StoredAsync(app, group.Id)).ClosingSummary);
    }
}
