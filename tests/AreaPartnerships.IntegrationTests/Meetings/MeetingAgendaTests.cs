using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Meetings.MeetingRecordWorld;

namespace AreaPartnerships.IntegrationTests.Meetings;

/// <summary>A meeting's agenda: adding (free text, an issue, a task group), moving, removing, who sees an issue's title, and the suggestions.</summary>
public sealed class MeetingAgendaTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_area_manager_adds_items_moves_one_up_and_removes_one()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, started: false);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        Redirected(await PostAsync(manager, meeting.Id, "agenda", Field("ItemTitle", "Welcome and apologies")), $"/meetings/{meeting.Id}#agenda");
        Redirected(await PostAsync(manager, meeting.Id, "agenda", Field("IssueReference", world.Actions.Issue.Reference.ToLowerInvariant())), $"/meetings/{meeting.Id}#agenda");
        Redirected(await PostAsync(manager, meeting.Id, "agenda", Field("TaskGroupId", IssueWorld.Id(world.Actions.Group.Id))), $"/meetings/{meeting.Id}#agenda");
        var stored = await StoredAsync(app, meeting.Id);
        var issueItem = stored.AgendaItems.Single(i => i.IssueId == world.Actions.Issue.Id);
        var groupItem = stored.AgendaItems.Single(i => i.TaskGroupId == world.Actions.Group.Id);
        Assert.Equal(2, issueItem.Order);

        Redirected(await PostAsync(manager, meeting.Id, $"agenda/{issueItem.Id}/move", Field("Direction", "up")), $"/meetings/{meeting.Id}#agenda");
        Redirected(await PostAsync(manager, meeting.Id, $"agenda/{groupItem.Id}/remove"), $"/meetings/{meeting.Id}#agenda");

        stored = await StoredAsync(app, meeting.Id);
        Assert.Equal(["Issue " + world.Actions.Issue.Reference, "Welcome and apologies"], stored.AgendaItems.OrderBy(i => i.Order).Select(i => i.Title));
        Assert.Equal([1, 2], stored.AgendaItems.OrderBy(i => i.Order).Select(i => i.Order));
        var page = await manager.GetDocumentAsync(Papers(meeting.Id));
        Assert.Equal("Item removed from the agenda", page.QuerySelector(".govuk-notification-banner__heading")?.TextContent.Trim());
        Assert.Contains($"{world.Actions.Issue.Reference}: {world.Actions.Issue.Title}", page.QuerySelector("[data-testid=agenda-item-1]")!.TextContent);
        Assert.Contains(await EventsAsync(app, meeting.Id), e => e.Summary.StartsWith("Agenda item removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_on_an_issue_names_it_only_to_those_who_may_see_the_issue()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var secret = await world.People.IssueAsync(app, world.People.AtLevel2, confidential: true);
        var partner = world.Actions.Outsider;
        var meeting = await world.MeetingAsync(app, confidential: false, invitees: [partner]);
        await ItemAsync(app, meeting.Id, $"Issue {secret.Reference}", issueId: secret.Id);

        var managerPage = await app.ClientFor(world.People.AreaManagerA.Id).GetDocumentAsync(Papers(meeting.Id));
        var partnerPage = await app.ClientFor(partner.Id).GetDocumentAsync(Papers(meeting.Id));

        Assert.Contains(secret.Title, managerPage.QuerySelector("[data-testid=agenda-item-1]")!.TextContent);
        var hidden = partnerPage.QuerySelector("[data-testid=agenda-item-1]")!;
        Assert.Equal("An item on a case you cannot see", hidden.QuerySelector("[data-testid=hidden-item]")?.TextContent.Trim());
        Assert.DoesNotContain(secret.Title, partnerPage.Body!.TextContent);
        Assert.DoesNotContain(secret.Reference, partnerPage.QuerySelector("[data-testid=agenda]")!.TextContent);
        Assert.Null(hidden.QuerySelector("a"));
    }

    [Fact]
    public async Task An_issue_of_another_area_or_one_not_visible_is_refused_on_the_field_and_nothing_is_added()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var elsewhere = await world.People.IssueAsync(app, wardId: world.People.WardB1);
        var meeting = await world.MeetingAsync(app, started: false);
        var manager = app.ClientFor(world.People.PartnershipManager.Id);

        var page = await RefusedAsync(await PostAsync(manager, meeting.Id, "agenda", Field("ItemTitle", "Kept"), Field("IssueReference", elsewhere.Reference)));
        var unknown = await RefusedAsync(await PostAsync(manager, meeting.Id, "agenda", Field("IssueReference", "AP-1999-99999")));
        var empty = await RefusedAsync(await PostAsync(manager, meeting.Id, "agenda"));

        Assert.Equal(["That issue is in another area: link an issue of this meeting's area"], Html.ErrorSummary(page));
        Assert.Equal("Kept", page.QuerySelector("#ItemTitle")?.GetAttribute("value"));
        Assert.Equal(elsewhere.Reference, page.QuerySelector("#IssueReference")?.GetAttribute("value"));
        Assert.Equal(["Enter the reference of an issue you can see, like AP-2026-00042"], Html.ErrorSummary(unknown));
        Assert.Equal(["Enter the agenda item, or link it to an issue or a task group"], Html.ErrorSummary(empty));
        Assert.Empty((await StoredAsync(app, meeting.Id)).AgendaItems);
    }

    [Fact]
    public async Task Only_those_who_run_the_meeting_set_its_agenda()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var partner = world.Actions.Member;
        var meeting = await world.MeetingAsync(app, confidential: false, started: false, invitees: [partner]);

        var invited = await ForgeAsync(app.ClientFor(partner.Id), meeting.Id, "agenda", Field("ItemTitle", "Mine"));
        var otherArea = await ForgeAsync(app.ClientFor(world.People.AreaManagerB.Id), meeting.Id, "agenda", Field("ItemTitle", "Mine"));
        var support = await ForgeAsync(app.ClientFor(world.People.SupportOfficerA.Id), meeting.Id, "agenda", Field("ItemTitle", "Apologies"));

        Assert.Equal(HttpStatusCode.Forbidden, invited.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherArea.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, support.StatusCode);
        Assert.Equal(["Apologies"], (await StoredAsync(app, meeting.Id)).AgendaItems.Select(i => i.Title));
        Assert.Null((await app.ClientFor(partner.Id).GetDocumentAsync(Papers(meeting.Id))).QuerySelector("[data-testid=add-agenda-item]"));
    }

    [Fact]
    public async Task Suggestions_for_an_area_meeting_propose_stepped_up_and_overdue_issues_overdue_actions_and_groups_past_review()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var stepped = await world.People.IssueAsync(app, world.People.AtLevel2);
        await app.WithDbAsync(async db =>
        {
            db.IssueEvents.Add(new IssueEvent(stepped.Id, IssueEventKind.SteppedUp, world.People.AreaManagerA.Id, DateTime.UtcNow.AddDays(-3), "Stepped up to Level 2"));
            await db.SaveChangesAsync();
        });
        var overdue = await world.People.IssueAsync(app, world.People.AtLevel2);
        await IssueWorld.UpdateIssueAsync(app, overdue.Id, s => s.SetProperty(i => i.TargetDate, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5)));
        await world.Actions.ActionAsync(app, description: "Chase the landlord", dueOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
        var group = world.Actions.Group;
        await app.WithDbAsync(db => db.TaskGroups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ReviewOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))));
        var meeting = await world.MeetingAsync(app, started: false);
        await ItemAsync(app, meeting.Id, "Already there", issueId: overdue.Id);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        var page = await manager.GetDocumentAsync($"/meetings/{meeting.Id}/agenda/suggestions");

        Assert.Contains(stepped.Reference, page.QuerySelector("[data-testid=stepped-up]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=empty-overdue-issues]"));
        Assert.Contains("Chase the landlord", page.QuerySelector("[data-testid=overdue-actions]")!.TextContent);
        Assert.Contains(group.Name, page.QuerySelector("[data-testid=review]")!.TextContent);

        var add = await manager.PostFormAsync($"/meetings/{meeting.Id}/agenda/suggestions", [Field("IssueReference", stepped.Reference), Field("From", "suggestions")],
            $"/meetings/{meeting.Id}/agenda");
        Redirected(add, $"/meetings/{meeting.Id}/agenda/suggestions");
        var addAction = await manager.PostFormAsync($"/meetings/{meeting.Id}/agenda/suggestions",
            [Field("ItemTitle", $"Overdue action: Chase the landlord ({group.Name})"), Field("From", "suggestions")], $"/meetings/{meeting.Id}/agenda");
        Redirected(addAction, $"/meetings/{meeting.Id}/agenda/suggestions");

        page = await manager.GetDocumentAsync($"/meetings/{meeting.Id}/agenda/suggestions");
        Assert.NotNull(page.QuerySelector("[data-testid=empty-stepped-up]"));
        Assert.NotNull(page.QuerySelector("[data-testid=empty-overdue-actions]"));
        Assert.Equal(3, (await StoredAsync(app, meeting.Id)).AgendaItems.Count);
    }

    [Fact]
    public async Task Suggestions_include_overdue_actions_arising_from_the_areas_meetings_that_belong_to_no_task_group()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var earlier = await world.MeetingAsync(app, started: true);
        await app.WithDbAsync(async db =>
        {
            db.PlanActions.Add(new PlanAction("Write to the landlords", world.People.AreaManagerA.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3), null, earlier.Id));
            await db.SaveChangesAsync();
        });
        var meeting = await world.MeetingAsync(app, started: false);

        var page = await app.ClientFor(world.People.AreaManagerA.Id).GetDocumentAsync($"/meetings/{meeting.Id}/agenda/suggestions");

        var overdue = page.QuerySelector("[data-testid=overdue-actions]")!.TextContent;
        Assert.Contains("Write to the landlords", overdue);
        Assert.Contains(earlier.Title, overdue);
    }

    [Fact]
    public async Task Suggestions_for_a_borough_meeting_are_the_open_level_3_and_4_issues_of_every_area()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var levelThreeA = await world.People.IssueAsync(app, world.People.AtLevel3);
        var levelThreeB = await world.People.IssueAsync(app, world.People.AtLevel3, wardId: world.People.WardB1);
        var levelTwo = await world.People.IssueAsync(app, world.People.AtLevel2);
        var meeting = await world.MeetingAsync(app, MeetingType.OperationsGroup, borough: true, started: false);

        var page = await app.ClientFor(world.People.PartnershipManager.Id).GetDocumentAsync($"/meetings/{meeting.Id}/agenda/suggestions");
        var suggested = page.QuerySelector("[data-testid=borough]")!.TextContent;

        Assert.Contains(levelThreeA.Reference, suggested);
        Assert.Contains(levelThreeB.Reference, suggested);
        Assert.DoesNotContain(levelTwo.Reference, suggested);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(world.People.AreaManagerA.Id).GetAsync(new Uri($"/meetings/{meeting.Id}/agenda/suggestions", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_printable_agenda_numbers_the_items_and_marks_the_meeting_confidential()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        await ItemAsync(app, meeting.Id, "Welcome");
        await ItemAsync(app, meeting.Id, "Issue", issueId: world.Actions.Issue.Id);

        var page = await app.ClientFor(world.People.SupportOfficerA.Id).GetDocumentAsync($"/meetings/{meeting.Id}/agenda/print");

        Assert.NotNull(page.QuerySelector("[data-testid=confidential]"));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=print-items] > li").Length);
        Assert.Contains(world.Actions.Issue.Title, page.QuerySelector("[data-testid=print-items]")!.TextContent);
        Assert.Contains("Print the agenda", (await app.ClientFor(world.People.SupportOfficerA.Id).GetDocumentAsync(Papers(meeting.Id))).QuerySelector("[data-testid=print-agenda]")!.TextContent);
    }
}
