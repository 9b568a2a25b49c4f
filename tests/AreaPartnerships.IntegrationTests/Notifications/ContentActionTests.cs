using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Actions;
using AreaPartnerships.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Notifications.ContentWorld;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>Actions given to someone and people added to task groups: what they are told.</summary>
public sealed class ContentActionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateOnly Due => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);

    [Fact]
    public async Task A_new_action_is_emailed_to_its_owner_with_its_due_date_source_and_link()
    {
        var world = await ActionWorld.CreateAsync(app);
        var mark = await MarkAsync(app);

        var response = await app.ClientFor(world.Lead.Id).PostFormAsync($"/task-groups/{world.Group.Id}/actions/new",
            [new("Description", "Walk the alleyways with the housing officer"), new("OwnerId", Id(world.Member.Id)), .. ActionWorld.Due(Due), new("IssueId", Id(world.Issue.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var actionId = await app.WithDbAsync(db => db.PlanActions.Where(a => a.TaskGroupId == world.Group.Id).Select(a => a.Id).SingleAsync());
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal((world.Member.Email, "An action for you: Walk the alleyways with the housing officer"), (message.ToAddress, message.Subject));
        Assert.Contains($"due on {UkFormat.Date(Due)}", message.Body, StringComparison.Ordinal);
        Assert.Contains($"from the task group {world.Group.Name}", message.Body, StringComparison.Ordinal);
        Assert.Contains(Link($"/actions/{actionId}"), message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_serving_a_confidential_issue_is_named_only_in_a_neutral_email()
    {
        var world = await ActionWorld.CreateAsync(app);
        var group = world.Group;
        var people = world.People;
        var secret = await app.Data.CreateIssueAsync(people.WardA1, people.AreaManagerA.Id, confidential: true, title: "Cuckooing at Flat 9", then: issue =>
        {
            people.AtLevel2(issue);
            issue.LinkToTaskGroup(group.Id, group.Name, group.AreaId, people.AreaManagerA.Id, DateTime.UtcNow.AddDays(-1));
        });
        var mark = await MarkAsync(app);

        var response = await app.ClientFor(people.AreaManagerA.Id).PostFormAsync($"/task-groups/{group.Id}/actions/new",
            [new("Description", "Safeguarding visit to Flat 9"), new("OwnerId", Id(world.Member.Id)), .. ActionWorld.Due(Due), new("IssueId", Id(secret.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal(world.Member.Email, message.ToAddress);
        Assert.EndsWith("needs your attention", message.Subject, StringComparison.Ordinal);
        Assert.StartsWith("An action in ", message.Subject, StringComparison.Ordinal);
        foreach (var text in new[] { "Flat 9", "Cuckooing", secret.Reference, group.Name })
        {
            Assert.DoesNotContain(text, message.Subject + message.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Someone_added_to_a_task_group_is_told_with_a_link_to_it()
    {
        var world = await ActionWorld.CreateAsync(app);
        var mark = await MarkAsync(app);

        var response = await app.ClientFor(world.People.AreaManagerA.Id).PostFormAsync($"/task-groups/{world.Group.Id}",
            [new("UserId", Id(world.Outsider.Id))], $"/task-groups/{world.Group.Id}/members");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal((world.Outsider.Email, $"You have joined the task group {world.Group.Name}"), (message.ToAddress, message.Subject));
        Assert.Contains(Link($"/task-groups/{world.Group.Id}"), message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_is_written_from_the_action_as_it_is_when_sent_and_dropped_once_the_action_is_done()
    {
        var world = await ActionWorld.CreateAsync(app);
        var open = await world.ActionAsync(app, description: "Check the CCTV footage", dueOn: ActionWorld.Today.AddDays(2));
        var done = await world.ActionAsync(app, description: "Book the skip", then: world.Marked(PlanActionStatus.Done));
        var mark = await MarkAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.Notifications.AddRange(
                new Notification(NotificationKind.ActionDueSoon, DateTime.UtcNow) { RecipientUserId = world.Member.Id, PlanActionId = open.Id, Key = $"test-due-{open.Id}" },
                new Notification(NotificationKind.ActionDueSoon, DateTime.UtcNow) { RecipientUserId = world.Member.Id, PlanActionId = done.Id, Key = $"test-due-{done.Id}" },
                new Notification(NotificationKind.ActionOverdue, DateTime.UtcNow) { RecipientUserId = world.OtherMember.Id, PlanActionId = open.Id, Key = $"test-late-{open.Id}" });
            await db.SaveChangesAsync();
        });

        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal((world.Member.Email, $"Your action is due on {UkFormat.Date(ActionWorld.Today.AddDays(2))}"), (message.ToAddress, message.Subject));
        Assert.Contains("“Check the CCTV footage”", message.Body, StringComparison.Ordinal);
        var outcomes = (await NotificationsSinceAsync(app, mark)).Where(n => n.State == NotificationState.Skipped).Select(n => n.Outcome).Order().ToList();
        Assert.Equal(["It is no longer theirs", "The action is done or cancelled"], outcomes);
    }
}
