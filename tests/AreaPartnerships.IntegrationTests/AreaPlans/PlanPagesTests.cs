using AreaPartnerships.Domain.Identity;
using static AreaPartnerships.IntegrationTests.AreaPlans.PlanWorld;

namespace AreaPartnerships.IntegrationTests.AreaPlans;

/// <summary>What the plan pages show: each priority's lead and the task groups serving it, and every area side by side for the partnership manager.</summary>
public sealed class PlanPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_plan_shows_the_task_groups_serving_each_priority_who_leads_them_and_an_overdue_review()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB around Williams Street", "Doorstep lending");
        var partnerLed = await world.CreateTaskGroupAsync(app, ids[0], "Williams Street ASB", reviewInDays: -3);
        var managerLed = await world.CreateTaskGroupAsync(app, ids[0], "Youth outreach", ledByAreaManager: true, reviewInDays: 10);
        var closed = await world.CreateTaskGroupAsync(app, ids[0], "Alley gating", reviewInDays: -30, closed: true);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var page = await client.GetDocumentAsync($"/area-plans/{world.AreaA}?year={ThisYear}");

        var cards = page.QuerySelectorAll("[data-testid=priority]");
        var rows = cards[0].QuerySelectorAll("[data-testid=task-group]")
            .ToDictionary(r => int.Parse(r.GetAttribute("data-task-group-id")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, rows.Count);
        Assert.Equal($"/task-groups/{partnerLed.Id}", rows[partnerLed.Id].QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains(world.People.PoliceUser.DisplayName, rows[partnerLed.Id].TextContent, StringComparison.Ordinal);
        Assert.Contains(world.Police.Name, rows[partnerLed.Id].TextContent, StringComparison.Ordinal);
        Assert.Equal("A partner", Text(rows[partnerLed.Id].QuerySelector("[data-testid=led-by]")?.TextContent));
        Assert.NotNull(rows[partnerLed.Id].QuerySelector("[data-testid=review-overdue]"));
        Assert.Equal("The area manager", Text(rows[managerLed.Id].QuerySelector("[data-testid=led-by]")?.TextContent));
        Assert.Null(rows[managerLed.Id].QuerySelector("[data-testid=review-overdue]"));
        Assert.Contains("Active", rows[managerLed.Id].TextContent, StringComparison.Ordinal);
        Assert.Contains("Closed", rows[closed.Id].TextContent, StringComparison.Ordinal);
        Assert.Null(rows[closed.Id].QuerySelector("[data-testid=review-overdue]"));
        Assert.NotNull(cards[1].QuerySelector("[data-testid=no-task-groups]"));
    }

    [Fact]
    public async Task Partnership_manager_sees_every_areas_plan_side_by_side()
    {
        var world = await PlanWorld.CreateAsync(app);
        var idsA = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB around Williams Street", "Doorstep lending");
        await CreatePlanAsync(app, world.AreaB, ThisYear, "Worklessness among 16–24s");
        var active = await world.CreateTaskGroupAsync(app, idsA[0], "Williams Street ASB");
        await world.CreateTaskGroupAsync(app, idsA[0], "Alley gating", closed: true);
        var noPlan = await app.Data.CreateAreaAsync();
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var page = await client.GetDocumentAsync("/area-plans");

        var cards = page.QuerySelectorAll("[data-testid=area-plan]").ToDictionary(c => c.GetAttribute("data-area-id")!);
        Assert.Contains(Id(world.AreaA), cards.Keys);
        Assert.Contains(Id(world.AreaB), cards.Keys);
        var a = cards[Id(world.AreaA)];
        Assert.Equal(["ASB around Williams Street", "Doorstep lending"], a.QuerySelectorAll("[data-testid=priority-title]").Select(t => Text(t.TextContent)));
        var groups = a.QuerySelectorAll("[data-testid=priority]")[0].QuerySelectorAll("[data-testid=priority-groups] a");
        Assert.Equal([("Williams Street ASB", $"/task-groups/{active.Id}")], groups.Select(g => (Text(g.TextContent), g.GetAttribute("href"))));
        Assert.Equal("No active task group", Text(a.QuerySelectorAll("[data-testid=priority-groups]")[1].TextContent));
        Assert.Equal(["Worklessness among 16–24s"], cards[Id(world.AreaB)].QuerySelectorAll("[data-testid=priority-title]").Select(t => Text(t.TextContent)));
        Assert.NotNull(cards[Id(noPlan.Id)].QuerySelector("[data-testid=no-plan]"));
        Assert.Equal($"/area-plans/{world.AreaA}?year={ThisYear}", a.QuerySelector(".govuk-summary-card__actions a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task An_area_manager_sees_only_their_own_areas()
    {
        var world = await PlanWorld.CreateAsync(app);
        var second = await app.Data.CreateAreaAsync();
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [world.AreaA, second.Id]);
        await CreatePlanAsync(app, world.AreaB, ThisYear, "Not theirs");

        var page = await app.ClientFor(manager.Id).GetDocumentAsync("/area-plans");

        Assert.Equal(new[] { Id(world.AreaA), Id(second.Id) }.Order(), page.QuerySelectorAll("[data-testid=area-plan]").Select(c => c.GetAttribute("data-area-id")!).Order());
    }

    [Fact]
    public async Task The_year_chooser_shows_another_years_plans_and_the_current_year_by_default()
    {
        var world = await PlanWorld.CreateAsync(app);
        await CreatePlanAsync(app, world.AreaA, ThisYear - 1, "Last year's priority");
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var current = await client.GetDocumentAsync("/area-plans");
        var last = await client.GetDocumentAsync($"/area-plans?year={ThisYear - 1}");
        var unreadable = await client.GetDocumentAsync("/area-plans?year=soon");

        Assert.Equal(Id(ThisYear), current.QuerySelector("select[name=Year] option[selected]")?.GetAttribute("value"));
        Assert.NotNull(current.QuerySelector($"[data-area-id='{world.AreaA}'] [data-testid=no-plan]"));
        Assert.Equal(["Last year's priority"], last.QuerySelectorAll($"[data-area-id='{world.AreaA}'] [data-testid=priority-title]").Select(t => Text(t.TextContent)));
        Assert.Equal(Id(ThisYear), unreadable.QuerySelector("select[name=Year] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Area_manager_writes_the_summary_of_a_plan_that_did_not_exist_yet_and_changes_it()
    {
        var world = await PlanWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/area-plans/{world.AreaA}/summary?year={ThisYear}";

        var written = await Issues.IssueWorld.PostWithVersionAsync(client, url, [new("Summary", "  Safer streets first.\nThen money worries.  ")]);

        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var page = await client.GetDocumentAsync(written.Headers.Location!.OriginalString);
        Assert.Equal("Plan summary saved", Banner(page));
        Assert.Equal("Safer streets first.\nThen money worries.", page.QuerySelector("[data-testid=plan-summary]")?.TextContent);
        var changed = await Issues.IssueWorld.PostWithVersionAsync(client, url, [new("Summary", "Jobs for young people")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("Jobs for young people", (await PlanAsync(app, world.AreaA, ThisYear))!.Summary);
    }

    [Fact]
    public async Task A_too_long_summary_is_refused_and_what_was_typed_kept()
    {
        var world = await PlanWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var typed = new string('s', Domain.AreaPlans.AreaPlan.SummaryMaxLength + 1);

        var response = await Issues.IssueWorld.PostWithVersionAsync(client, $"/area-plans/{world.AreaA}/summary", [new("Summary", typed)]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Summary must be 4000 characters or fewer"], Html.ErrorSummary(page));
        Assert.Equal(typed, page.QuerySelector("textarea[name=Summary]")?.TextContent.Trim());
        Assert.Null(await PlanAsync(app, world.AreaA, ThisYear));
    }

    [Fact]
    public async Task Second_of_two_concurrent_summaries_is_refused_and_the_first_kept()
    {
        var world = await PlanWorld.CreateAsync(app);
        await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB");
        var url = $"/area-plans/{world.AreaA}/summary";
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var boroughLead = app.ClientFor(world.People.PartnershipManager.Id);
        var stale = Issues.IssueWorld.VersionOn(await boroughLead.GetDocumentAsync(url));

        Assert.Equal(HttpStatusCode.Redirect, (await Issues.IssueWorld.PostWithVersionAsync(manager, url, [new("Summary", "The manager's summary")])).StatusCode);
        var second = await boroughLead.PostFormAsync(url, [new("Summary", "The borough's summary"), new("Version", stale)]);
        var page = await Html.ReadAsync(second);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var message = Assert.Single(Html.ErrorSummary(page));
        Assert.StartsWith("Someone else changed this plan while you were editing it", message, StringComparison.Ordinal);
        Assert.Contains("summary ‘The manager's summary’", message, StringComparison.Ordinal);
        Assert.Equal("The borough's summary", page.QuerySelector("textarea[name=Summary]")?.TextContent.Trim());
        Assert.Equal("The manager's summary", (await PlanAsync(app, world.AreaA, ThisYear))!.Summary);
    }

    [Fact]
    public async Task A_summary_written_while_someone_else_started_the_plan_is_refused_and_theirs_kept()
    {
        var world = await PlanWorld.CreateAsync(app);
        var url = $"/area-plans/{world.AreaA}/summary";
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var boroughLead = app.ClientFor(world.People.PartnershipManager.Id);
        var before = Issues.IssueWorld.VersionOn(await boroughLead.GetDocumentAsync(url));
        Assert.Equal(Guid.Empty.ToString(), before);

        Assert.Equal(HttpStatusCode.Redirect, (await Issues.IssueWorld.PostWithVersionAsync(manager, url, [new("Summary", "The manager's summary")])).StatusCode);
        var second = await boroughLead.PostFormAsync(url, [new("Summary", "The borough's summary"), new("Version", before)]);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("summary ‘The manager's summary’", Assert.Single(Html.ErrorSummary(await Html.ReadAsync(second))), StringComparison.Ordinal);
        Assert.Equal("The manager's summary", (await PlanAsync(app, world.AreaA, ThisYear))!.Summary);
    }
}
