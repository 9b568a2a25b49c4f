using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Issues;

namespace AreaPartnerships.IntegrationTests.TaskGroups;

/// <summary>Who sees a task group, and who may change it: one test per role, for the list, the page and every change.</summary>
public sealed class TaskGroupAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] ManagerPages = ["edit", "close"];

    [Fact]
    public async Task Partnership_manager_sees_and_manages_any_group()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, areaId: world.AreaB);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        Assert.Contains(group.Name, GroupWorld.Names(await client.GetDocumentAsync("/task-groups")));
        var page = await client.GetDocumentAsync($"/task-groups/{group.Id}");
        AssertManages(page);
        foreach (var manager in ManagerPages)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url($"/task-groups/{group.Id}/{manager}"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url("/task-groups/new"))).StatusCode);
        var added = await client.PostFormAsync($"/task-groups/{group.Id}", [new("UserId", GroupWorld.Id(world.HousingUser.Id))], $"/task-groups/{group.Id}/members");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True((await GroupWorld.StoredAsync(app, group.Id)).HasMember(world.HousingUser.Id));
    }

    [Fact]
    public async Task The_areas_area_manager_sees_and_manages_its_groups()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        Assert.Contains(group.Name, GroupWorld.Names(await client.GetDocumentAsync("/task-groups")));
        AssertManages(await client.GetDocumentAsync($"/task-groups/{group.Id}"));
        foreach (var manager in ManagerPages)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url($"/task-groups/{group.Id}/{manager}"))).StatusCode);
        }

        var added = await client.PostFormAsync($"/task-groups/{group.Id}", [new("UserId", GroupWorld.Id(world.HousingUser.Id))], $"/task-groups/{group.Id}/members");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True((await GroupWorld.StoredAsync(app, group.Id)).HasMember(world.HousingUser.Id));
    }

    [Fact]
    public async Task Another_areas_manager_finds_nothing_and_changes_nothing()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.AreaManagerB.Id);

        Assert.DoesNotContain(group.Name, GroupWorld.Names(await client.GetDocumentAsync("/task-groups?Status=all")));
        await AssertNotFoundEverywhereAsync(client, group);
    }

    [Fact]
    public async Task The_areas_support_officer_sees_the_group_and_may_add_actions_but_not_manage_it()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.SupportOfficerA.Id);

        Assert.Contains(group.Name, GroupWorld.Names(await client.GetDocumentAsync("/task-groups")));
        var page = await client.GetDocumentAsync($"/task-groups/{group.Id}");
        AssertDoesNotManage(page);
        Assert.NotNull(page.QuerySelector("[data-testid=add-action]"));
        Assert.Null(page.QuerySelector("a[href='/task-groups/new']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url("/task-groups/new"))).StatusCode);
        await AssertRefusedEverywhereAsync(client, world, group);
    }

    [Fact]
    public async Task A_member_partner_sees_the_group_and_may_add_actions_but_not_manage_it()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, members: [world.HousingUser]);
        var client = app.ClientFor(world.HousingUser.Id);

        Assert.Equal([group.Name], GroupWorld.Names(await client.GetDocumentAsync("/task-groups")));
        var page = await client.GetDocumentAsync($"/task-groups/{group.Id}");
        AssertDoesNotManage(page);
        Assert.NotNull(page.QuerySelector("[data-testid=add-action]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url("/task-groups/new"))).StatusCode);
        await AssertRefusedEverywhereAsync(client, world, group);
    }

    [Fact]
    public async Task The_partner_who_leads_the_group_sees_it_but_does_not_manage_it()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.PoliceUser.Id);

        var page = await client.GetDocumentAsync($"/task-groups/{group.Id}");
        AssertDoesNotManage(page);
        Assert.NotNull(page.QuerySelector("[data-testid=add-action]"));
        await AssertRefusedEverywhereAsync(client, world, group);
    }

    [Fact]
    public async Task A_partner_who_is_not_a_member_finds_nothing_and_the_list_leaves_the_group_out()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var theirs = await world.GroupAsync(app, members: [world.HousingUser]);
        var client = app.ClientFor(world.HousingUser.Id);

        var list = GroupWorld.Names(await client.GetDocumentAsync("/task-groups?Status=all"));
        Assert.Equal([theirs.Name], list);
        await AssertNotFoundEverywhereAsync(client, group);
    }

    [Theory]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.Administrator)]
    public async Task Councillors_and_administrators_have_no_task_groups(string role)
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var user = role == Roles.Councillor ? world.People.CouncillorA1 : world.Administrator;
        var client = app.ClientFor(user.Id);

        foreach (var url in new[] { "/task-groups", "/task-groups/new", $"/task-groups/{group.Id}", $"/task-groups/{group.Id}/edit", $"/task-groups/{group.Id}/close" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url(url))).StatusCode);
        }

        var forged = await client.PostFormAsync("/", [new("UserId", GroupWorld.Id(user.Id))], $"/task-groups/{group.Id}/members");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False((await GroupWorld.StoredAsync(app, group.Id)).HasMember(user.Id));
    }

    private static void AssertManages(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        Assert.NotNull(page.QuerySelector("[data-testid=change-group]"));
        Assert.NotNull(page.QuerySelector("[data-testid=close-group]"));
        Assert.NotNull(page.QuerySelector("[data-testid=add-member]"));
        Assert.NotNull(page.QuerySelector("[data-testid=link-issue]"));
    }

    private static void AssertDoesNotManage(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        Assert.NotNull(page.QuerySelector("[data-testid=group-summary]"));
        Assert.Null(page.QuerySelector("[data-testid=change-group]"));
        Assert.Null(page.QuerySelector("[data-testid=close-group]"));
        Assert.Null(page.QuerySelector("[data-testid=add-member]"));
        Assert.Null(page.QuerySelector("[data-testid=link-issue]"));
        Assert.Empty(page.QuerySelectorAll("form[action$='/remove'], form[action$='/unlink']"));
    }

    /// <summary>Sees the group (so the page gives a token) but every change is refused with 403, and nothing changes.</summary>
    private async Task AssertRefusedEverywhereAsync(HttpClient client, GroupWorld world, TaskGroup group)
    {
        var pageUrl = $"/task-groups/{group.Id}";
        foreach (var manager in ManagerPages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url($"{pageUrl}/{manager}"))).StatusCode);
        }

        var issue = await world.People.IssueAsync(app, world.People.AtLevel2);
        var version = group.Version.ToString();
        var posts = new (string Url, KeyValuePair<string, string>[] Fields)[]
        {
            ($"{pageUrl}/edit", [new("Name", "Taken over"), new("LeadUserId", GroupWorld.Id(world.People.PoliceUser.Id)), .. GroupWorld.Date("Review", GroupWorld.Today.AddDays(9)), new("Version", version)]),
            ($"{pageUrl}/members", [new("UserId", GroupWorld.Id(world.People.CleansingUser.Id))]),
            ($"{pageUrl}/members/{world.People.PoliceUser.Id}/remove", []),
            ($"{pageUrl}/issues", [new("IssueReference", issue.Reference)]),
            ($"{pageUrl}/close", [new("ClosingSummary", "Closed by the wrong person"), new("Version", version)]),
            ($"{pageUrl}/edit", [new("Name", ""), new("Version", version)]),
        };
        foreach (var (url, fields) in posts)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(pageUrl, fields, url)).StatusCode);
        }

        var stored = await GroupWorld.StoredAsync(app, group.Id);
        Assert.Equal((group.Name, TaskGroupStatus.Active), (stored.Name, stored.Status));
        Assert.False(stored.HasMember(world.People.CleansingUser.Id));
        Assert.Null((await IssueWorld.StoredAsync(app, issue.Id)).TaskGroupId);
    }

    /// <summary>Every page and change of the group is "not found" (tokens from the home page), and nothing changes.</summary>
    private async Task AssertNotFoundEverywhereAsync(HttpClient client, TaskGroup group)
    {
        var pageUrl = $"/task-groups/{group.Id}";
        foreach (var url in new[] { pageUrl, $"{pageUrl}/edit", $"{pageUrl}/close" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(url))).StatusCode);
        }

        var version = group.Version.ToString();
        var posts = new (string Url, KeyValuePair<string, string>[] Fields)[]
        {
            ($"{pageUrl}/edit", [new("Name", "Taken over"), new("Version", version)]),
            ($"{pageUrl}/members", [new("UserId", "1")]),
            ($"{pageUrl}/members/{group.LeadUserId}/remove", []),
            ($"{pageUrl}/issues", [new("IssueReference", "AP-2099-00001")]),
            ($"{pageUrl}/issues/AP-2099-00001/unlink", []),
            ($"{pageUrl}/close", [new("ClosingSummary", "Closed by the wrong person"), new("Version", version)]),
        };
        foreach (var (url, fields) in posts)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/", fields, url)).StatusCode);
        }

        var stored = await GroupWorld.StoredAsync(app, group.Id);
        Assert.Equal((group.Name, TaskGroupStatus.Active, 1), (stored.Name, stored.Status, stored.Members.Count));
    }

    private static Uri Url(string url) => new(url, UriKind.Relative);
}
