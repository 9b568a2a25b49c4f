using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.TaskGroups;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.TaskGroups;

public sealed class CreateTaskGroupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_area_manager_sets_up_a_partner_led_group_with_members_and_it_is_on_the_timeline()
    {
        var world = await GroupWorld.CreateAsync(app);
        var priorities = await GroupWorld.PlanAsync(app, world.AreaA, "ASB around Williams Street", "Doorstep lending");
        var manager = world.People.AreaManagerA;
        var client = app.ClientFor(manager.Id);
        var review = GroupWorld.Today.AddDays(60);

        var form = await client.GetDocumentAsync("/task-groups/new");
        Assert.Contains("Doorstep lending", form.QuerySelector("#PriorityId")!.TextContent, StringComparison.Ordinal);
        var response = await client.PostFormAsync("/task-groups/new",
        [
            new("AreaId", GroupWorld.Id(world.AreaA)), new("Name", "  Williams Street ASB  "), new("PriorityId", GroupWorld.Id(priorities[0].Id)),
            new("LeadUserId", GroupWorld.Id(world.People.PoliceUser.Id)), .. GroupWorld.Date("Review", review),
            new("MemberIds", GroupWorld.Id(world.HousingUser.Id)), new("MemberIds", GroupWorld.Id(world.People.SupportOfficerA.Id)),
            new("MemberIds", GroupWorld.Id(world.People.PoliceUser.Id)),
        ]);

        var id = GroupWorld.GroupIdFrom(response);
        var stored = await GroupWorld.StoredAsync(app, id);
        Assert.Equal(("Williams Street ASB", world.AreaA, (int?)priorities[0].Id, review), (stored.Name, stored.AreaId, stored.PriorityId, stored.ReviewOn));
        Assert.Equal((world.People.PoliceUser.Id, world.People.Police.Id, true), (stored.LeadUserId, stored.LeadOrganisationId, stored.LedByPartner));
        Assert.Equal(
            new[] { world.People.PoliceUser.Id, world.People.SupportOfficerA.Id, world.HousingUser.Id }.Order(),
            stored.Members.Select(m => m.UserId).Order());
        var events = await GroupWorld.EventsAsync(app, id);
        Assert.Equal($"Task group set up, led by {world.People.PoliceUser.DisplayName} ({world.People.Police.Name})", events[0].Summary);
        Assert.All(events, e => Assert.Equal(manager.Id, e.ActorId));
        Assert.Contains(events, e => e.Summary == $"{world.HousingUser.DisplayName} joined the group");

        var page = await client.GetDocumentAsync($"/task-groups/{id}");
        Assert.Equal("Task group set up", GroupWorld.Banner(page));
        Assert.Contains("ASB around Williams Street", page.QuerySelector("[data-testid=group-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("A partner", GroupWorld.Text(page.QuerySelector("[data-testid=led-by]")!.TextContent));
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=members] tbody tr").Length);
        Assert.Equal(events.Count, page.QuerySelectorAll("[data-testid=timeline] .moj-timeline__item").Length);
    }

    [Fact]
    public async Task An_area_manager_can_lead_for_a_council_service_and_the_group_is_counted_as_led_by_the_area_manager()
    {
        var world = await GroupWorld.CreateAsync(app);
        var manager = world.People.AreaManagerA;
        var client = app.ClientFor(manager.Id);

        var response = await client.PostFormAsync("/task-groups/new",
        [
            new("AreaId", GroupWorld.Id(world.AreaA)), new("Name", "Worklessness among 16-24s"),
            new("LeadUserId", GroupWorld.Id(manager.Id)), new("LeadOrganisationId", GroupWorld.Id(world.Communities.Id)),
            .. GroupWorld.Date("Review", GroupWorld.Today),
        ]);

        var stored = await GroupWorld.StoredAsync(app, GroupWorld.GroupIdFrom(response));
        Assert.Equal((manager.Id, world.Communities.Id, false), (stored.LeadUserId, stored.LeadOrganisationId, stored.LedByPartner));
        var page = await client.GetDocumentAsync($"/task-groups/{stored.Id}");
        Assert.Equal("The area manager", GroupWorld.Text(page.QuerySelector("[data-testid=led-by]")!.TextContent));
    }

    [Fact]
    public async Task An_area_manager_lead_with_no_organisation_needs_one_chosen()
    {
        var world = await GroupWorld.CreateAsync(app);
        var manager = world.People.AreaManagerA;
        var client = app.ClientFor(manager.Id);

        var response = await client.PostFormAsync("/task-groups/new",
        [
            new("AreaId", GroupWorld.Id(world.AreaA)), new("Name", "Doorstep lending"), new("LeadUserId", GroupWorld.Id(manager.Id)),
            new("LeadOrganisationId", ""), .. GroupWorld.Date("Review", GroupWorld.Today.AddDays(5)),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(["Select the lead organisation: the council service the area manager leads the group for"], Html.ErrorSummary(page));
        Assert.Equal("Doorstep lending", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_partnership_manager_sets_up_groups_in_any_area()
    {
        var world = await GroupWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var response = await client.PostFormAsync("/task-groups/new",
        [
            new("AreaId", GroupWorld.Id(world.AreaB)), new("Name", "Fly-tipping hot spots"), new("LeadUserId", GroupWorld.Id(world.HousingUser.Id)),
            .. GroupWorld.Date("Review", GroupWorld.Today.AddDays(30)),
        ]);

        var stored = await GroupWorld.StoredAsync(app, GroupWorld.GroupIdFrom(response));
        Assert.Equal((world.AreaB, world.Housing.Id, true), (stored.AreaId, stored.LeadOrganisationId, stored.LedByPartner));
    }

    [Fact]
    public async Task An_area_manager_cannot_set_up_a_group_in_another_area_or_with_that_areas_people()
    {
        var world = await GroupWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var elsewhere = await client.PostFormAsync("/task-groups/new",
        [
            new("AreaId", GroupWorld.Id(world.AreaB)), new("Name", "Not mine"), new("LeadUserId", GroupWorld.Id(world.HousingUser.Id)),
            .. GroupWorld.Date("Review", GroupWorld.Today.AddDays(30)),
        ]);
        var otherManagerLeads = await client.PostFormAsync("/task-groups/new",
        [
            new("AreaId", GroupWorld.Id(world.AreaA)), new("Name", "Led from B"), new("LeadUserId", GroupWorld.Id(world.People.AreaManagerB.Id)),
            new("LeadOrganisationId", GroupWorld.Id(world.Communities.Id)), .. GroupWorld.Date("Review", GroupWorld.Today.AddDays(30)),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal(["Select one of your areas"], Html.ErrorSummary(await Html.ReadAsync(elsewhere)));
        Assert.Equal(HttpStatusCode.BadRequest, otherManagerLeads.StatusCode);
        Assert.Equal(["Select who leads the group: a partner, or an area manager of the group's area"], Html.ErrorSummary(await Html.ReadAsync(otherManagerLeads)));
        Assert.False(await app.WithDbAsync(db => db.TaskGroups.AnyAsync(g => g.Name == "Not mine" || g.Name == "Led from B")));
    }

    [Fact]
    public async Task A_priority_from_another_areas_plan_is_refused()
    {
        var world = await GroupWorld.CreateAsync(app);
        var otherPlan = await GroupWorld.PlanAsync(app, world.AreaB, "Somewhere else's priority");
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var response = await client.PostFormAsync("/task-groups/new",
        [
            new("AreaId", GroupWorld.Id(world.AreaA)), new("Name", "Mixed up"), new("PriorityId", GroupWorld.Id(otherPlan[0].Id)),
            new("LeadUserId", GroupWorld.Id(world.HousingUser.Id)), .. GroupWorld.Date("Review", GroupWorld.Today.AddDays(30)),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(Html.ErrorSummary(await Html.ReadAsync(response)), e => e.StartsWith("Select a priority from this area's plan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "lead", "5", "Enter the task group's name")]
    [InlineData("Williams Street", "", "5", "Select who leads the group")]
    [InlineData("Williams Street", "lead", "-1", "The review date must be today or in the future")]
    [InlineData("Williams Street", "lead", "none", "Enter a real review date, like 27 3 2027")]
    public async Task Bad_input_is_refused_with_a_message_and_what_was_typed_kept(string name, string lead, string reviewInDays, string message)
    {
        var world = await GroupWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var review = reviewInDays == "none" ? null : (DateOnly?)GroupWorld.Today.AddDays(int.Parse(reviewInDays, System.Globalization.CultureInfo.InvariantCulture));
        KeyValuePair<string, string>[] date = review is { } on ? GroupWorld.Date("Review", on) : [new("ReviewDay", "31"), new("ReviewMonth", "2"), new("ReviewYear", "2030")];
        var before = await app.WithDbAsync(db => db.TaskGroups.CountAsync());

        var response = await client.PostFormAsync("/task-groups/new",
        [
            new("AreaId", GroupWorld.Id(world.AreaA)), new("Name", name), new("LeadUserId", lead == "lead" ? GroupWorld.Id(world.People.PoliceUser.Id) : ""),
            .. date, new("MemberIds", GroupWorld.Id(world.HousingUser.Id)),
        ]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], Html.ErrorSummary(page));
        Assert.Equal(name, page.QuerySelector("input[name=Name]")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(date[0].Value, page.QuerySelector("input[name=ReviewDay]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"input[name=MemberIds][value='{world.HousingUser.Id}'][checked]"));
        Assert.Equal(before, await app.WithDbAsync(db => db.TaskGroups.CountAsync()));
    }

    [Fact]
    public async Task Every_error_at_once_is_listed()
    {
        var world = await GroupWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var response = await client.PostFormAsync("/task-groups/new", [new("AreaId", ""), new("Name", " "), new("LeadUserId", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["Select the area", "Enter the task group's name", "Select who leads the group", "Enter a real review date, like 27 3 2027"],
            Html.ErrorSummary(await Html.ReadAsync(response)));
    }

    [Theory]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.PartnerUser)]
    public async Task Support_officers_and_partners_cannot_set_up_groups(string role)
    {
        var world = await GroupWorld.CreateAsync(app);
        var user = role == Roles.SupportOfficer ? world.People.SupportOfficerA : world.People.PoliceUser;
        var client = app.ClientFor(user.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/task-groups/new", UriKind.Relative))).StatusCode);
        var forged = await client.PostFormAsync("/",
        [
            new("AreaId", GroupWorld.Id(world.AreaA)), new("Name", "Forged group"), new("LeadUserId", GroupWorld.Id(world.People.PoliceUser.Id)),
            .. GroupWorld.Date("Review", GroupWorld.Today.AddDays(30)),
        ], "/task-groups/new");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.TaskGroups.AnyAsync(g => g.Name == "Forged group")));
    }

    [Fact]
    public async Task The_form_offers_partners_and_the_areas_managers_to_lead_but_not_other_areas_managers()
    {
        var world = await GroupWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var page = await client.GetDocumentAsync("/task-groups/new");

        var leads = page.QuerySelectorAll("#LeadUserId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(GroupWorld.Id(world.People.PoliceUser.Id), leads);
        Assert.Contains(GroupWorld.Id(world.HousingUser.Id), leads);
        Assert.Contains(GroupWorld.Id(world.People.AreaManagerA.Id), leads);
        Assert.DoesNotContain(GroupWorld.Id(world.People.AreaManagerB.Id), leads);
        Assert.DoesNotContain(GroupWorld.Id(world.People.SupportOfficerA.Id), leads);
        var areas = page.QuerySelectorAll("#AreaId option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        Assert.Equal([GroupWorld.Id(world.AreaA)], areas);
        Assert.NotNull(page.QuerySelector($"#LeadOrganisationId option[value='{world.Communities.Id}']"));
        Assert.Null(page.QuerySelector($"#LeadOrganisationId option[value='{world.Housing.Id}']"));
    }

    [Fact]
    public async Task The_lead_chosen_as_a_member_too_is_a_member_once()
    {
        var world = await GroupWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await client.PostFormAsync("/task-groups/new",
        [
            new("AreaId", GroupWorld.Id(world.AreaA)), new("Name", "Once only"), new("LeadUserId", GroupWorld.Id(world.HousingUser.Id)),
            .. GroupWorld.Date("Review", GroupWorld.Today.AddDays(30)), new("MemberIds", GroupWorld.Id(world.HousingUser.Id)),
        ]);

        var stored = await GroupWorld.StoredAsync(app, GroupWorld.GroupIdFrom(response));
        Assert.Equal([world.HousingUser.Id], stored.Members.Select(m => m.UserId));
        Assert.Equal(TaskGroupStatus.Active, stored.Status);
    }
}
