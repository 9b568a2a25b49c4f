using AreaPartnerships.Domain.TaskGroups;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Actions.ActionWorld;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Actions;

public sealed class AddActionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_lead_adds_an_action_for_a_member_serving_a_linked_issue_and_both_timelines_record_it()
    {
        var world = await ActionWorld.CreateAsync(app);
        var lead = app.ClientFor(world.Lead.Id);
        var url = $"/task-groups/{world.Group.Id}/actions/new";
        var due = Today.AddDays(14);

        var form = await lead.GetDocumentAsync(url);
        var owners = form.QuerySelectorAll("select[name=OwnerId] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains($"{world.Member.DisplayName} ({world.People.Cleansing.Name})", owners);
        Assert.Contains($"{world.Lead.DisplayName} ({world.People.Police.Name})", owners);
        Assert.DoesNotContain(owners, o => o.StartsWith(world.Outsider.DisplayName, StringComparison.Ordinal));
        Assert.NotNull(form.QuerySelector($"select[name=IssueId] option[value='{world.Issue.Id}']"));

        var response = await lead.PostFormAsync(url,
            [new("Description", " Visit the six households on Williams Street "), new("OwnerId", Id(world.Member.Id)), .. Due(due), new("IssueId", Id(world.Issue.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = await app.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.TaskGroupId == world.Group.Id));
        Assert.Equal($"/actions/{action.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("Visit the six households on Williams Street", world.Member.Id, due, (int?)world.Issue.Id, PlanActionStatus.NotStarted),
            (action.Description, action.OwnerId, action.DueOn, action.IssueId, action.Status));

        var groupEvent = (await GroupEventsAsync(app, world.Group.Id)).Last();
        Assert.Equal((action.Id, world.Lead.Id), (groupEvent.PlanActionId!.Value, groupEvent.ActorId));
        Assert.Equal($"Action ‘Visit the six households on Williams Street’ added for {world.Member.DisplayName} ({world.People.Cleansing.Name})", groupEvent.Summary);
        var issueEvent = (await EventsAsync(app, world.Issue.Id)).Last();
        Assert.Equal((groupEvent.Summary, world.Lead.Id), (issueEvent.Summary, issueEvent.ActorId));

        var page = await lead.GetDocumentAsync($"/actions/{action.Id}");
        Assert.Contains("Action added", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{world.Member.DisplayName} ({world.People.Cleansing.Name})", page.QuerySelector("[data-testid=owner]")!.TextContent.Trim());
        Assert.Equal($"/issues/{world.Issue.Reference}", page.QuerySelector("[data-testid=issue] a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("[data-testid=no-history]"));
    }

    [Fact]
    public async Task A_member_adds_an_action_only_for_themselves()
    {
        var world = await ActionWorld.CreateAsync(app);
        var member = app.ClientFor(world.Member.Id);
        var url = $"/task-groups/{world.Group.Id}/actions/new";

        var form = await member.GetDocumentAsync(url);
        var option = Assert.Single(form.QuerySelectorAll("select[name=OwnerId] option"));
        Assert.Equal(Id(world.Member.Id), option.GetAttribute("value"));

        var forOther = await member.PostFormAsync(url, [new("Description", "Someone else's job"), new("OwnerId", Id(world.OtherMember.Id)), .. Due(Today.AddDays(3))]);
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        var forSelf = await member.PostFormAsync(url, [new("Description", "Clear the alley"), new("OwnerId", Id(world.Member.Id)), .. Due(Today), new("IssueId", "")]);
        Assert.Equal(HttpStatusCode.Redirect, forSelf.StatusCode);

        var stored = await app.WithDbAsync(db => db.PlanActions.AsNoTracking().Where(a => a.TaskGroupId == world.Group.Id).ToListAsync());
        var action = Assert.Single(stored);
        Assert.Equal(("Clear the alley", world.Member.Id, Today, (int?)null), (action.Description, action.OwnerId, action.DueOn, action.IssueId));
    }

    [Fact]
    public async Task A_support_officer_for_the_area_adds_an_action_for_any_member()
    {
        var world = await ActionWorld.CreateAsync(app);
        var officer = app.ClientFor(world.People.SupportOfficerA.Id);

        var response = await officer.PostFormAsync($"/task-groups/{world.Group.Id}/actions/new",
            [new("Description", "Book the community room"), new("OwnerId", Id(world.OtherMember.Id)), .. Due(Today.AddDays(5))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(world.OtherMember.Id, (await app.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.TaskGroupId == world.Group.Id))).OwnerId);
    }

    public static TheoryData<string, string, string, string, string, string> BadInput => new()
    {
        { "", "member", "+7", "", "Description", "Describe the action" },
        { "Visit", "", "+7", "", "OwnerId", "Select who owns the action" },
        { "Visit", "outsider", "+7", "", "OwnerId", "Select a member of the task group to own the action" },
        { "Visit", "member", "-1", "", "DueDay", "The due date must be today or in the future" },
        { "Visit", "member", "31/2/2027", "", "DueDay", "Enter a real due date, like 27 3 2027" },
        { "Visit", "member", "//", "", "DueDay", "Enter a real due date, like 27 3 2027" },
        { "Visit", "member", "+7", "other-issue", "IssueId", "Select an issue linked to this task group, or none" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_at_the_field_and_what_was_typed_kept(string description, string owner, string due, string issue, string field, string message)
    {
        var world = await ActionWorld.CreateAsync(app);
        var unlinked = await world.People.IssueAsync(app, world.People.AtLevel2);
        var lead = app.ClientFor(world.Lead.Id);
        var (day, month, year) = due switch
        {
            "+7" or "-1" => (Id(Today.AddDays(int.Parse(due, System.Globalization.CultureInfo.InvariantCulture)).Day),
                Id(Today.AddDays(int.Parse(due, System.Globalization.CultureInfo.InvariantCulture)).Month),
                Id(Today.AddDays(int.Parse(due, System.Globalization.CultureInfo.InvariantCulture)).Year)),
            _ => (due.Split('/')[0], due.Split('/')[1], due.Split('/')[2]),
        };
        var ownerId = owner switch
        {
            "member" => Id(world.Member.Id),
            "outsider" => Id(world.Outsider.Id),
            _ => string.Empty,
        };

        var response = await lead.PostFormAsync($"/task-groups/{world.Group.Id}/actions/new",
        [
            new("Description", description), new("OwnerId", ownerId), new("DueDay", day), new("DueMonth", month), new("DueYear", year),
            new("IssueId", issue == "other-issue" ? Id(unlinked.Id) : string.Empty),
        ]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.ErrorSummary(page));
        Assert.NotNull(page.QuerySelector($"#{field}-error"));
        Assert.Equal(description, page.QuerySelector("textarea[name=Description]")!.TextContent.Trim());
        Assert.Equal(day, page.QuerySelector("input[name=DueDay]")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(year, page.QuerySelector("input[name=DueYear]")!.GetAttribute("value") ?? string.Empty);
        Assert.False(await app.WithDbAsync(db => db.PlanActions.AnyAsync(a => a.TaskGroupId == world.Group.Id)));
    }

    [Fact]
    public async Task No_action_can_be_added_to_a_closed_group()
    {
        var world = await ActionWorld.CreateAsync(app);
        await CloseAsync(app, world.Group.Id, world.People.AreaManagerA.Id);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/task-groups/{world.Group.Id}/actions/new";

        var form = await manager.GetDocumentAsync(url);
        Assert.NotNull(form.QuerySelector("[data-testid=refusal]"));
        Assert.Null(form.QuerySelector("textarea[name=Description]"));
        var response = await manager.PostFormAsync("/", [new("Description", "Too late"), new("OwnerId", Id(world.Member.Id)), .. Due(Today.AddDays(3))], url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Html.ErrorSummary(await Html.ReadAsync(response)), e => e.StartsWith("This task group is closed", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.PlanActions.AnyAsync(a => a.TaskGroupId == world.Group.Id)));
    }
}
