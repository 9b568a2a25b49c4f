using AngleSharp.Dom;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Issues;

namespace AreaPartnerships.IntegrationTests.TaskGroups;

public sealed class ListTaskGroupsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_list_shows_who_leads_members_open_and_overdue_actions_and_flags_an_overdue_review()
    {
        var world = await GroupWorld.CreateAsync(app);
        var late = await world.GroupAsync(app, name: TestData.Unique("A late group"), reviewOn: GroupWorld.Today.AddDays(-2), members: [world.HousingUser]);
        var onTime = await world.GroupAsync(app, name: TestData.Unique("B on time group"));
        await world.ActionAsync(app, late.Id, world.HousingUser.Id, GroupWorld.Today.AddDays(-4));
        await world.ActionAsync(app, late.Id, world.HousingUser.Id, GroupWorld.Today.AddDays(-4), PlanActionStatus.Blocked);
        await world.ActionAsync(app, late.Id, world.HousingUser.Id, GroupWorld.Today.AddDays(-4), PlanActionStatus.Done);
        await world.ActionAsync(app, late.Id, world.HousingUser.Id, GroupWorld.Today.AddDays(6), PlanActionStatus.InProgress);
        await world.ActionAsync(app, onTime.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(6));
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var page = await client.GetDocumentAsync("/task-groups");

        var lateRow = Row(page, late.Id);
        Assert.Equal(("2", "3", "2 Overdue"), (Cell(lateRow, "members"), Cell(lateRow, "open-actions"), Cell(lateRow, "overdue-actions")));
        Assert.Contains("Review overdue", Cell(lateRow, "review"), StringComparison.Ordinal);
        Assert.Equal("Led by partner", Cell(lateRow, "led-by"));
        Assert.Contains(world.People.Police.Name, lateRow.TextContent, StringComparison.Ordinal);
        var onTimeRow = Row(page, onTime.Id);
        Assert.Equal(("1", "1", "0"), (Cell(onTimeRow, "members"), Cell(onTimeRow, "open-actions"), Cell(onTimeRow, "overdue-actions")));
        Assert.DoesNotContain("overdue", Cell(onTimeRow, "review"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_group_page_flags_overdue_actions_and_an_overdue_review()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, reviewOn: GroupWorld.Today.AddDays(-1));
        var overdue = await world.ActionAsync(app, group.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(-1), description: "Overdue patrols");
        var due = await world.ActionAsync(app, group.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(1), description: "Patrols next week");
        var done = await world.ActionAsync(app, group.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(-9), PlanActionStatus.Done, "Old leaflets");

        var page = await app.ClientFor(world.People.PoliceUser.Id).GetDocumentAsync($"/task-groups/{group.Id}");

        Assert.Contains("Review overdue", page.QuerySelector("[data-testid=review]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 overdue action", page.QuerySelector("[data-testid=tags]")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("[data-testid=actions] tbody tr").Select(r => r.GetAttribute("data-testid")).ToList();
        Assert.Equal([$"action-{overdue.Id}", $"action-{due.Id}", $"action-{done.Id}"], rows);
        Assert.NotNull(page.QuerySelector($"[data-testid=action-{overdue.Id}] [data-testid=overdue]"));
        Assert.Null(page.QuerySelector($"[data-testid=action-{due.Id}] [data-testid=overdue]"));
        Assert.Null(page.QuerySelector($"[data-testid=action-{done.Id}] [data-testid=overdue]"));
        Assert.Equal($"/actions/{overdue.Id}", page.QuerySelector($"[data-testid=action-{overdue.Id}] a")!.GetAttribute("href"));
        Assert.Contains(world.People.Police.Name, page.QuerySelector($"[data-testid=action-{overdue.Id}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_area_and_status_with_active_groups_by_default()
    {
        var world = await GroupWorld.CreateAsync(app);
        var activeA = await world.GroupAsync(app);
        var closedA = await world.GroupAsync(app);
        var activeB = await world.GroupAsync(app, areaId: world.AreaB);
        await app.WithDbAsync(async db =>
        {
            var group = await db.TaskGroups.FindAsync(closedA.Id);
            group!.Close("Finished", [], world.People.AreaManagerA.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var active = GroupWorld.Names(await client.GetDocumentAsync($"/task-groups?AreaId={world.AreaA}"));
        var closed = GroupWorld.Names(await client.GetDocumentAsync($"/task-groups?AreaId={world.AreaA}&Status=closed"));
        var all = GroupWorld.Names(await client.GetDocumentAsync($"/task-groups?AreaId={world.AreaA}&Status=all"));
        var areaB = GroupWorld.Names(await client.GetDocumentAsync($"/task-groups?AreaId={world.AreaB}"));
        var none = await client.GetDocumentAsync($"/task-groups?AreaId={world.AreaA}&Overdue=true");

        Assert.Equal([activeA.Name], active);
        Assert.Equal([closedA.Name], closed);
        Assert.Equal(new[] { activeA.Name, closedA.Name }.Order(StringComparer.Ordinal), all);
        Assert.Equal([activeB.Name], areaB);
        Assert.NotNull(none.QuerySelector("[data-testid=no-task-groups]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/task-groups?AreaId=abc&Status=nonsense&Page=99", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_needs_attention_filter_keeps_groups_with_overdue_actions_or_reviews()
    {
        var world = await GroupWorld.CreateAsync(app);
        var lateReview = await world.GroupAsync(app, reviewOn: GroupWorld.Today.AddDays(-1));
        var lateAction = await world.GroupAsync(app);
        var fine = await world.GroupAsync(app);
        await world.ActionAsync(app, lateAction.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(-1));
        await world.ActionAsync(app, fine.Id, world.People.PoliceUser.Id, GroupWorld.Today.AddDays(-1), PlanActionStatus.Done);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var names = GroupWorld.Names(await client.GetDocumentAsync($"/task-groups?AreaId={world.AreaA}&Overdue=true"));

        Assert.Equal(new[] { lateReview.Name, lateAction.Name }.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task The_list_runs_the_same_number_of_queries_for_3_groups_as_for_12()
    {
        var world = await GroupWorld.CreateAsync(app);
        async Task AddGroupsAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var group = await world.GroupAsync(app, members: [world.HousingUser]);
                await world.ActionAsync(app, group.Id, world.HousingUser.Id, GroupWorld.Today.AddDays(-1));
            }
        }

        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/task-groups?AreaId={world.AreaA}";
        await AddGroupsAsync(3);
        await client.GetDocumentAsync(url);
        app.Commands.Reset();
        Assert.Equal(3, GroupWorld.Names(await client.GetDocumentAsync(url)).Count);
        var forThree = app.Commands.Count;

        await AddGroupsAsync(9);
        app.Commands.Reset();
        Assert.Equal(12, GroupWorld.Names(await client.GetDocumentAsync(url)).Count);

        Assert.Equal(forThree, app.Commands.Count);
    }

    [Fact]
    public async Task The_list_pages_by_25_sorted_by_name()
    {
        var world = await GroupWorld.CreateAsync(app);
        for (var i = 0; i < 27; i++)
        {
            await world.GroupAsync(app, name: $"Group {i:00} {Guid.NewGuid():N}");
        }

        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var first = await client.GetDocumentAsync($"/task-groups?AreaId={world.AreaA}");
        var second = await client.GetDocumentAsync($"/task-groups?AreaId={world.AreaA}&page=2");

        var firstNames = GroupWorld.Names(first);
        Assert.Equal(25, firstNames.Count);
        Assert.StartsWith("Group 00", firstNames[0], StringComparison.Ordinal);
        Assert.Equal(2, GroupWorld.Names(second).Count);
        Assert.StartsWith("Group 26", GroupWorld.Names(second)[1], StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector(".govuk-pagination"));
    }

    private static IElement Row(AngleSharp.Html.Dom.IHtmlDocument page, int id) =>
        page.QuerySelector($"[data-testid=task-group-{id}]") ?? throw new InvalidOperationException($"No row for task group {id}");

    private static string Cell(IElement row, string testId) => IssueWorld.Text(row.QuerySelector($"[data-testid={testId}]")!.TextContent);
}
