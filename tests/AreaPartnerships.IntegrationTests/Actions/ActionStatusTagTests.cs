using AreaPartnerships.Domain.TaskGroups;
using static AreaPartnerships.IntegrationTests.Actions.ActionWorld;

namespace AreaPartnerships.IntegrationTests.Actions;

/// <summary>An action's status has one name and one colour on every page that shows it (the group's page, My actions, the action's page).</summary>
public sealed class ActionStatusTagTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(PlanActionStatus.NotStarted, "Not started", "govuk-tag--grey")]
    [InlineData(PlanActionStatus.InProgress, "In progress", "govuk-tag--yellow")]
    [InlineData(PlanActionStatus.Blocked, "Blocked", "govuk-tag--red")]
    public async Task The_group_page_my_actions_and_the_action_page_show_a_status_alike(PlanActionStatus status, string name, string colour)
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, "Visit the flats", dueOn: Today.AddDays(3),
            then: status == PlanActionStatus.NotStarted ? null : world.Marked(status, status == PlanActionStatus.Blocked ? "Waiting for keys" : null));
        var owner = app.ClientFor(world.Member.Id);

        var onGroup = (await owner.GetDocumentAsync($"/task-groups/{world.Group.Id}")).QuerySelector($"[data-testid=action-{action.Id}] .govuk-tag")!;
        var onMine = (await owner.GetDocumentAsync("/my-actions")).QuerySelector($"tr[data-action-id='{action.Id}'] .govuk-tag:not([data-testid])")!;
        var onItsPage = (await owner.GetDocumentAsync($"/actions/{action.Id}")).QuerySelector("[data-testid=status]")!;

        foreach (var tag in new[] { onGroup, onMine, onItsPage })
        {
            Assert.Equal(name, tag.TextContent.Trim());
            Assert.Contains(colour, tag.ClassList);
        }
    }
}
