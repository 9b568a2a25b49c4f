using AreaPartnerships.Domain.Issues;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

public sealed class StepUpAndDownTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Stepping_up_records_the_reason_and_the_old_and_new_level_and_is_counted()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/step-up";

        var form = await client.GetDocumentAsync(url);
        Assert.Equal(["MultiAgency", "Borough"], form.QuerySelectorAll("input[name=Level]").Select(i => i.GetAttribute("value")).ToList());
        Assert.Equal("Why is the issue being stepped up?", form.QuerySelector("label[for=Reason]")!.TextContent.Trim());

        var response = await PostWithVersionAsync(client, url,
            [new("Level", "MultiAgency"), new("Reason", "Drug dealing found behind it"), new("LeadOrganisationId", Id(world.Police.Id)), new("LeadOwnerId", Id(world.PoliceUser.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.MultiAgency, IssueStatus.Triaged, 1, 0), (stored.Level!.Value, stored.Status, stored.StepUpCount, stored.StepDownCount));
        Assert.Equal((world.Police.Id, world.PoliceUser.Id), (stored.LeadOrganisationId!.Value, stored.OwnerId!.Value));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90), stored.TargetDate);
        var stepped = Assert.Single(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.SteppedUp);
        Assert.Equal(("Level 2", "Level 3", "Drug dealing found behind it", world.AreaManagerA.Id), (stepped.OldValue, stepped.NewValue, stepped.Body, stepped.ActorId!.Value));

        var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Contains("Issue stepped up to Level 3", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var entry = Timeline(page)[0];
        Assert.Equal("Stepped up from Level 2 to Level 3", Timeline(page).Single(t => t.Title.StartsWith("Stepped up", StringComparison.Ordinal)).Title);
        Assert.Contains(Timeline(page), t => t.Description.Contains("Level: Level 2 → Level 3", StringComparison.Ordinal)
            && t.Description.Contains("Drug dealing found behind it", StringComparison.Ordinal)
            && t.Byline == $"by {world.AreaManagerA.DisplayName}");
        Assert.NotNull(entry.At);
        Assert.Contains("Stepped up 1, stepped down 0", Text(page.QuerySelector("[data-testid=issue-summary]")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stepping_down_to_level_1_refers_the_issue_and_both_moves_are_counted()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.PartnershipManager.Id);
        var followUp = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);

        var up = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/step-up",
            [new("Level", "Borough"), new("Reason", "Same problem across the borough"), new("BoroughOwnerId", Id(world.PartnershipManager.Id))]);
        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);

        var downForm = await client.GetDocumentAsync($"/issues/{issue.Reference}/step-down");
        Assert.Equal(["FrontLine", "Partnership", "MultiAgency"], downForm.QuerySelectorAll("input[name=Level]").Select(i => i.GetAttribute("value")).ToList());
        Assert.Equal("Why is the issue being stepped down?", downForm.QuerySelector("label[for=Reason]")!.TextContent.Trim());

        var down = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/step-down",
        [
            new("Level", "FrontLine"), new("Reason", "Only one site left: a clearance will do"), new("ReferredOrganisationId", Id(world.Cleansing.Id)),
            new("FollowUpDay", Id(followUp.Day)), new("FollowUpMonth", Id(followUp.Month)), new("FollowUpYear", Id(followUp.Year)),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.FrontLine, 1, 1), (stored.Level!.Value, stored.StepUpCount, stored.StepDownCount));
        Assert.Equal((world.Cleansing.Id, followUp), (stored.ReferredOrganisationId!.Value, stored.FollowUpOn!.Value));
        Assert.Null(stored.OwnerId);
        var events = await EventsAsync(app, issue.Id);
        var stepDown = Assert.Single(events, e => e.Kind == IssueEventKind.SteppedDown);
        Assert.Equal(("Level 4", "Level 1", "Only one site left: a clearance will do"), (stepDown.OldValue, stepDown.NewValue, stepDown.Body));

        var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        var titles = Timeline(page).Select(t => t.Title).ToList();
        Assert.Contains("Stepped up from Level 2 to Level 4", titles);
        Assert.Contains("Stepped down from Level 4 to Level 1", titles);
        Assert.True(titles.IndexOf("Stepped down from Level 4 to Level 1") < titles.IndexOf("Stepped up from Level 2 to Level 4"), "The timeline is newest first");
        Assert.Contains("Stepped up 1, stepped down 1", Text(page.QuerySelector("[data-testid=issue-summary]")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_change_without_a_reason_is_refused_and_nothing_saved()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var before = await StoredAsync(app, issue.Id);

        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/step-up",
            [new("Level", "Borough"), new("Reason", "   "), new("BoroughOwnerId", Id(world.PartnershipManager.Id))]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter the reason"], Html.ErrorSummary(page));
        Assert.NotNull(page.QuerySelector("input[name=Level][value=Borough][checked]"));
        Assert.NotNull(page.QuerySelector($"select[name=BoroughOwnerId] option[value='{world.PartnershipManager.Id}'][selected]"));
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.Partnership, 0, world.AreaManagerA.Id, before.Version), (stored.Level!.Value, stored.StepUpCount, stored.OwnerId!.Value, stored.Version));
        Assert.DoesNotContain(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.SteppedUp);
    }

    [Fact]
    public async Task Stepping_up_to_a_lower_level_is_refused_and_nothing_half_saved()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel3);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var before = await StoredAsync(app, issue.Id);
        var eventsBefore = (await EventsAsync(app, issue.Id)).Count;

        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/step-up",
            [new("Level", "Partnership"), new("Reason", "Calmer now"), new("OwnerId", Id(world.AreaManagerA.Id)), new("IsConfidential", "true")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["A step up must go to a higher level than Level 3"], Html.ErrorSummary(page));
        Assert.Equal("Calmer now", page.QuerySelector("textarea[name=Reason]")!.TextContent.Trim());
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.MultiAgency, 0, 0), (stored.Level!.Value, stored.StepUpCount, stored.StepDownCount));
        Assert.Equal((world.PoliceUser.Id, world.Police.Id, false, before.Version), (stored.OwnerId!.Value, stored.LeadOrganisationId!.Value, stored.IsConfidential, stored.Version));
        Assert.Equal(eventsBefore, (await EventsAsync(app, issue.Id)).Count);
    }

    [Fact]
    public async Task Stepping_down_to_a_higher_level_is_refused()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var response = await ForgePostAsync(app, client, issue.Id, $"/issues/{issue.Reference}/step-down",
            [new("Level", "Borough"), new("Reason", "Bigger"), new("BoroughOwnerId", Id(world.PartnershipManager.Id))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["A step down must go to a lower level than Level 2"], Html.ErrorSummary(await Html.ReadAsync(response)));
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.Partnership, 0, world.AreaManagerA.Id), (stored.Level!.Value, stored.StepDownCount, stored.OwnerId!.Value));
    }

    [Fact]
    public async Task An_untriaged_issue_cannot_be_stepped_up()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/step-up";

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var response = await ForgePostAsync(app, client, issue.Id, url,
            [new("Level", "Partnership"), new("Reason", "Skip triage"), new("OwnerId", Id(world.AreaManagerA.Id))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Triage the issue first: a level is set by triage, then stepped up or down"], Html.ErrorSummary(await Html.ReadAsync(response)));
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.New, (IssueLevel?)null, 0), (stored.Status, stored.Level, stored.StepUpCount));
    }

    [Fact]
    public async Task The_level_of_a_resolved_issue_cannot_change()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.Resolved);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var issuePage = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Null(issuePage.QuerySelector($"a[href='/issues/{issue.Reference}/step-up']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/issues/{issue.Reference}/step-up", UriKind.Relative))).StatusCode);

        var response = await ForgePostAsync(app, client, issue.Id, $"/issues/{issue.Reference}/step-up",
            [new("Level", "MultiAgency"), new("Reason", "Came back"), new("LeadOrganisationId", Id(world.Police.Id)), new("LeadOwnerId", Id(world.PoliceUser.Id))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["The level of a resolved issue cannot change: reopen it first"], Html.ErrorSummary(await Html.ReadAsync(response)));
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.Partnership, IssueStatus.Resolved, 0), (stored.Level!.Value, stored.Status, stored.StepUpCount));
    }

    [Theory]
    [InlineData("support officer", HttpStatusCode.Forbidden)]
    [InlineData("councillor", HttpStatusCode.Forbidden)]
    [InlineData("lead partner who owns it", HttpStatusCode.Forbidden)]
    [InlineData("uninvolved partner", HttpStatusCode.NotFound)]
    [InlineData("other area's manager", HttpStatusCode.NotFound)]
    public async Task Only_the_area_manager_or_partnership_manager_can_change_the_level(string who, HttpStatusCode expected)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel3);
        var user = who switch
        {
            "support officer" => world.SupportOfficerA,
            "councillor" => world.CouncillorA1,
            "lead partner who owns it" => world.PoliceUser,
            "uninvolved partner" => world.CleansingUser,
            _ => world.AreaManagerB,
        };
        var client = app.ClientFor(user.Id);
        var before = await StoredAsync(app, issue.Id);

        foreach (var (move, level) in new[] { ("step-up", "Borough"), ("step-down", "Partnership") })
        {
            var url = $"/issues/{issue.Reference}/{move}";
            Assert.Equal(expected, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
            var forged = await ForgePostAsync(app, client, issue.Id, url,
                [new("Level", level), new("Reason", "My call"), new("OwnerId", Id(world.PartnershipManager.Id))]);
            Assert.Equal(expected, forged.StatusCode);
        }

        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.MultiAgency, 0, 0, before.Version), (stored.Level!.Value, stored.StepUpCount, stored.StepDownCount, stored.Version));
        if (expected == HttpStatusCode.Forbidden)
        {
            var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
            Assert.Null(page.QuerySelector($"a[href='/issues/{issue.Reference}/step-up']"));
            Assert.Null(page.QuerySelector($"a[href='/issues/{issue.Reference}/step-down']"));
        }
    }

    [Fact]
    public async Task Area_manager_sees_step_up_and_step_down_on_the_issue_page()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);

        var page = await app.ClientFor(world.AreaManagerA.Id).GetDocumentAsync($"/issues/{issue.Reference}");

        Assert.NotNull(page.QuerySelector($"a[href='/issues/{issue.Reference}/step-up']"));
        Assert.NotNull(page.QuerySelector($"a[href='/issues/{issue.Reference}/step-down']"));
        Assert.Null(page.QuerySelector($"a[href='/issues/{issue.Reference}/triage']"));
    }

    [Fact]
    public async Task Changing_the_level_of_a_reference_that_does_not_exist_is_not_found()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.PartnershipManager.Id);

        foreach (var move in new[] { "step-up", "step-down" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/issues/AP-1999-99999/{move}", UriKind.Relative))).StatusCode);
            var posted = await client.PostFormAsync("/",
                [new("Level", "Borough"), new("Reason", "Nowhere"), new("BoroughOwnerId", Id(world.PartnershipManager.Id)), new("Version", Guid.NewGuid().ToString())],
                $"/issues/AP-1999-99999/{move}");
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }
    }
}
