using AreaPartnerships.Domain.Identity;
using static AreaPartnerships.IntegrationTests.AreaPlans.PlanWorld;

namespace AreaPartnerships.IntegrationTests.AreaPlans;

/// <summary>Who sees which area's plan and who may change it, role by role.</summary>
public sealed class AreaPlanAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> NotOfficers => [Roles.Councillor, Roles.PartnerUser, Roles.Administrator];

    [Theory]
    [MemberData(nameof(NotOfficers))]
    public async Task Councillors_partners_and_administrators_are_refused_every_area_plan_page(string role)
    {
        var world = await PlanWorld.CreateAsync(app);
        var user = role switch
        {
            Roles.Councillor => world.People.CouncillorA1,
            Roles.PartnerUser => world.HousingUser,
            _ => world.Administrator,
        };
        var client = app.ClientFor(user.Id);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB around Williams Street");
        var priorityUrl = $"/area-plans/{world.AreaA}/priorities/{ids[0]}";

        foreach (var url in new[] { "/area-plans", $"/area-plans/{world.AreaA}", $"/area-plans/{world.AreaA}/priorities/new", $"{priorityUrl}/edit", $"{priorityUrl}/remove", $"/area-plans/{world.AreaA}/summary" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url(url))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"/area-plans/{world.AreaA}/priorities/new", [new("Title", "Sneaked in")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{priorityUrl}/edit", [new("Title", "Renamed"), new("Version", (await PriorityVersionAsync(app, ids[0])).ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{priorityUrl}/remove", [new("Version", (await PriorityVersionAsync(app, ids[0])).ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"/area-plans/{world.AreaA}/summary", [new("Summary", "Ours now")])).StatusCode);
        Assert.Equal(["ASB around Williams Street"], (await PrioritiesAsync(app, world.AreaA, ThisYear)).Select(p => p.Title));
        Assert.Null((await PlanAsync(app, world.AreaA, ThisYear))!.Summary);
    }

    [Fact]
    public async Task A_partner_who_leads_a_task_group_serving_a_priority_still_cannot_see_the_plan()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB around Williams Street");
        await world.CreateTaskGroupAsync(app, ids[0], "Williams Street ASB");
        var member = app.ClientFor(world.People.PoliceUser.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(Url($"/area-plans/{world.AreaA}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(Url("/area-plans"))).StatusCode);
    }

    [Fact]
    public async Task Support_officer_sees_their_area_plan_without_any_way_to_change_it()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB around Williams Street", "Doorstep lending");
        await world.CreateTaskGroupAsync(app, ids[0], "Williams Street ASB");
        var client = app.ClientFor(world.People.SupportOfficerA.Id);

        var page = await client.GetDocumentAsync($"/area-plans/{world.AreaA}");

        Assert.Equal(["ASB around Williams Street", "Doorstep lending"], TitlesOn(page));
        Assert.Equal("Williams Street ASB", Text(page.QuerySelector("[data-testid=task-group] a")?.TextContent));
        Assert.DoesNotContain(page.QuerySelectorAll("form[method=post] button[type=submit]"), b => !b.TextContent.Contains("Sign out", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll($"a[href*='/priorities/'], a[href*='/summary']"));
        var index = await client.GetDocumentAsync("/area-plans");
        Assert.Equal([world.AreaA.ToString(System.Globalization.CultureInfo.InvariantCulture)], index.QuerySelectorAll("[data-testid=area-plan]").Select(c => c.GetAttribute("data-area-id")));
    }

    [Fact]
    public async Task Support_officer_is_refused_every_change_to_their_area_plan()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "First", "Second");
        var client = app.ClientFor(world.People.SupportOfficerA.Id);
        var plan = $"/area-plans/{world.AreaA}";
        var version = (await PriorityVersionAsync(app, ids[0])).ToString();

        foreach (var url in new[] { $"{plan}/priorities/new", $"{plan}/priorities/{ids[0]}/edit", $"{plan}/priorities/{ids[0]}/remove", $"{plan}/summary" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url(url))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{plan}/priorities/new", [new("Title", "Added anyway")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{plan}/priorities/new", [new("Title", "")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{plan}/priorities/{ids[0]}/edit", [new("Title", "Renamed"), new("Version", version)])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{plan}/priorities/{ids[0]}/move-down", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{plan}/priorities/{ids[0]}/remove", [new("Version", version)])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{plan}/summary", [new("Summary", "Ours now")])).StatusCode);
        Assert.Equal(["First", "Second"], (await PrioritiesAsync(app, world.AreaA, ThisYear)).Select(p => p.Title));
        Assert.Null((await PlanAsync(app, world.AreaA, ThisYear))!.Summary);
    }

    [Fact]
    public async Task Another_area_manager_finds_no_plan_for_an_area_that_is_not_theirs()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB around Williams Street");
        var client = app.ClientFor(world.People.AreaManagerB.Id);
        var plan = $"/area-plans/{world.AreaA}";
        var version = (await PriorityVersionAsync(app, ids[0])).ToString();

        foreach (var url in new[] { plan, $"{plan}/priorities/new", $"{plan}/priorities/{ids[0]}/edit", $"{plan}/priorities/{ids[0]}/remove", $"{plan}/summary" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(url))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, $"{plan}/priorities/new", [new("Title", "Added anyway")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, $"{plan}/priorities/{ids[0]}/edit", [new("Title", "Renamed"), new("Version", version)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, $"{plan}/priorities/{ids[0]}/move-up", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, $"{plan}/priorities/{ids[0]}/remove", [new("Version", version)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, $"{plan}/summary", [new("Summary", "Ours now")])).StatusCode);
        Assert.Equal(["ASB around Williams Street"], (await PrioritiesAsync(app, world.AreaA, ThisYear)).Select(p => p.Title));
        var index = await client.GetDocumentAsync("/area-plans");
        Assert.DoesNotContain(index.QuerySelectorAll("[data-testid=area-plan]"), c => c.GetAttribute("data-area-id") == Id(world.AreaA));
    }

    [Fact]
    public async Task A_priority_is_not_found_through_another_areas_address()
    {
        var world = await PlanWorld.CreateAsync(app);
        var inB = await CreatePlanAsync(app, world.AreaB, ThisYear, "Area B's priority");
        var client = app.ClientFor(world.People.PartnershipManager.Id);
        var wrong = $"/area-plans/{world.AreaA}/priorities/{inB[0]}";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"{wrong}/edit"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"{wrong}/remove"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, $"{wrong}/move-up", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, $"{wrong}/edit", [new("Title", "Renamed"), new("Version", (await PriorityVersionAsync(app, inB[0])).ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, $"{wrong}/remove", [new("Version", (await PriorityVersionAsync(app, inB[0])).ToString())])).StatusCode);
        Assert.Equal(["Area B's priority"], (await PrioritiesAsync(app, world.AreaB, ThisYear)).Select(p => p.Title));
    }

    [Fact]
    public async Task An_area_or_priority_that_does_not_exist_is_not_found()
    {
        var world = await PlanWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url("/area-plans/999999"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url("/area-plans/999999/priorities/new"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"/area-plans/{world.AreaA}/priorities/999999/edit"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"/area-plans/{world.AreaA}/priorities/999999/remove"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, $"/area-plans/{world.AreaA}/priorities/999999/move-down", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"/area-plans/{world.AreaA}?year=1066"))).StatusCode);
    }

    [Fact]
    public async Task Partnership_manager_can_change_any_areas_plan()
    {
        var world = await PlanWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var added = await client.PostFormAsync($"/area-plans/{world.AreaB}/priorities/new", [new("Title", "Doorstep lending")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["Doorstep lending"], (await PrioritiesAsync(app, world.AreaB, ThisYear)).Select(p => p.Title));
        var page = await client.GetDocumentAsync($"/area-plans/{world.AreaB}");
        Assert.NotNull(page.QuerySelector($"a[href='/area-plans/{world.AreaB}/priorities/new?year={ThisYear}']"));
    }
}
