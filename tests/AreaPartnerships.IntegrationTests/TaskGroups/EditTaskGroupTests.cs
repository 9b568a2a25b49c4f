using AreaPartnerships.IntegrationTests.Issues;

namespace AreaPartnerships.IntegrationTests.TaskGroups;

public sealed class EditTaskGroupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_area_manager_changes_the_name_lead_and_review_date_and_each_change_is_on_the_timeline()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, name: "ASB around Williams Street");
        var manager = world.People.AreaManagerA;
        var client = app.ClientFor(manager.Id);
        var url = $"/task-groups/{group.Id}/edit";
        var review = GroupWorld.Today.AddDays(90);

        var form = await client.GetDocumentAsync(url);
        Assert.Equal("ASB around Williams Street", form.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector($"#LeadUserId option[value='{world.People.PoliceUser.Id}'][selected]"));
        var response = await client.PostFormAsync(url,
        [
            new("Name", "Williams Street and Pleck Road"), new("LeadUserId", GroupWorld.Id(manager.Id)), new("LeadOrganisationId", GroupWorld.Id(world.Communities.Id)),
            .. GroupWorld.Date("Review", review), new("Version", IssueWorld.VersionOn(form)),
        ]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await GroupWorld.FailureAsync(response));
        var stored = await GroupWorld.StoredAsync(app, group.Id);
        Assert.Equal(("Williams Street and Pleck Road", manager.Id, world.Communities.Id, false, review),
            (stored.Name, stored.LeadUserId, stored.LeadOrganisationId, stored.LedByPartner, stored.ReviewOn));
        Assert.True(stored.HasMember(manager.Id));
        Assert.True(stored.HasMember(world.People.PoliceUser.Id));
        var summaries = (await GroupWorld.EventsAsync(app, group.Id)).Skip(1).Select(e => e.Summary).ToList();
        Assert.Equal(
            [
                "Renamed from ‘ASB around Williams Street’ to ‘Williams Street and Pleck Road’",
                $"Lead changed to {manager.DisplayName} ({world.Communities.Name})",
                $"Review date changed from {group.ReviewOn:d MMMM yyyy} to {review:d MMMM yyyy}",
            ],
            summaries);
        var page = await client.GetDocumentAsync($"/task-groups/{group.Id}");
        Assert.Equal("Task group changed", GroupWorld.Banner(page));
        Assert.Equal($"by {manager.DisplayName}", GroupWorld.Text(page.QuerySelector("[data-testid=timeline] .moj-timeline__byline")!.TextContent));
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_with_what_the_group_reads_now_and_the_first_kept()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var first = app.ClientFor(world.People.AreaManagerA.Id);
        var second = app.ClientFor(world.People.PartnershipManager.Id);
        var url = $"/task-groups/{group.Id}/edit";
        var version = IssueWorld.VersionOn(await second.GetDocumentAsync(url));
        KeyValuePair<string, string>[] Fields(string name) =>
            [new("Name", name), new("LeadUserId", GroupWorld.Id(world.People.PoliceUser.Id)), .. GroupWorld.Date("Review", group.ReviewOn), new("Version", version)];

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, Fields("First name"))).StatusCode);
        var refused = await second.PostFormAsync(url, Fields("Second name"));
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains(" changed this task group at ", StringComparison.Ordinal) && e.Contains("‘First name’", StringComparison.Ordinal));
        Assert.Equal("Second name", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.NotEqual(version, IssueWorld.VersionOn(page));
        Assert.Equal("First name", (await GroupWorld.StoredAsync(app, group.Id)).Name);

        // Saving again is a deliberate choice, with the version the conflict gave.
        var again = await second.PostFormAsync(url, [.. Fields("Second name")[..^1], new("Version", IssueWorld.VersionOn(page))]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Second name", (await GroupWorld.StoredAsync(app, group.Id)).Name);
    }

    [Fact]
    public async Task A_change_to_the_members_meanwhile_makes_an_open_edit_form_stale()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/task-groups/{group.Id}/edit";
        var version = IssueWorld.VersionOn(await client.GetDocumentAsync(url));

        await client.PostFormAsync($"/task-groups/{group.Id}", [new("UserId", GroupWorld.Id(world.HousingUser.Id))], $"/task-groups/{group.Id}/members");
        var refused = await client.PostFormAsync(url,
            [new("Name", "Renamed"), new("LeadUserId", GroupWorld.Id(world.People.PoliceUser.Id)), .. GroupWorld.Date("Review", group.ReviewOn), new("Version", version)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(group.Name, (await GroupWorld.StoredAsync(app, group.Id)).Name);
    }

    [Fact]
    public async Task A_review_date_already_past_may_stay_but_a_new_one_cannot_be_in_the_past()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app, reviewOn: GroupWorld.Today.AddDays(-10));
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/task-groups/{group.Id}/edit";

        var past = await IssueWorld.PostWithVersionAsync(client, url,
            [new("Name", group.Name), new("LeadUserId", GroupWorld.Id(world.People.PoliceUser.Id)), .. GroupWorld.Date("Review", GroupWorld.Today.AddDays(-5))]);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(["The new review date must be today or in the future"], Html.ErrorSummary(await Html.ReadAsync(past)));

        var kept = await IssueWorld.PostWithVersionAsync(client, url,
            [new("Name", "Renamed, review unchanged"), new("LeadUserId", GroupWorld.Id(world.People.PoliceUser.Id)), .. GroupWorld.Date("Review", group.ReviewOn)]);
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal("Renamed, review unchanged", (await GroupWorld.StoredAsync(app, group.Id)).Name);
    }

    [Fact]
    public async Task A_blank_name_is_refused_and_what_was_typed_kept()
    {
        var world = await GroupWorld.CreateAsync(app);
        var group = await world.GroupAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await IssueWorld.PostWithVersionAsync(client, $"/task-groups/{group.Id}/edit",
            [new("Name", "  "), new("LeadUserId", GroupWorld.Id(world.HousingUser.Id)), new("ReviewDay", "40"), new("ReviewMonth", "1"), new("ReviewYear", "2030")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter the task group's name", "Enter a real review date, like 27 3 2027"], Html.ErrorSummary(page));
        Assert.Equal("40", page.QuerySelector("input[name=ReviewDay]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"#LeadUserId option[value='{world.HousingUser.Id}'][selected]"));
        Assert.Equal(group.Name, (await GroupWorld.StoredAsync(app, group.Id)).Name);
    }
}
