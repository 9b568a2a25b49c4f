using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.IntegrationTests.Issues;
using static AreaPartnerships.IntegrationTests.AreaPlans.PlanWorld;

namespace AreaPartnerships.IntegrationTests.AreaPlans;

/// <summary>The area manager adds, changes, reorders and removes their area plan's priorities.</summary>
public sealed class PriorityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Area_manager_adds_priorities_to_a_plan_that_did_not_exist_yet_and_they_appear_in_order()
    {
        var world = await PlanWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var empty = await client.GetDocumentAsync($"/area-plans/{world.AreaA}");
        Assert.NotNull(empty.QuerySelector("[data-testid=no-priorities]"));
        Assert.Null(await PlanAsync(app, world.AreaA, ThisYear));

        var first = await client.PostFormAsync($"/area-plans/{world.AreaA}/priorities/new?year={ThisYear}",
            [new("Title", "  ASB around Williams Street  "), new("Description", "Youths gathering by the shops"), new("LeadOrganisationId", Id(world.Police.Id))]);
        var second = await client.PostFormAsync($"/area-plans/{world.AreaA}/priorities/new?year={ThisYear}",
            [new("Title", "Doorstep lending"), new("Description", ""), new("LeadOrganisationId", "")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith($"/area-plans/{world.AreaA}?year={ThisYear}", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync(second.Headers.Location!.OriginalString);
        Assert.Equal("Priority ‘Doorstep lending’ added", Banner(page));
        Assert.Equal(["ASB around Williams Street", "Doorstep lending"], TitlesOn(page));
        Assert.Equal([world.Police.Name, "Not chosen yet"], page.QuerySelectorAll("[data-testid=priority-lead]").Select(l => Text(l.TextContent)));
        var stored = await PrioritiesAsync(app, world.AreaA, ThisYear);
        Assert.Equal([("ASB around Williams Street", "Youths gathering by the shops", (int?)world.Police.Id, 1), ("Doorstep lending", null, null, 2)],
            stored.Select(p => (p.Title, p.Description, p.LeadOrganisationId, p.DisplayOrder)));
    }

    [Fact]
    public async Task Plans_are_kept_per_financial_year()
    {
        var world = await PlanWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var nextYear = ThisYear + 1;
        await CreatePlanAsync(app, world.AreaA, ThisYear, "This year's priority");

        var added = await client.PostFormAsync($"/area-plans/{world.AreaA}/priorities/new?year={nextYear}", [new("Title", "Next year's priority")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["This year's priority"], TitlesOn(await client.GetDocumentAsync($"/area-plans/{world.AreaA}")));
        var next = await client.GetDocumentAsync($"/area-plans/{world.AreaA}?year={nextYear}");
        Assert.Equal(["Next year's priority"], TitlesOn(next));
        Assert.Contains($"{nextYear}/{(nextYear + 1) % 100:00}", Text(next.QuerySelector(".govuk-caption-l")?.TextContent), StringComparison.Ordinal);
        Assert.Equal(Id(nextYear), next.QuerySelector("select[name=Year] option[selected]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("", "Enter the priority's title")]
    [InlineData("   ", "Enter the priority's title")]
    [InlineData(null, "Title must be 200 characters or fewer")]
    public async Task A_priority_with_a_blank_or_too_long_title_is_refused_and_what_was_typed_kept(string? title, string message)
    {
        var world = await PlanWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        title ??= new string('t', Priority.TitleMaxLength + 1);

        var response = await client.PostFormAsync($"/area-plans/{world.AreaA}/priorities/new",
            [new("Title", title), new("Description", "Loan sharks on the estate"), new("LeadOrganisationId", Id(world.Police.Id))]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], Html.ErrorSummary(page));
        Assert.Equal("#Title", page.QuerySelector(".govuk-error-summary a")?.GetAttribute("href"));
        Assert.Equal(title, page.QuerySelector("input[name=Title]")?.GetAttribute("value"));
        Assert.Equal("Loan sharks on the estate", page.QuerySelector("textarea[name=Description]")?.TextContent.Trim());
        Assert.Equal(Id(world.Police.Id), page.QuerySelector("select[name=LeadOrganisationId] option[selected]")?.GetAttribute("value"));
        Assert.Null(await PlanAsync(app, world.AreaA, ThisYear));
    }

    [Fact]
    public async Task A_too_long_description_and_an_unknown_lead_organisation_are_refused()
    {
        var world = await PlanWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/area-plans/{world.AreaA}/priorities/new";

        var tooLong = await client.PostFormAsync(url, [new("Title", "Doorstep lending"), new("Description", new string('d', Priority.DescriptionMaxLength + 1))]);
        var unknownLead = await client.PostFormAsync(url, [new("Title", "Doorstep lending"), new("LeadOrganisationId", "999999")]);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["Description must be 4000 characters or fewer"], Html.ErrorSummary(await Html.ReadAsync(tooLong)));
        Assert.Equal(HttpStatusCode.BadRequest, unknownLead.StatusCode);
        var page = await Html.ReadAsync(unknownLead);
        Assert.Equal(["Select the lead organisation from the list"], Html.ErrorSummary(page));
        Assert.Equal("Doorstep lending", page.QuerySelector("input[name=Title]")?.GetAttribute("value"));
        Assert.Empty(await PrioritiesAsync(app, world.AreaA, ThisYear));
    }

    [Fact]
    public async Task Area_manager_changes_a_priority_from_a_form_filled_with_what_it_says_now()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB", "Doorstep lending");
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/area-plans/{world.AreaA}/priorities/{ids[0]}/edit";
        var form = await client.GetDocumentAsync(url);
        Assert.Equal("ASB", form.QuerySelector("input[name=Title]")?.GetAttribute("value"));

        var saved = await IssueWorld.PostWithVersionAsync(client, url,
            [new("Title", "ASB around Williams Street"), new("Description", "Youths gathering by the shops"), new("LeadOrganisationId", Id(world.Housing.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("Priority ‘ASB around Williams Street’ changed", Banner(page));
        Assert.Equal(["ASB around Williams Street", "Doorstep lending"], TitlesOn(page));
        Assert.Equal("Youths gathering by the shops", Text(page.QuerySelector("[data-testid=priority-description]")?.TextContent));
        var stored = (await PrioritiesAsync(app, world.AreaA, ThisYear))[0];
        Assert.Equal(("ASB around Williams Street", "Youths gathering by the shops", (int?)world.Housing.Id, 1), (stored.Title, stored.Description, stored.LeadOrganisationId, stored.DisplayOrder));
    }

    [Fact]
    public async Task A_blank_title_on_change_is_refused_and_the_priority_kept()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB");
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/area-plans/{world.AreaA}/priorities/{ids[0]}/edit";

        var response = await IssueWorld.PostWithVersionAsync(client, url, [new("Title", ""), new("Description", "Kept as typed")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter the priority's title"], Html.ErrorSummary(page));
        Assert.Equal("Kept as typed", page.QuerySelector("textarea[name=Description]")?.TextContent.Trim());
        Assert.Equal("ASB", (await PrioritiesAsync(app, world.AreaA, ThisYear))[0].Title);
    }

    [Fact]
    public async Task Second_of_two_concurrent_changes_to_a_priority_is_refused_and_the_first_kept()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB");
        var url = $"/area-plans/{world.AreaA}/priorities/{ids[0]}/edit";
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var boroughLead = app.ClientFor(world.People.PartnershipManager.Id);
        var staleVersion = IssueWorld.VersionOn(await boroughLead.GetDocumentAsync(url));

        var first = await IssueWorld.PostWithVersionAsync(manager, url, [new("Title", "ASB around Williams Street"), new("LeadOrganisationId", Id(world.Police.Id))]);
        var second = await boroughLead.PostFormAsync(url, [new("Title", "Anti-social behaviour"), new("Description", "Borough view"), new("Version", staleVersion)]);
        var page = await Html.ReadAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var message = Assert.Single(Html.ErrorSummary(page));
        Assert.StartsWith("Someone else changed this priority while you were editing it, so your changes have not been saved.", message, StringComparison.Ordinal);
        Assert.Contains("title ‘ASB around Williams Street’", message, StringComparison.Ordinal);
        Assert.Contains($"lead organisation {world.Police.Name}", message, StringComparison.Ordinal);
        Assert.Equal("Anti-social behaviour", page.QuerySelector("input[name=Title]")?.GetAttribute("value"));
        Assert.Equal("Borough view", page.QuerySelector("textarea[name=Description]")?.TextContent.Trim());
        Assert.NotEqual(staleVersion, IssueWorld.VersionOn(page));
        var stored = (await PrioritiesAsync(app, world.AreaA, ThisYear))[0];
        Assert.Equal(("ASB around Williams Street", (int?)world.Police.Id), (stored.Title, stored.LeadOrganisationId));

        var again = await boroughLead.PostFormAsync(url, [new("Title", "Anti-social behaviour"), new("Version", IssueWorld.VersionOn(page))]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Anti-social behaviour", (await PrioritiesAsync(app, world.AreaA, ThisYear))[0].Title);
    }

    [Fact]
    public async Task Priorities_move_up_and_down_the_plan()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "First", "Second", "Third");
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var plan = $"/area-plans/{world.AreaA}";
        var page = await client.GetDocumentAsync(plan);
        Assert.Equal($"{plan}/priorities/{ids[2]}/move-up", page.QuerySelector($"#priority-{ids[2]} form")?.GetAttribute("action"));
        Assert.Null(page.QuerySelector($"#priority-{ids[0]} button:not([formaction])"));

        var up = await client.PostFormAsync(plan, [], $"{plan}/priorities/{ids[2]}/move-up");
        var down = await client.PostFormAsync(plan, [], $"{plan}/priorities/{ids[0]}/move-down");

        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal($"{plan}?year={ThisYear}#priority-{ids[0]}", down.Headers.Location!.OriginalString);
        var after = await client.GetDocumentAsync(down.Headers.Location!.OriginalString);
        Assert.Equal("‘First’ moved down", Banner(after));
        Assert.Equal(["Third", "First", "Second"], TitlesOn(after));
        Assert.Equal(["Third", "First", "Second"], (await PrioritiesAsync(app, world.AreaA, ThisYear)).Select(p => p.Title));
    }

    [Fact]
    public async Task The_first_priority_cannot_move_up_and_the_plan_says_so()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "First", "Second");
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var plan = $"/area-plans/{world.AreaA}";

        var response = await client.PostFormAsync(plan, [], $"{plan}/priorities/{ids[0]}/move-up");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("‘First’ is already the first priority", Banner(page));
        Assert.Equal(["First", "Second"], (await PrioritiesAsync(app, world.AreaA, ThisYear)).Select(p => p.Title));
    }

    [Fact]
    public async Task Area_manager_removes_a_priority_after_confirming()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "First", "Second", "Third");
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/area-plans/{world.AreaA}/priorities/{ids[1]}/remove";
        var confirm = await client.GetDocumentAsync(url);
        Assert.Equal("Are you sure you want to remove ‘Second’?", Text(confirm.QuerySelector("h1")?.TextContent));

        var removed = await IssueWorld.PostWithVersionAsync(client, url, []);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var page = await client.GetDocumentAsync(removed.Headers.Location!.OriginalString);
        Assert.Equal("Priority ‘Second’ removed", Banner(page));
        Assert.Equal(["First", "Third"], TitlesOn(page));
        Assert.Equal(["First", "Third"], (await PrioritiesAsync(app, world.AreaA, ThisYear)).Select(p => p.Title));
    }

    [Fact]
    public async Task A_priority_a_task_group_serves_cannot_be_removed()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB around Williams Street");
        var group = await world.CreateTaskGroupAsync(app, ids[0], "Williams Street ASB", closed: true);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/area-plans/{world.AreaA}/priorities/{ids[0]}/remove";

        var confirm = await client.GetDocumentAsync(url);
        var response = await client.PostFormAsync($"/area-plans/{world.AreaA}", [new("Version", (await PriorityVersionAsync(app, ids[0])).ToString())], url);

        Assert.Equal("‘ASB around Williams Street’ cannot be removed yet", Text(confirm.QuerySelector("h1")?.TextContent));
        Assert.Equal([group.Name], confirm.QuerySelectorAll("[data-testid=serving-task-groups] li").Select(li => Text(li.TextContent)));
        Assert.Null(confirm.QuerySelector("main form[method=post]"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = await Html.ReadAsync(response);
        Assert.Equal(["‘ASB around Williams Street’ cannot be removed: the task group ‘Williams Street ASB’ serves it. Link the group to another priority first"],
            Html.ErrorSummary(refused));
        Assert.Null(refused.QuerySelector(".govuk-error-summary a"));
        Assert.Equal($"/task-groups/{group.Id}", confirm.QuerySelector("[data-testid=serving-task-groups] a")?.GetAttribute("href"));
        Assert.Single(await PrioritiesAsync(app, world.AreaA, ThisYear));
    }

    [Fact]
    public async Task A_priority_changed_after_the_confirmation_page_was_read_is_not_removed()
    {
        var world = await PlanWorld.CreateAsync(app);
        var ids = await CreatePlanAsync(app, world.AreaA, ThisYear, "ASB");
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/area-plans/{world.AreaA}/priorities/{ids[0]}/remove";
        var staleVersion = IssueWorld.VersionOn(await client.GetDocumentAsync(url));
        var edit = await IssueWorld.PostWithVersionAsync(app.ClientFor(world.People.PartnershipManager.Id), $"/area-plans/{world.AreaA}/priorities/{ids[0]}/edit", [new("Title", "ASB around Williams Street")]);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        var response = await client.PostFormAsync(url, [new("Version", staleVersion)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single(Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.Contains("Someone else changed this priority", message, StringComparison.Ordinal);
        Assert.Contains("title ‘ASB around Williams Street’", message, StringComparison.Ordinal);
        Assert.Equal(["ASB around Williams Street"], (await PrioritiesAsync(app, world.AreaA, ThisYear)).Select(p => p.Title));
    }
}
