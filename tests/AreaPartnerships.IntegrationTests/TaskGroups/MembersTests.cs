using AreaPartnerships.Domain.TaskGroups;

namespace AreaPartnerships.IntegrationTests.TaskGroups;

public sealed class MembersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_area_manager_adds_a_partner_from_another_organisation_and_then_removes_them()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var manager = world.People.AreaManagerA;
        var client = app.ClientFor(manager.Id);
        var page = $"/task-groups/{group.Id}";

        var before = await client.GetDocumentAsync(page);
        Assert.NotNull(before.QuerySelector($"#UserId option[value='{world.HousingUser.Id}']"));
        Assert.Null(before.QuerySelector($"#UserId option[value='{world.People.PoliceUser.Id}']"));
        Assert.Null(before.QuerySelector($"#UserId option[value='{world.People.AreaManagerB.Id}']"));
        var added = await client.PostFormAsync(page, [new("UserId", GroupWorld.Id(world.HousingUser.Id))], $"{page}/members");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await client.GetDocumentAsync(page);
        Assert.Equal($"{world.HousingUser.DisplayName} added to the group", GroupWorld.Banner(after));
        var row = after.QuerySelector($"[data-testid=member-{world.HousingUser.Id}]")!;
        Assert.Contains(world.Housing.Name, row.TextContent, StringComparison.Ordinal);
        Assert.True((await GroupWorld.StoredAsync(app, group.Id)).HasMember(world.HousingUser.Id));
        var joined = (await GroupWorld.EventsAsync(app, group.Id)).Last();
        Assert.Equal(($"{world.HousingUser.DisplayName} joined the group", manager.Id), (joined.Summary, joined.ActorId));
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(world.HousingUser.Id).GetAsync(new Uri(page, UriKind.Relative))).StatusCode);

        var removed = await client.PostFormAsync(page, [], $"{page}/members/{world.HousingUser.Id}/remove");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal($"{world.HousingUser.DisplayName} removed from the group", GroupWorld.Banner(await client.GetDocumentAsync(page)));
        Assert.False((await GroupWorld.StoredAsync(app, group.Id)).HasMember(world.HousingUser.Id));
        Assert.Equal($"{world.HousingUser.DisplayName} left the group", (await GroupWorld.EventsAsync(app, group.Id)).Last().Summary);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(world.HousingUser.Id).GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_lead_has_no_remove_button_and_a_forged_removal_is_refused_with_the_reason()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, members: [world.HousingUser]);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var page = $"/task-groups/{group.Id}";

        var document = await client.GetDocumentAsync(page);
        Assert.Null(document.QuerySelector($"[data-testid=member-{world.People.PoliceUser.Id}] form"));
        Assert.NotNull(document.QuerySelector($"[data-testid=member-{world.HousingUser.Id}] form"));
        var response = await client.PostFormAsync(page, [], $"{page}/members/{world.People.PoliceUser.Id}/remove");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"{world.People.PoliceUser.DisplayName} leads the group: choose another lead before removing them"], Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.True((await GroupWorld.StoredAsync(app, group.Id)).HasMember(world.People.PoliceUser.Id));
    }

    [Fact]
    public async Task Adding_someone_already_a_member_or_not_on_the_list_is_refused_with_a_message()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, members: [world.HousingUser]);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var page = $"/task-groups/{group.Id}";

        var twice = await client.PostFormAsync(page, [new("UserId", GroupWorld.Id(world.HousingUser.Id))], $"{page}/members");
        var otherArea = await client.PostFormAsync(page, [new("UserId", GroupWorld.Id(world.People.AreaManagerB.Id))], $"{page}/members");
        var nobody = await client.PostFormAsync(page, [new("UserId", "")], $"{page}/members");

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal([$"{world.HousingUser.DisplayName} is already a member"], Html.ErrorSummary(await Html.ReadAsync(twice)));
        Assert.Equal(HttpStatusCode.BadRequest, otherArea.StatusCode);
        Assert.Equal(["Select who to add from the list: partners, or the area manager and support officers of the group's area"], Html.ErrorSummary(await Html.ReadAsync(otherArea)));
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Equal(["Select who to add to the group"], Html.ErrorSummary(await Html.ReadAsync(nobody)));
        Assert.Equal(2, (await GroupWorld.StoredAsync(app, group.Id)).Members.Count);
    }

    [Fact]
    public async Task Removing_someone_who_is_not_a_member_is_not_found()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await client.PostFormAsync($"/task-groups/{group.Id}", [], $"/task-groups/{group.Id}/members/{world.HousingUser.Id}/remove");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_closed_groups_members_cannot_change()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, members: [world.HousingUser]);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var page = $"/task-groups/{group.Id}";
        await CloseAsync(client, group.Id);

        var document = await client.GetDocumentAsync(page);
        Assert.Null(document.QuerySelector("[data-testid=add-member]"));
        var add = await client.PostFormAsync(page, [new("UserId", GroupWorld.Id(world.People.CleansingUser.Id))], $"{page}/members");
        var remove = await client.PostFormAsync(page, [], $"{page}/members/{world.HousingUser.Id}/remove");

        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Equal(["This task group is closed: it cannot be changed"], Html.ErrorSummary(await Html.ReadAsync(add)));
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
        var stored = await GroupWorld.StoredAsync(app, group.Id);
        Assert.Equal((TaskGroupStatus.Closed, 2), (stored.Status, stored.Members.Count));
    }

    private static async Task CloseAsync(HttpClient client, int groupId)
    {
        var closed = await client.PostFormAsync($"/task-groups/{groupId}/close",
            [new("ClosingSummary", "Finished"), new("Version", Issues.IssueWorld.VersionOn(await client.GetDocumentAsync($"/task-groups/{groupId}/close")))]);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
    }
}
