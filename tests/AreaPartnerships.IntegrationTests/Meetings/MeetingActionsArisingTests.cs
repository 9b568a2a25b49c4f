using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Actions;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Meetings.MeetingRecordWorld;

namespace AreaPartnerships.IntegrationTests.Meetings;

/// <summary>What a meeting agrees: a new action (on a task group or none), or an update on an issue on its agenda.</summary>
public sealed class MeetingActionsArisingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly NextMonth = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    [Fact]
    public async Task An_action_arising_on_a_task_group_is_on_the_groups_timeline_and_its_owners_my_actions()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var owner = world.Actions.Member;
        var group = world.Actions.Group;
        var meeting = await world.MeetingAsync(app);
        var item = await ItemAsync(app, meeting.Id, "Williams Street", issueId: world.Actions.Issue.Id);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await PostAsync(manager, meeting.Id, "actions", [Field("ActionDescription", "Visit the six households"), Field("ActionOwnerId", IssueWorld.Id(owner.Id)),
            Field("ActionTaskGroupId", IssueWorld.Id(group.Id)), Field("ActionItemId", IssueWorld.Id(item.Id)), .. Due(NextMonth)]);

        Redirected(response, $"/meetings/{meeting.Id}#actions-arising");
        var action = await app.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.MeetingId == meeting.Id));
        Assert.Equal((group.Id, owner.Id, world.Actions.Issue.Id), (action.TaskGroupId, action.OwnerId, action.IssueId));
        var describe = $"the {meeting.Title}, {Web.Infrastructure.UkFormat.Date(meeting.StartsAt)}";
        var line = Assert.Single(await ActionWorld.GroupEventsAsync(app, group.Id), e => e.PlanActionId == action.Id);
        Assert.StartsWith($"Agreed at {describe}: action ‘Visit the six households’ for {owner.DisplayName}", line.Summary);
        Assert.Contains(await EventsAsync(app, meeting.Id), e => e.Summary.StartsWith($"Action arising for {owner.DisplayName}", StringComparison.Ordinal));
        Assert.Contains(await IssueWorld.EventsAsync(app, world.Actions.Issue.Id), e => e.Summary.StartsWith($"Agreed at {describe}", StringComparison.Ordinal));

        var mine = await app.ClientFor(owner.Id).GetDocumentAsync("/my-actions");
        Assert.NotNull(mine.QuerySelector($"[data-testid=open-actions] a[href='/actions/{action.Id}']"));
        // The owner was not invited: the action says it arose from a meeting, without naming one they may not open.
        var page = await app.ClientFor(owner.Id).GetDocumentAsync($"/actions/{action.Id}");
        Assert.Equal("A meeting you cannot open", page.QuerySelector("[data-testid=arising-from]")?.TextContent.Trim());
        var managerPage = await manager.GetDocumentAsync($"/actions/{action.Id}");
        Assert.NotNull(managerPage.QuerySelector($"[data-testid=arising-from] a[href='/meetings/{meeting.Id}']"));
        var papers = await manager.GetDocumentAsync(Papers(meeting.Id));
        Assert.NotNull(papers.QuerySelector($"[data-testid=action-arising-{action.Id}] a[href='/actions/{action.Id}']"));
    }

    [Fact]
    public async Task The_owner_of_an_action_on_a_group_must_be_a_member_of_it()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        var refused = await RefusedAsync(await PostAsync(manager, meeting.Id, "actions", [Field("ActionDescription", "Visit"), Field("ActionOwnerId", IssueWorld.Id(world.People.SupportOfficerA.Id)),
            Field("ActionTaskGroupId", IssueWorld.Id(world.Actions.Group.Id)), .. Due(NextMonth)]));

        Assert.Equal([$"Select a member of {world.Actions.Group.Name} to own the action, or choose no task group"], Html.ErrorSummary(refused));
        Assert.Equal("Visit", refused.QuerySelector("#ActionDescription")?.TextContent);
        Assert.False(await app.WithDbAsync(db => db.PlanActions.AnyAsync(a => a.MeetingId == meeting.Id)));
    }

    [Fact]
    public async Task An_action_arising_with_no_group_is_its_owners_on_my_actions_and_its_page_and_not_found_for_an_uninvited_partner()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var owner = world.People.PoliceUser;
        await IssueWorld.RecordAgreementAsync(app, owner.Id, world.People.AreaManagerA.Id);
        var meeting = await world.MeetingAsync(app, invitees: [owner]);
        var support = app.ClientFor(world.People.SupportOfficerA.Id);

        var response = await PostAsync(support, meeting.Id, "actions", [Field("ActionDescription", "Ask the neighbourhood team to patrol"),
            Field("ActionOwnerId", IssueWorld.Id(owner.Id)), Field("ActionTaskGroupId", ""), .. Due(NextMonth)]);

        Redirected(response, $"/meetings/{meeting.Id}#actions-arising");
        var action = await app.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.MeetingId == meeting.Id));
        Assert.Null(action.TaskGroupId);
        var client = app.ClientFor(owner.Id);
        var mine = await client.GetDocumentAsync("/my-actions");
        var row = mine.QuerySelector($"[data-action-id='{action.Id}']")!;
        Assert.Contains(meeting.Title, row.QuerySelector("[data-testid=meeting]")!.TextContent);
        var page = await client.GetDocumentAsync($"/actions/{action.Id}");
        Assert.Contains(meeting.Title, page.QuerySelector("[data-testid=arising-from]")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/actions/{action.Id}/update']"));

        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(world.Actions.Outsider.Id).GetAsync(new Uri($"/actions/{action.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(world.People.AreaManagerB.Id).GetAsync(new Uri($"/actions/{action.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync(new Uri($"/actions/{action.Id}/edit", UriKind.Relative))).StatusCode);

        // The owner posts progress: it goes on the meeting's timeline (the action has no group).
        var update = await IssueWorld.PostWithVersionAsync(client, $"/actions/{action.Id}/update", [new("Status", "InProgress"), new("Text", "First patrol done")]);
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        Assert.Equal(PlanActionStatus.InProgress, (await ActionWorld.StoredActionAsync(app, action.Id)).Status);
        Assert.Contains(await EventsAsync(app, meeting.Id), e => e.Summary.Contains("now in progress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_action_with_no_group_is_changed_by_those_who_run_the_meeting_and_refused_to_other_readers_of_its_papers()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var (owner, other) = (world.People.PoliceUser, world.Actions.Member);
        var meeting = await world.MeetingAsync(app, confidential: false, invitees: [owner, other]);
        var action = await app.WithDbAsync(async db =>
        {
            var added = new PlanAction("Ask the neighbourhood team to patrol", owner.Id, NextMonth, null, meeting.Id);
            db.PlanActions.Add(added);
            await db.SaveChangesAsync();
            return added;
        });

        var readerPage = await app.ClientFor(other.Id).GetDocumentAsync($"/actions/{action.Id}");
        var byReader = await ActionWorld.ForgeActionPostAsync(app, app.ClientFor(other.Id), action.Id, $"/actions/{action.Id}/edit",
            [new("Description", "Hijacked"), new("OwnerId", IssueWorld.Id(other.Id)), .. ActionWorld.Due(NextMonth)]);
        var byManager = await IssueWorld.PostWithVersionAsync(app.ClientFor(world.People.AreaManagerA.Id), $"/actions/{action.Id}/edit",
            [new("Description", "Ask the neighbourhood team to patrol"), new("OwnerId", IssueWorld.Id(other.Id)), .. ActionWorld.Due(NextMonth)]);

        Assert.Null(readerPage.QuerySelector($"a[href='/actions/{action.Id}/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byManager.StatusCode);
        Assert.Equal(other.Id, (await ActionWorld.StoredActionAsync(app, action.Id)).OwnerId);
        Assert.Contains(await EventsAsync(app, meeting.Id), e => e.Summary.StartsWith("Action ‘Ask the neighbourhood team to patrol’ changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_owner_with_no_group_must_be_invited_or_an_officer_of_the_area()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);

        var refused = await RefusedAsync(await PostAsync(app.ClientFor(world.People.AreaManagerA.Id), meeting.Id, "actions",
            [Field("ActionDescription", "Visit"), Field("ActionOwnerId", IssueWorld.Id(world.Actions.Outsider.Id)), .. Due(NextMonth)]));

        Assert.Equal(["Select someone invited to the meeting, or an officer of the area, to own the action"], Html.ErrorSummary(refused));
    }

    [Fact]
    public async Task An_update_on_an_issue_on_the_agenda_is_on_its_timeline_and_hidden_from_the_wards_councillor_when_the_meeting_is_confidential()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var issue = world.Actions.Issue;
        var confidential = await world.MeetingAsync(app);
        var open = await world.MeetingAsync(app, Domain.Meetings.MeetingType.Partnership, confidential: false);
        var item = await ItemAsync(app, confidential.Id, "Williams Street", issueId: issue.Id);
        var openItem = await ItemAsync(app, open.Id, "Williams Street", issueId: issue.Id);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        Redirected(await PostAsync(manager, confidential.Id, "issue-updates", Field("UpdateItemId", IssueWorld.Id(item.Id)), Field("UpdateText", "Police to lead a closure order")),
            $"/meetings/{confidential.Id}#actions-arising");
        Redirected(await PostAsync(manager, open.Id, "issue-updates", Field("UpdateItemId", IssueWorld.Id(openItem.Id)), Field("UpdateText", "Residents told of the clean-up")),
            $"/meetings/{open.Id}#actions-arising");

        var events = await IssueWorld.EventsAsync(app, issue.Id);
        var secret = Assert.Single(events, e => e.Kind == IssueEventKind.DiscussedAtMeeting && e.Visibility == Visibility.Confidential);
        Assert.Equal($"Agreed at {confidential.Describe()}", secret.Summary);
        Assert.Contains(await EventsAsync(app, confidential.Id), e => e.Summary == $"Update agreed on issue {issue.Reference}");
        var managerTimeline = (await manager.GetDocumentAsync($"/issues/{issue.Reference}")).QuerySelector("[data-testid=timeline]")!.TextContent;
        Assert.Contains("Police to lead a closure order", managerTimeline);
        var councillorTimeline = (await app.ClientFor(world.People.CouncillorA1.Id).GetDocumentAsync($"/issues/{issue.Reference}")).QuerySelector("[data-testid=timeline]")!.TextContent;
        Assert.DoesNotContain("Police to lead a closure order", councillorTimeline);
        Assert.Contains("Residents told of the clean-up", councillorTimeline);
        Assert.True((await IssueWorld.StoredAsync(app, issue.Id)).LastActivityAt >= secret.OccurredAt);
    }

    [Fact]
    public async Task An_update_needs_an_item_on_an_issue_and_the_text()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var free = await ItemAsync(app, meeting.Id, "Any other business");
        await ItemAsync(app, meeting.Id, "Williams Street", issueId: world.Actions.Issue.Id);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        var noText = await RefusedAsync(await PostAsync(manager, meeting.Id, "issue-updates", Field("UpdateItemId", IssueWorld.Id(free.Id)), Field("UpdateText", "")));
        var freeItem = await RefusedAsync(await PostAsync(manager, meeting.Id, "issue-updates", Field("UpdateItemId", IssueWorld.Id(free.Id)), Field("UpdateText", "Agreed")));

        Assert.Equal(["Enter the update agreed on the issue"], Html.ErrorSummary(noText));
        Assert.Equal(["Choose an agenda item on an issue"], Html.ErrorSummary(freeItem));
        Assert.DoesNotContain(await IssueWorld.EventsAsync(app, world.Actions.Issue.Id), e => e.Kind == IssueEventKind.DiscussedAtMeeting);
    }
}
