using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.TaskGroups;
using static AreaPartnerships.IntegrationTests.Actions.ActionWorld;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Actions;

/// <summary>Who may see and change an action, per role: see, not see (404), see but not change (403), change.</summary>
public sealed class ActionAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_member_who_does_not_own_the_action_may_see_it_but_not_update_or_change_it()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app);
        var other = app.ClientFor(world.OtherMember.Id);

        var page = await other.GetDocumentAsync($"/actions/{action.Id}");
        Assert.Null(page.QuerySelector($"a[href='/actions/{action.Id}/update']"));
        Assert.Null(page.QuerySelector($"a[href='/actions/{action.Id}/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri($"/actions/{action.Id}/update", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri($"/actions/{action.Id}/edit", UriKind.Relative))).StatusCode);

        var update = await ForgeActionPostAsync(app, other, action.Id, $"/actions/{action.Id}/update", [new("Status", "Done"), new("Text", "Done it")]);
        var edit = await ForgeActionPostAsync(app, other, action.Id, $"/actions/{action.Id}/edit",
            [new("Description", "Hijacked"), new("OwnerId", Id(world.OtherMember.Id)), .. Due(Today.AddDays(3))]);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (update.StatusCode, edit.StatusCode));
        var stored = await StoredActionAsync(app, action.Id);
        Assert.Equal((PlanActionStatus.NotStarted, world.Member.Id), (stored.Status, stored.OwnerId));
        Assert.Empty(await UpdatesAsync(app, action.Id));
    }

    [Fact]
    public async Task The_lead_may_update_and_change_any_action_in_the_group()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app);
        var lead = app.ClientFor(world.Lead.Id);

        var page = await lead.GetDocumentAsync($"/actions/{action.Id}");
        Assert.NotNull(page.QuerySelector($"a[href='/actions/{action.Id}/update']"));
        Assert.NotNull(page.QuerySelector($"a[href='/actions/{action.Id}/edit']"));
        var response = await PostWithVersionAsync(lead, $"/actions/{action.Id}/update", [new("Status", "InProgress"), new("Text", "Chased the owner")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(world.Lead.Id, Assert.Single(await UpdatesAsync(app, action.Id)).ById);
    }

    [Theory]
    [InlineData("SupportOfficerA")]
    [InlineData("AreaManagerA")]
    [InlineData("PartnershipManager")]
    public async Task Officers_for_the_area_may_update_an_action_without_being_members(string who)
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app);
        var user = who switch
        {
            "SupportOfficerA" => world.People.SupportOfficerA,
            "AreaManagerA" => world.People.AreaManagerA,
            _ => world.People.PartnershipManager,
        };
        var client = app.ClientFor(user.Id);

        var page = await client.GetDocumentAsync($"/actions/{action.Id}");
        Assert.Contains(world.Member.DisplayName, page.QuerySelector("[data-testid=owner]")!.TextContent, StringComparison.Ordinal);
        var response = await PostWithVersionAsync(client, $"/actions/{action.Id}/update", [new("Status", "Blocked"), new("Text", "Chased"), new("Reason", "Waiting for the landlord")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PlanActionStatus.Blocked, (await StoredActionAsync(app, action.Id)).Status);
        Assert.Equal(user.Id, (await GroupEventsAsync(app, world.Group.Id)).Last().ActorId);
    }

    [Fact]
    public async Task A_partner_who_is_not_a_member_gets_not_found_and_never_sees_the_action_on_their_page()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app);
        var outsider = app.ClientFor(world.Outsider.Id);

        foreach (var url in new[] { $"/actions/{action.Id}", $"/actions/{action.Id}/update", $"/actions/{action.Id}/edit", $"/task-groups/{world.Group.Id}/actions/new" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        var update = await ForgeActionPostAsync(app, outsider, action.Id, $"/actions/{action.Id}/update", [new("Status", "Done"), new("Text", "Done it")]);
        var added = await outsider.PostFormAsync("/", [new("Description", "Sneaky"), new("OwnerId", Id(world.Outsider.Id)), .. Due(Today.AddDays(3))],
            $"/task-groups/{world.Group.Id}/actions/new");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (update.StatusCode, added.StatusCode));
        Assert.Equal(PlanActionStatus.NotStarted, (await StoredActionAsync(app, action.Id)).Status);
        var mine = await outsider.GetDocumentAsync("/my-actions");
        Assert.NotNull(mine.QuerySelector("[data-testid=no-open-actions]"));
        Assert.NotNull(mine.QuerySelector("[data-testid=no-groups]"));
        Assert.DoesNotContain(action.Description, mine.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_who_leaves_the_group_no_longer_sees_its_actions()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app);
        var owner = app.ClientFor(world.Member.Id);
        Assert.NotNull((await owner.GetDocumentAsync("/my-actions")).QuerySelector($"[data-testid=open-actions] tr[data-action-id='{action.Id}']"));

        await RemoveMemberAsync(app, world.Group.Id, world.Member, world.People.AreaManagerA.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(new Uri($"/actions/{action.Id}", UriKind.Relative))).StatusCode);
        Assert.Null((await owner.GetDocumentAsync("/my-actions")).QuerySelector($"tr[data-action-id='{action.Id}']"));
    }

    [Fact]
    public async Task Another_areas_manager_gets_not_found()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app);
        var other = app.ClientFor(world.People.AreaManagerB.Id);

        foreach (var url in new[] { $"/actions/{action.Id}", $"/actions/{action.Id}/update", $"/actions/{action.Id}/edit", $"/task-groups/{world.Group.Id}/actions/new" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        var update = await ForgeActionPostAsync(app, other, action.Id, $"/actions/{action.Id}/update", [new("Status", "Done"), new("Text", "Done it")]);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Empty(await UpdatesAsync(app, action.Id));
    }

    [Theory]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.Administrator)]
    public async Task Councillors_and_administrators_are_refused_every_action_page(string role)
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app);
        var user = role == Roles.Councillor ? world.People.CouncillorA1 : await app.Data.CreateUserAsync(Roles.Administrator);
        var client = app.ClientFor(user.Id);

        foreach (var url in new[] { "/my-actions", $"/actions/{action.Id}", $"/actions/{action.Id}/update", $"/actions/{action.Id}/edit", $"/task-groups/{world.Group.Id}/actions/new" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        var update = await ForgeActionPostAsync(app, client, action.Id, $"/actions/{action.Id}/update", [new("Status", "Done"), new("Text", "Done it")]);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Empty(await UpdatesAsync(app, action.Id));
    }

    [Fact]
    public async Task An_action_that_does_not_exist_is_not_found()
    {
        var world = await ActionWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/actions/999999", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/task-groups/999999/actions/new", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_partner_without_a_confidentiality_agreement_sees_a_confidential_linked_issue_only_by_its_reference()
    {
        var world = await ActionWorld.CreateAsync(app);
        var group = world.Group;
        var confidential = await world.People.IssueAsync(app, issue =>
        {
            world.People.AtLevel2(issue);
            issue.LinkToTaskGroup(group.Id, group.Name, group.AreaId, world.People.AreaManagerA.Id, DateTime.UtcNow);
        }, confidential: true);
        var action = await app.WithDbAsync(async db =>
        {
            var a = new PlanAction("Work with the family", world.Member.Id, Today.AddDays(7), group.Id, null, confidential.Id);
            db.PlanActions.Add(a);
            await db.SaveChangesAsync();
            return a;
        });

        var page = await app.ClientFor(world.Member.Id).GetDocumentAsync($"/actions/{action.Id}");

        var issue = page.QuerySelector("[data-testid=issue]")!;
        Assert.Null(issue.QuerySelector("a"));
        Assert.Contains(confidential.Reference, issue.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(confidential.Title, issue.TextContent, StringComparison.Ordinal);
    }
}
