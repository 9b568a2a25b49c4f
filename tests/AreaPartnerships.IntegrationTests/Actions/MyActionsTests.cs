using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.TaskGroups;
using static AreaPartnerships.IntegrationTests.Actions.ActionWorld;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Actions;

public sealed class MyActionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Open_actions_come_overdue_first_then_by_due_date_with_finished_ones_apart()
    {
        var world = await ActionWorld.CreateAsync(app);
        var inAWeek = await world.ActionAsync(app, "Due in a week", dueOn: Today.AddDays(7));
        var lateByThree = await world.ActionAsync(app, "Three days late", dueOn: Today.AddDays(-3), then: world.Marked(PlanActionStatus.InProgress));
        var dueToday = await world.ActionAsync(app, "Due today", dueOn: Today);
        var lateByOne = await world.ActionAsync(app, "One day late", dueOn: Today.AddDays(-1), then: world.Marked(PlanActionStatus.Blocked, "Waiting"));
        var done = await world.ActionAsync(app, "Finished", dueOn: Today.AddDays(-10), then: world.Marked(PlanActionStatus.Done));
        var cancelled = await world.ActionAsync(app, "Dropped", dueOn: Today.AddDays(-10), then: world.Marked(PlanActionStatus.Cancelled, "Not needed"));
        var someoneElses = await world.ActionAsync(app, "Not mine", ownerId: world.OtherMember.Id, dueOn: Today.AddDays(-20));

        var page = await app.ClientFor(world.Member.Id).GetDocumentAsync("/my-actions");

        var rows = page.QuerySelectorAll("[data-testid=open-actions] tbody tr").ToList();
        Assert.Equal([lateByThree.Id, lateByOne.Id, dueToday.Id, inAWeek.Id], rows.Select(r => int.Parse(r.GetAttribute("data-action-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList());
        Assert.Equal([true, true, false, false], rows.Select(r => r.QuerySelector("[data-testid=overdue]") is not null).ToList());
        Assert.Contains("2 of your actions are overdue", page.QuerySelector("[data-testid=overdue-warning]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/actions/{lateByThree.Id}/update?from=my-actions", rows[0].QuerySelector("a[href*='/update']")!.GetAttribute("href"));
        Assert.Equal(world.Group.Name, Text(rows[0].QuerySelectorAll("td")[1].TextContent));
        var completed = page.QuerySelectorAll("[data-testid=completed-actions] tbody tr").Select(r => r.GetAttribute("data-action-id")).ToList();
        Assert.Equal(new[] { Id(done.Id), Id(cancelled.Id) }.Order(StringComparer.Ordinal), completed.Order(StringComparer.Ordinal));
        Assert.Null(page.QuerySelector($"tr[data-action-id='{someoneElses.Id}']"));
    }

    [Fact]
    public async Task An_action_past_its_due_date_is_flagged_overdue_on_its_page_until_it_is_done()
    {
        var world = await ActionWorld.CreateAsync(app);
        var late = await world.ActionAsync(app, "Late", dueOn: Today.AddDays(-1), then: world.Marked(PlanActionStatus.InProgress));
        var dueToday = await world.ActionAsync(app, "Due today", dueOn: Today);
        var owner = app.ClientFor(world.Member.Id);

        Assert.NotNull((await owner.GetDocumentAsync($"/actions/{late.Id}")).QuerySelector("[data-testid=overdue]"));
        Assert.Null((await owner.GetDocumentAsync($"/actions/{dueToday.Id}")).QuerySelector("[data-testid=overdue]"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostWithVersionAsync(owner, $"/actions/{late.Id}/update", [new("Status", "Done"), new("Text", "Finished at last")])).StatusCode);
        Assert.Null((await owner.GetDocumentAsync($"/actions/{late.Id}")).QuerySelector("[data-testid=overdue]"));
        Assert.Null((await owner.GetDocumentAsync("/my-actions")).QuerySelector("[data-testid=overdue-warning]"));
    }

    [Fact]
    public async Task Updating_from_my_actions_takes_two_clicks_and_comes_back()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, "Visit", then: world.Marked(PlanActionStatus.InProgress));
        var owner = app.ClientFor(world.Member.Id);

        var mine = await owner.GetDocumentAsync("/my-actions");
        var link = mine.QuerySelector($"tr[data-action-id='{action.Id}'] a[href*='/update']")!.GetAttribute("href")!;
        var form = await owner.GetDocumentAsync(link);
        Assert.NotNull(form.QuerySelector("input[name=Status][value=InProgress][checked]"));
        var response = await owner.PostFormAsync(link, [new("Status", "InProgress"), new("Text", "Two more visited"), new("From", "my-actions"), new("Version", VersionOn(form))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/my-actions", response.Headers.Location!.OriginalString);
        Assert.Contains("Update saved", (await owner.GetDocumentAsync("/my-actions")).QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Two more visited", (await UpdatesAsync(app, action.Id)).Last().Text);
    }

    [Fact]
    public async Task My_task_groups_lists_active_groups_i_lead_or_belong_to_with_an_overdue_review_flagged()
    {
        var world = await ActionWorld.CreateAsync(app);
        var led = await app.WithDbAsync(async db =>
        {
            var group = new TaskGroup(world.People.AreaA, TestData.Unique("Worklessness among 16–24s"), null,
                new Lead(world.Member.Id, world.Member.DisplayName, world.People.Cleansing.Id, world.People.Cleansing.Name, IsPartner: true),
                Today.AddDays(-2), world.People.AreaManagerA.Id, DateTime.UtcNow);
            db.TaskGroups.Add(group);
            await db.SaveChangesAsync();
            return group;
        });
        var closed = await world.People.CreateTaskGroupAsync(app);
        await AddMemberAsync(app, closed.Id, world.Member, world.People.AreaManagerA.Id);
        await CloseAsync(app, closed.Id, world.People.AreaManagerA.Id);
        var notMine = await world.People.CreateTaskGroupAsync(app);

        var page = await app.ClientFor(world.Member.Id).GetDocumentAsync("/my-actions");

        var rows = page.QuerySelectorAll("[data-testid=my-groups] tbody tr").ToList();
        Assert.Equal([led.Id, world.Group.Id], rows.Select(r => int.Parse(r.GetAttribute("data-group-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList());
        Assert.Equal("Lead", Text(rows[0].QuerySelectorAll("td")[2].TextContent));
        Assert.Equal("Member", Text(rows[1].QuerySelectorAll("td")[2].TextContent));
        Assert.NotNull(rows[0].QuerySelector("[data-testid=review-overdue]"));
        Assert.Null(rows[1].QuerySelector("[data-testid=review-overdue]"));
        Assert.Equal($"/task-groups/{led.Id}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector($"tr[data-group-id='{closed.Id}']"));
        Assert.Null(page.QuerySelector($"tr[data-group-id='{notMine.Id}']"));
    }

    [Theory]
    [InlineData(Roles.PartnerUser)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.PartnershipManager)]
    public async Task Someone_with_nothing_to_do_sees_empty_states(string role)
    {
        var area = await app.Data.CreateAreaAsync();
        var user = await app.Data.CreateUserAsync(role, areaIds: role is Roles.AreaManager or Roles.SupportOfficer ? [area.Id] : null);

        var page = await app.ClientFor(user.Id).GetDocumentAsync("/my-actions");

        Assert.Equal("My actions", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=no-open-actions]"));
        Assert.NotNull(page.QuerySelector("[data-testid=no-groups]"));
        Assert.NotNull(page.QuerySelector("[data-testid=no-completed-actions]"));
        Assert.Null(page.QuerySelector("[data-testid=overdue-warning]"));
    }

    [Fact]
    public async Task The_partnership_manager_sees_their_own_actions_only()
    {
        var world = await ActionWorld.CreateAsync(app);
        await world.ActionAsync(app, "Not the partnership manager's");

        var page = await app.ClientFor(world.People.PartnershipManager.Id).GetDocumentAsync("/my-actions");

        Assert.NotNull(page.QuerySelector("[data-testid=no-open-actions]"));
    }
}
