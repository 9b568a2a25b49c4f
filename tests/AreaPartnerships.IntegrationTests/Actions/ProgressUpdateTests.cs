using AreaPartnerships.Domain.TaskGroups;
using static AreaPartnerships.IntegrationTests.Actions.ActionWorld;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Actions;

public sealed class ProgressUpdateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ConflictMiddle = " while you were editing it, so your changes have not been saved.";

    [Fact]
    public async Task The_owner_posts_an_update_that_lands_on_the_action_the_group_timeline_and_the_issue_timeline()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, "Visit the six households on Williams Street");
        var owner = app.ClientFor(world.Member.Id);
        var url = $"/actions/{action.Id}/update";

        var form = await owner.GetDocumentAsync(url);
        Assert.NotNull(form.QuerySelector("input[name=Status][value=NotStarted][checked]"));
        var response = await PostWithVersionAsync(owner, url, [new("Status", "InProgress"), new("Text", "Visited four of the six"), new("Reason", "")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/actions/{action.Id}", response.Headers.Location!.OriginalString);
        var stored = await StoredActionAsync(app, action.Id);
        Assert.Equal(PlanActionStatus.InProgress, stored.Status);
        var update = Assert.Single(await UpdatesAsync(app, action.Id));
        Assert.Equal(("Visited four of the six", world.Member.Id, (PlanActionStatus?)PlanActionStatus.InProgress), (update.Text, update.ById, update.NewStatus));

        var groupEvent = (await GroupEventsAsync(app, world.Group.Id)).Last();
        Assert.Equal((action.Id, world.Member.Id), (groupEvent.PlanActionId!.Value, groupEvent.ActorId));
        Assert.Equal("Action ‘Visit the six households on Williams Street’ now in progress", groupEvent.Summary);
        Assert.Equal("Visited four of the six", groupEvent.Body);

        var issuePage = await app.ClientFor(world.People.AreaManagerA.Id).GetDocumentAsync($"/issues/{world.Issue.Reference}");
        var entry = Timeline(issuePage)[0];
        Assert.StartsWith("Action ‘Visit the six households on Williams Street’ now in progress", entry.Title, StringComparison.Ordinal);
        Assert.Equal($"by {world.Member.DisplayName}", entry.Byline);
        Assert.Contains("Visited four of the six", entry.Description, StringComparison.Ordinal);

        var page = await owner.GetDocumentAsync($"/actions/{action.Id}");
        Assert.Contains("Update saved", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("In progress", page.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        var history = Text(page.QuerySelector("[data-testid=history]")!.TextContent);
        Assert.Contains("Status changed to in progress", history, StringComparison.Ordinal);
        Assert.Contains($"by {world.Member.DisplayName}", history, StringComparison.Ordinal);
        Assert.Contains("Visited four of the six", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blocking_an_action_keeps_the_reason_on_the_action_and_both_timelines()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.InProgress));
        var owner = app.ClientFor(world.Member.Id);

        var response = await PostWithVersionAsync(owner, $"/actions/{action.Id}/update", [new("Status", "Blocked"), new("Text", ""), new("Reason", "Waiting for the landlord")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredActionAsync(app, action.Id);
        Assert.Equal((PlanActionStatus.Blocked, "Waiting for the landlord"), (stored.Status, stored.StatusReason));
        var groupEvent = (await GroupEventsAsync(app, world.Group.Id)).Last();
        Assert.EndsWith("now blocked", groupEvent.Summary, StringComparison.Ordinal);
        Assert.Equal("Blocked by: Waiting for the landlord", groupEvent.Body);
        var issueEvent = (await EventsAsync(app, world.Issue.Id)).Last();
        Assert.Equal(("Blocked by: Waiting for the landlord", world.Member.Id), (issueEvent.Body, issueEvent.ActorId));
        var page = await owner.GetDocumentAsync($"/actions/{action.Id}");
        Assert.Equal("Blocked by: Waiting for the landlord", Text(page.QuerySelector("[data-testid=status-reason]")!.TextContent));

        // Once it moves on, the action's history still says what blocked it.
        await PostWithVersionAsync(owner, $"/actions/{action.Id}/update", [new("Status", "InProgress"), new("Text", "Landlord let us in")]);
        var later = await owner.GetDocumentAsync($"/actions/{action.Id}");
        Assert.Equal("Blocked by: Waiting for the landlord", Text(Assert.Single(later.QuerySelectorAll("[data-testid=history-reason]")).TextContent));
    }

    [Fact]
    public async Task Marking_an_action_done_records_when_and_it_leaves_the_open_list()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.InProgress));
        var owner = app.ClientFor(world.Member.Id);

        var response = await PostWithVersionAsync(owner, $"/actions/{action.Id}/update", [new("Status", "Done"), new("Text", "All six visited")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredActionAsync(app, action.Id);
        Assert.Equal(PlanActionStatus.Done, stored.Status);
        Assert.NotNull(stored.CompletedAt);
        var page = await owner.GetDocumentAsync($"/actions/{action.Id}");
        Assert.Null(page.QuerySelector($"a[href='/actions/{action.Id}/edit']"));
        Assert.NotNull(page.QuerySelector($"a[href='/actions/{action.Id}/update']"));
    }

    [Fact]
    public async Task A_blank_update_without_a_status_change_is_refused_and_nothing_is_stored()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.InProgress));
        var owner = app.ClientFor(world.Member.Id);
        var before = (await GroupEventsAsync(app, world.Group.Id)).Count;

        var response = await PostWithVersionAsync(owner, $"/actions/{action.Id}/update", [new("Status", "InProgress"), new("Text", "   "), new("Reason", "")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter the progress update"], Html.ErrorSummary(page));
        Assert.NotNull(page.QuerySelector("#Text-error"));
        Assert.Single(await UpdatesAsync(app, action.Id));
        Assert.Equal(before, (await GroupEventsAsync(app, world.Group.Id)).Count);
    }

    [Theory]
    [InlineData("Blocked", "Enter what is blocking the action")]
    [InlineData("Cancelled", "Enter why the action is cancelled")]
    public async Task Blocking_or_cancelling_without_a_reason_is_refused_with_the_text_kept(string status, string message)
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.InProgress));
        var owner = app.ClientFor(world.Member.Id);

        var response = await PostWithVersionAsync(owner, $"/actions/{action.Id}/update", [new("Status", status), new("Text", "Cannot get in"), new("Reason", " ")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], Html.ErrorSummary(page));
        Assert.NotNull(page.QuerySelector("#Reason-error"));
        Assert.Equal("Cannot get in", page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"input[name=Status][value={status}][checked]"));
        Assert.Equal(PlanActionStatus.InProgress, (await StoredActionAsync(app, action.Id)).Status);
    }

    [Fact]
    public async Task The_second_of_two_updates_from_the_same_version_is_refused_with_the_first_kept_and_the_typed_text_kept()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.InProgress));
        var owner = app.ClientFor(world.Member.Id);
        var lead = app.ClientFor(world.Lead.Id);
        var url = $"/actions/{action.Id}/update";
        var staleVersion = VersionOn(await lead.GetDocumentAsync(url));

        var first = await PostWithVersionAsync(owner, url, [new("Status", "Done"), new("Text", "All six visited")]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await lead.PostFormAsync(url, [new("Status", "Blocked"), new("Text", "Landlord will not let us in"), new("Reason", "Landlord refuses access"), new("Version", staleVersion)]);
        var page = await Html.ReadAsync(second);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var conflict = Assert.Single(Html.ErrorSummary(page));
        Assert.StartsWith($"{world.Member.DisplayName} changed this action at ", conflict, StringComparison.Ordinal);
        Assert.Contains(ConflictMiddle, conflict, StringComparison.Ordinal);
        Assert.Contains("status done", conflict, StringComparison.Ordinal);
        Assert.Equal("Landlord will not let us in", page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
        Assert.Equal("Landlord refuses access", page.QuerySelector("textarea[name=Reason]")!.TextContent.Trim());
        var stored = await StoredActionAsync(app, action.Id);
        Assert.Equal(PlanActionStatus.Done, stored.Status);
        Assert.Equal(["Marked in progress", "All six visited"], (await UpdatesAsync(app, action.Id)).Select(u => u.Text).ToList());
        Assert.DoesNotContain(await GroupEventsAsync(app, world.Group.Id), e => e.Body?.Contains("Landlord", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(await EventsAsync(app, world.Issue.Id), e => e.Body?.Contains("Landlord", StringComparison.Ordinal) == true);

        // The form now carries the current version, so saving again is a deliberate choice, and works.
        Assert.Equal(stored.Version.ToString(), VersionOn(page));
        var again = await lead.PostFormAsync(url, [new("Status", "Blocked"), new("Text", "Landlord will not let us in"), new("Reason", "Landlord refuses access"), new("Version", VersionOn(page))]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(PlanActionStatus.Blocked, (await StoredActionAsync(app, action.Id)).Status);
    }

    [Fact]
    public async Task Two_progress_notes_from_the_same_page_are_both_kept_appending_is_not_editing()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.InProgress));
        var owner = app.ClientFor(world.Member.Id);
        var url = $"/actions/{action.Id}/update";
        var version = VersionOn(await owner.GetDocumentAsync(url));

        var first = await owner.PostFormAsync(url, [new("Status", "InProgress"), new("Text", "First note"), new("Version", version)]);
        var second = await owner.PostFormAsync(url, [new("Status", "InProgress"), new("Text", "Second note"), new("Version", version)]);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(["Marked in progress", "First note", "Second note"], (await UpdatesAsync(app, action.Id)).Select(u => u.Text).ToList());
    }

    [Fact]
    public async Task The_actions_of_a_closed_group_cannot_be_updated()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.Done));
        await CloseAsync(app, world.Group.Id, world.People.AreaManagerA.Id);
        var owner = app.ClientFor(world.Member.Id);
        var url = $"/actions/{action.Id}/update";

        var form = await owner.GetDocumentAsync(url);
        Assert.Contains("This task group is closed", form.QuerySelector("[data-testid=refusal]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("textarea[name=Text]"));
        var show = await owner.GetDocumentAsync($"/actions/{action.Id}");
        Assert.Null(show.QuerySelector($"a[href='/actions/{action.Id}/update']"));

        var response = await ForgeActionPostAsync(app, owner, action.Id, url, [new("Status", "InProgress"), new("Text", "Reopening it")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Html.ErrorSummary(page), e => e.StartsWith("This task group is closed", StringComparison.Ordinal));
        Assert.Equal(PlanActionStatus.Done, (await StoredActionAsync(app, action.Id)).Status);
        Assert.Single(await UpdatesAsync(app, action.Id));
    }

    [Fact]
    public async Task A_cancelled_action_cannot_be_updated()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.Cancelled, "No longer needed"));
        var lead = app.ClientFor(world.Lead.Id);
        var url = $"/actions/{action.Id}/update";

        Assert.NotNull((await lead.GetDocumentAsync(url)).QuerySelector("[data-testid=refusal]"));
        var response = await ForgeActionPostAsync(app, lead, action.Id, url, [new("Status", "InProgress"), new("Text", "Restart")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This action was cancelled: it cannot be updated", Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.Equal(PlanActionStatus.Cancelled, (await StoredActionAsync(app, action.Id)).Status);
    }
}
