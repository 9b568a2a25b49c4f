using AreaPartnerships.Domain.TaskGroups;
using static AreaPartnerships.IntegrationTests.Actions.ActionWorld;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Actions;

public sealed class EditActionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ConflictMiddle = " while you were editing it, so your changes have not been saved.";

    [Fact]
    public async Task The_lead_gives_an_action_to_another_member_with_a_new_date_and_the_timelines_show_old_and_new()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, "Visit the six households");
        var lead = app.ClientFor(world.Lead.Id);
        var url = $"/actions/{action.Id}/edit";
        var newDue = Today.AddDays(21);

        var form = await lead.GetDocumentAsync(url);
        Assert.Equal("Visit the six households", form.QuerySelector("textarea[name=Description]")!.TextContent.Trim());
        Assert.NotNull(form.QuerySelector($"select[name=OwnerId] option[value='{world.Member.Id}'][selected]"));
        Assert.Equal(Id(Today.AddDays(7).Day), form.QuerySelector("input[name=DueDay]")!.GetAttribute("value"));
        var response = await PostWithVersionAsync(lead, url,
            [new("Description", "Visit the six households"), new("OwnerId", Id(world.OtherMember.Id)), .. Due(newDue), new("IssueId", Id(world.Issue.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredActionAsync(app, action.Id);
        Assert.Equal((world.OtherMember.Id, newDue), (stored.OwnerId, stored.DueOn));
        var groupEvent = (await GroupEventsAsync(app, world.Group.Id)).Last();
        Assert.Equal(("Action ‘Visit the six households’ changed", (int?)action.Id), (groupEvent.Summary, groupEvent.PlanActionId));
        Assert.Contains($"Owner: {world.Member.DisplayName} ({world.People.Cleansing.Name}) → {world.OtherMember.DisplayName}", groupEvent.Body, StringComparison.Ordinal);
        Assert.Contains($"Due: {UkDate(Today.AddDays(7))} → {UkDate(newDue)}", groupEvent.Body, StringComparison.Ordinal);
        var issueEvent = (await EventsAsync(app, world.Issue.Id)).Last();
        Assert.Equal(groupEvent.Body, issueEvent.Body);
        Assert.Contains("Action changed", (await lead.GetDocumentAsync($"/actions/{action.Id}")).QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_changes_their_own_action_but_cannot_give_it_away()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, "Visit the six households");
        var owner = app.ClientFor(world.Member.Id);
        var url = $"/actions/{action.Id}/edit";

        Assert.Single((await owner.GetDocumentAsync(url)).QuerySelectorAll("select[name=OwnerId] option"));
        var givenAway = await PostWithVersionAsync(owner, url, [new("Description", "Visit the six households"), new("OwnerId", Id(world.OtherMember.Id)), .. Due(Today.AddDays(7))]);
        Assert.Equal(HttpStatusCode.Forbidden, givenAway.StatusCode);

        var changed = await PostWithVersionAsync(owner, url, [new("Description", "Visit the six households with the PCSO"), new("OwnerId", Id(world.Member.Id)), .. Due(Today.AddDays(9)), new("IssueId", "")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var stored = await StoredActionAsync(app, action.Id);
        Assert.Equal(("Visit the six households with the PCSO", world.Member.Id, Today.AddDays(9), (int?)null), (stored.Description, stored.OwnerId, stored.DueOn, stored.IssueId));
        var issueEvent = (await EventsAsync(app, world.Issue.Id)).Last();
        Assert.Equal("Action ‘Visit the six households with the PCSO’ no longer serves this issue", issueEvent.Summary);
    }

    [Fact]
    public async Task An_overdue_action_can_be_reworded_without_moving_its_date_but_not_moved_into_the_past()
    {
        var world = await ActionWorld.CreateAsync(app);
        var pastDue = Today.AddDays(-5);
        var action = await world.ActionAsync(app, "Visit", dueOn: pastDue);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/actions/{action.Id}/edit";

        var reworded = await PostWithVersionAsync(manager, url, [new("Description", "Visit again"), new("OwnerId", Id(world.Member.Id)), .. Due(pastDue), new("IssueId", Id(world.Issue.Id))]);
        Assert.Equal(HttpStatusCode.Redirect, reworded.StatusCode);

        var moved = await PostWithVersionAsync(manager, url, [new("Description", "Visit again"), new("OwnerId", Id(world.Member.Id)), .. Due(pastDue.AddDays(1)), new("IssueId", Id(world.Issue.Id))]);
        var page = await Html.ReadAsync(moved);
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(["The due date must be today or in the future"], Html.ErrorSummary(page));
        Assert.Equal(Id(pastDue.AddDays(1).Day), page.QuerySelector("input[name=DueDay]")!.GetAttribute("value"));
        Assert.Equal(("Visit again", pastDue), ((await StoredActionAsync(app, action.Id)).Description, (await StoredActionAsync(app, action.Id)).DueOn));
    }

    [Fact]
    public async Task A_done_action_can_no_longer_be_changed()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, "Visit", then: world.Marked(PlanActionStatus.Done));
        var lead = app.ClientFor(world.Lead.Id);
        var url = $"/actions/{action.Id}/edit";

        Assert.Contains("This action is done", (await lead.GetDocumentAsync(url)).QuerySelector("[data-testid=refusal]")!.TextContent, StringComparison.Ordinal);
        var response = await ForgeActionPostAsync(app, lead, action.Id, url, [new("Description", "Visit again"), new("OwnerId", Id(world.Member.Id)), .. Due(Today.AddDays(3))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This action is done: it can no longer be changed", Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.Equal("Visit", (await StoredActionAsync(app, action.Id)).Description);
    }

    [Fact]
    public async Task A_change_from_a_stale_form_is_refused_with_the_other_change_kept_and_the_typed_values_kept()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, "Visit");
        var lead = app.ClientFor(world.Lead.Id);
        var owner = app.ClientFor(world.Member.Id);
        var url = $"/actions/{action.Id}/edit";
        var staleVersion = VersionOn(await lead.GetDocumentAsync(url));

        var update = await PostWithVersionAsync(owner, $"/actions/{action.Id}/update", [new("Status", "InProgress"), new("Text", "Started")]);
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        var refused = await lead.PostFormAsync(url, [new("Description", "Visit with housing"), new("OwnerId", Id(world.Member.Id)), .. Due(Today.AddDays(4)), new("Version", staleVersion)]);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var conflict = Assert.Single(Html.ErrorSummary(page));
        Assert.StartsWith($"{world.Member.DisplayName} changed this action at ", conflict, StringComparison.Ordinal);
        Assert.Contains(ConflictMiddle, conflict, StringComparison.Ordinal);
        Assert.Contains("status in progress", conflict, StringComparison.Ordinal);
        Assert.Equal("Visit with housing", page.QuerySelector("textarea[name=Description]")!.TextContent.Trim());
        var stored = await StoredActionAsync(app, action.Id);
        Assert.Equal(("Visit", PlanActionStatus.InProgress), (stored.Description, stored.Status));
        Assert.Equal(stored.Version.ToString(), VersionOn(page));
    }

    private static string UkDate(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
