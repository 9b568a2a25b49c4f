using AreaPartnerships.Domain.Issues;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

public sealed class TriageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly InAWeek = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);

    [Fact]
    public async Task Area_manager_triages_at_level_2_with_a_named_partner_as_owner_and_a_task_group()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var group = await world.CreateTaskGroupAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/triage";

        var form = await client.GetDocumentAsync(url);
        Assert.Equal(["FrontLine", "Partnership", "MultiAgency", "Borough"], form.QuerySelectorAll("input[name=Level]").Select(i => i.GetAttribute("value")).ToList());
        Assert.NotNull(form.QuerySelector($"select[name=TaskGroupId] option[value='{group.Id}']"));

        var response = await PostWithVersionAsync(client, url,
            [new("Level", "Partnership"), new("Reason", "Three agencies involved"), new("OwnerId", Id(world.PoliceUser.Id)), new("TaskGroupId", Id(group.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Nothing else waits in this area, so triage returns to the (now empty) inbox.
        Assert.Equal("/issues/triage", response.Headers.Location!.OriginalString);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.Partnership, IssueStatus.Triaged), (stored.Level!.Value, stored.Status));
        Assert.Equal((world.PoliceUser.Id, world.Police.Id, group.Id), (stored.OwnerId!.Value, stored.LeadOrganisationId!.Value, stored.TaskGroupId!.Value));
        Assert.Null(stored.ReferredOrganisationId);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), stored.TargetDate);
        var events = await EventsAsync(app, issue.Id);
        var triaged = Assert.Single(events, e => e.Kind == IssueEventKind.Triaged);
        Assert.Equal((world.AreaManagerA.Id, "Level", (string?)null, "Level 2", "Three agencies involved"),
            (triaged.ActorId!.Value, triaged.Field, triaged.OldValue, triaged.NewValue, triaged.Body));
        Assert.Contains(events, e => e.Kind == IssueEventKind.Assigned && e.NewValue == world.PoliceUser.DisplayName);
        Assert.Contains(events, e => e.Kind == IssueEventKind.LinkedToTaskGroup && e.NewValue == group.Name);

        var inbox = await client.GetDocumentAsync("/issues/triage");
        Assert.Contains($"{issue.Reference} triaged at Level 2", inbox.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        var timeline = Timeline(page);
        var entry = Assert.Single(timeline, t => t.Title == "Triaged at Level 2");
        Assert.Equal($"by {world.AreaManagerA.DisplayName}", entry.Byline);
        Assert.Contains("Level: none → Level 2", entry.Description, StringComparison.Ordinal);
        Assert.Contains("Three agencies involved", entry.Description, StringComparison.Ordinal);
        Assert.Contains(timeline, t => t.Title == $"Linked to task group {group.Name}");
        var summary = Text(page.QuerySelector("[data-testid=issue-summary]")!.TextContent);
        Assert.Contains($"{world.PoliceUser.DisplayName}, lead organisation {world.Police.Name}", summary, StringComparison.Ordinal);
        Assert.Contains(group.Name, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Level_1_refers_to_a_front_line_service_with_a_follow_up_date_and_stays_open()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/triage";

        var form = await client.GetDocumentAsync(url);
        var services = form.QuerySelectorAll("select[name=ReferredOrganisationId] option").Select(o => o.TextContent).ToList();
        Assert.Contains(world.Cleansing.Name, services);
        Assert.DoesNotContain(world.Police.Name, services);

        var response = await PostWithVersionAsync(client, url,
        [
            new("Level", "FrontLine"), new("Reason", "A simple clearance"), new("ReferredOrganisationId", Id(world.Cleansing.Id)),
            new("FollowUpDay", Id(InAWeek.Day)), new("FollowUpMonth", Id(InAWeek.Month)), new("FollowUpYear", Id(InAWeek.Year)),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.FrontLine, IssueStatus.Triaged, true), (stored.Level!.Value, stored.Status, stored.IsOpen));
        Assert.Equal((world.Cleansing.Id, InAWeek), (stored.ReferredOrganisationId!.Value, stored.FollowUpOn!.Value));
        Assert.Null(stored.OwnerId);
        Assert.Null(stored.ReferralConfirmedAt);
        Assert.Contains(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.Referred && e.NewValue!.StartsWith(world.Cleansing.Name, StringComparison.Ordinal));

        var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        var summary = Text(page.QuerySelector("[data-testid=issue-summary]")!.TextContent);
        Assert.Contains($"{world.Cleansing.Name} Follow up on {InAWeek:d MMMM yyyy}", summary, StringComparison.Ordinal);
        Assert.Contains(Timeline(page), t => t.Title == $"Referred to {world.Cleansing.Name}");
    }

    [Fact]
    public async Task Level_3_has_a_lead_organisation_and_an_owner()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/triage",
            [new("Level", "MultiAgency"), new("Reason", "Organised crime"), new("LeadOrganisationId", Id(world.Police.Id)), new("LeadOwnerId", Id(world.PoliceUser.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.MultiAgency, world.Police.Id, world.PoliceUser.Id), (stored.Level!.Value, stored.LeadOrganisationId!.Value, stored.OwnerId!.Value));
        Assert.Contains(await EventsAsync(app, issue.Id), e => e.Field == "Lead organisation" && e.NewValue == world.Police.Name);
    }

    [Fact]
    public async Task Level_3_without_a_lead_organisation_is_refused()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/triage",
            [new("Level", "MultiAgency"), new("Reason", "Needs a lead"), new("LeadOwnerId", Id(world.AreaManagerA.Id))]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Select the lead organisation or service"], Html.ErrorSummary(page));
        Assert.NotNull(page.QuerySelector("input[name=Level][value=MultiAgency][checked]"));
        Assert.NotNull(page.QuerySelector($"select[name=LeadOwnerId] option[value='{world.AreaManagerA.Id}'][selected]"));
        Assert.Equal(IssueStatus.New, (await StoredAsync(app, issue.Id)).Status);
    }

    [Fact]
    public async Task Level_4_is_owned_by_the_partnership_manager()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.PartnershipManager.Id);
        var url = $"/issues/{issue.Reference}/triage";

        var wrongOwner = await PostWithVersionAsync(client, url,
            [new("Level", "Borough"), new("Reason", "Borough-wide pattern"), new("BoroughOwnerId", Id(world.AreaManagerA.Id))]);
        var page = await Html.ReadAsync(wrongOwner);
        Assert.Equal(HttpStatusCode.BadRequest, wrongOwner.StatusCode);
        Assert.Equal(["A Level 4 issue is owned by the partnership manager: select them"], Html.ErrorSummary(page));
        Assert.Equal("Borough-wide pattern", page.QuerySelector("textarea[name=Reason]")!.TextContent.Trim());
        var untouched = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.New, (IssueLevel?)null, (int?)null), (untouched.Status, untouched.Level, untouched.OwnerId));
        Assert.Single(await EventsAsync(app, issue.Id));

        var response = await PostWithVersionAsync(client, url,
            [new("Level", "Borough"), new("Reason", "Borough-wide pattern"), new("BoroughOwnerId", Id(world.PartnershipManager.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.Borough, world.PartnershipManager.Id), (stored.Level!.Value, stored.OwnerId!.Value));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_messages_and_what_was_typed_kept()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/triage";

        var nothing = await PostWithVersionAsync(client, url, [new("Level", ""), new("Reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        var nothingErrors = Html.ErrorSummary(await Html.ReadAsync(nothing));
        Assert.Contains("Select a level", nothingErrors);
        Assert.Contains("Enter the reason", nothingErrors);

        var badDate = await PostWithVersionAsync(client, url,
            [new("Level", "FrontLine"), new("Reason", "Quick job\nfor cleansing"), new("FollowUpDay", "31"), new("FollowUpMonth", "2"), new("FollowUpYear", "2031")]);
        var page = await Html.ReadAsync(badDate);
        var errors = Html.ErrorSummary(page);

        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        // The form checks the shape of what was typed; who acts at the level is the issue's rule, checked once that is right.
        Assert.Equal(["Enter a real follow-up date, like 27 3 2027"], errors);
        Assert.Equal("Quick job\nfor cleansing", page.QuerySelector("textarea[name=Reason]")!.TextContent.TrimStart('\n'));
        Assert.Equal(("31", "2", "2031"), (
            page.QuerySelector("input[name=FollowUpDay]")!.GetAttribute("value"),
            page.QuerySelector("input[name=FollowUpMonth]")!.GetAttribute("value"),
            page.QuerySelector("input[name=FollowUpYear]")!.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector("#FollowUpDay-error"));

        var notNumbers = await PostWithVersionAsync(client, url,
        [
            new("Level", "FrontLine"), new("Reason", "Quick job"), new("ReferredOrganisationId", Id(world.Cleansing.Id)),
            new("FollowUpDay", "abc"), new("FollowUpMonth", "xx"), new("FollowUpYear", "2031"),
        ]);
        var notNumbersPage = await Html.ReadAsync(notNumbers);
        Assert.Equal(HttpStatusCode.BadRequest, notNumbers.StatusCode);
        Assert.Equal(["Enter a real follow-up date, like 27 3 2027"], Html.ErrorSummary(notNumbersPage));
        Assert.Equal(("abc", "xx"), (
            notNumbersPage.QuerySelector("input[name=FollowUpDay]")!.GetAttribute("value"),
            notNumbersPage.QuerySelector("input[name=FollowUpMonth]")!.GetAttribute("value")));
        Assert.NotNull(notNumbersPage.QuerySelector($"select[name=ReferredOrganisationId] option[value='{world.Cleansing.Id}'][selected]"));

        var twoDaysAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        var past = await PostWithVersionAsync(client, url,
        [
            new("Level", "FrontLine"), new("Reason", "Quick job"), new("ReferredOrganisationId", Id(world.Cleansing.Id)),
            new("FollowUpDay", Id(twoDaysAgo.Day)), new("FollowUpMonth", Id(twoDaysAgo.Month)), new("FollowUpYear", Id(twoDaysAgo.Year)),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(["The follow-up date must be today or in the future"], Html.ErrorSummary(await Html.ReadAsync(past)));

        var noOwner = await PostWithVersionAsync(client, url, [new("Level", "Partnership"), new("Reason", "Partnership job")]);
        Assert.Equal(["Select who owns the issue: the area manager or a named person in a lead partner"], Html.ErrorSummary(await Html.ReadAsync(noOwner)));

        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.New, (IssueLevel?)null, (int?)null, (int?)null), (stored.Status, stored.Level, stored.OwnerId, stored.ReferredOrganisationId));
        Assert.Single(await EventsAsync(app, issue.Id));
    }

    [Fact]
    public async Task Triaging_an_issue_already_triaged_is_refused_and_nothing_changes()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/triage";
        var before = await StoredAsync(app, issue.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var response = await ForgePostAsync(app, client, issue.Id, url,
            [new("Level", "MultiAgency"), new("Reason", "Again"), new("LeadOrganisationId", Id(world.Police.Id)), new("LeadOwnerId", Id(world.PoliceUser.Id))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["This issue has already been triaged (it is triaged): change its level with a step up or step down instead"],
            Html.ErrorSummary(await Html.ReadAsync(response)));
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.Partnership, world.AreaManagerA.Id, (int?)null, before.Version), (stored.Level!.Value, stored.OwnerId!.Value, stored.LeadOrganisationId, stored.Version));
        Assert.Single(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.Triaged);
    }

    [Fact]
    public async Task A_withdrawn_issue_cannot_be_triaged()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, i => i.Withdraw("Not for the partnership", null, world.AreaManagerA.Id, DateTime.UtcNow));
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/triage";

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var response = await ForgePostAsync(app, client, issue.Id, url, [new("Level", "Partnership"), new("Reason", "Back again"), new("OwnerId", Id(world.AreaManagerA.Id))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(Html.ErrorSummary(await Html.ReadAsync(response)));
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.Withdrawn, (IssueLevel?)null, (int?)null), (stored.Status, stored.Level, stored.OwnerId));
    }

    [Theory]
    [InlineData("support officer", HttpStatusCode.Forbidden)]
    [InlineData("councillor", HttpStatusCode.Forbidden)]
    [InlineData("partner", HttpStatusCode.NotFound)]
    [InlineData("other area's manager", HttpStatusCode.NotFound)]
    public async Task Only_the_area_manager_or_partnership_manager_can_triage(string who, HttpStatusCode expected)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var user = who switch
        {
            "support officer" => world.SupportOfficerA,
            "councillor" => world.CouncillorA1,
            "partner" => world.PoliceUser,
            _ => world.AreaManagerB,
        };
        var client = app.ClientFor(user.Id);
        var url = $"/issues/{issue.Reference}/triage";

        Assert.Equal(expected, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var forged = await ForgePostAsync(app, client, issue.Id, url,
            [new("Level", "Partnership"), new("Reason", "I decide"), new("OwnerId", Id(user.Id))]);

        Assert.Equal(expected, forged.StatusCode);

        // An invalid post is refused the same way: the form (and its list of owners) is never shown to them.
        var invalid = await ForgePostAsync(app, client, issue.Id, url, [new("Level", ""), new("Reason", "")]);
        Assert.Equal(expected, invalid.StatusCode);
        Assert.DoesNotContain("name=\"OwnerId\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.New, (IssueLevel?)null, (int?)null), (stored.Status, stored.Level, stored.OwnerId));
        Assert.Single(await EventsAsync(app, issue.Id));

        var page = await app.ClientFor(world.AreaManagerA.Id).GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.NotNull(page.QuerySelector($"a[href='/issues/{issue.Reference}/triage']"));
        if (expected == HttpStatusCode.Forbidden)
        {
            var theirs = await client.GetDocumentAsync($"/issues/{issue.Reference}");
            Assert.Null(theirs.QuerySelector($"a[href='/issues/{issue.Reference}/triage']"));
        }
    }

    [Fact]
    public async Task Triaging_a_reference_that_does_not_exist_is_not_found()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.PartnershipManager.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/issues/AP-1999-99999/triage", UriKind.Relative))).StatusCode);
        var posted = await client.PostFormAsync($"/issues/{issue.Reference}/triage",
            [new("Level", "Borough"), new("Reason", "Nowhere"), new("BoroughOwnerId", Id(world.PartnershipManager.Id)), new("Version", Guid.NewGuid().ToString())],
            "/issues/AP-1999-99999/triage");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(IssueStatus.New, (await StoredAsync(app, issue.Id)).Status);
    }
}
