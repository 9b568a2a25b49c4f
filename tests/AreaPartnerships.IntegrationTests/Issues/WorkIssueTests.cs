using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

public sealed class WorkIssueTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_issue_moves_from_triaged_to_in_progress_to_resolved_with_an_outcome_to_closed()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/status";

        var form = await client.GetDocumentAsync(url);
        Assert.Equal(["Start", "Resolve", "Withdraw"], Moves(form));

        var started = await PostWithVersionAsync(client, url, [new("Action", "Start")]);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(IssueStatus.InProgress, (await StoredAsync(app, issue.Id)).Status);
        Assert.Contains("Work started", (await client.GetDocumentAsync($"/issues/{issue.Reference}")).QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var resolved = await PostWithVersionAsync(client, url, [new("Action", "Resolve"), new("Text", "Alley gated and cleared")]);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var afterResolve = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.Resolved, "Alley gated and cleared"), (afterResolve.Status, afterResolve.Outcome));
        Assert.NotNull(afterResolve.ResolvedAt);
        Assert.Equal(["Reopen", "Close"], Moves(await client.GetDocumentAsync(url)));

        var closed = await PostWithVersionAsync(client, url, [new("Action", "Close")]);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.Closed, "Alley gated and cleared"), (stored.Status, stored.Outcome));
        Assert.NotNull(stored.ClosedAt);

        var events = await EventsAsync(app, issue.Id);
        Assert.Equal(
            [("Triaged", "In progress"), ("In progress", "Resolved"), ("Resolved", "Closed")],
            events.Where(e => e.Field == "Status").Select(e => (e.OldValue, e.NewValue)).ToList());
        Assert.All(events.Where(e => e.Field == "Status"), e => Assert.Equal(world.AreaManagerA.Id, e.ActorId));

        var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        var timeline = Timeline(page);
        Assert.Contains(timeline, t => t.Description.Contains("Status: Triaged → In progress", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Title == "Resolved"
            && t.Description.Contains("Status: In progress → Resolved", StringComparison.Ordinal)
            && t.Description.Contains("Alley gated and cleared", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Description.Contains("Status: Resolved → Closed", StringComparison.Ordinal));
        Assert.Contains("Closed", page.QuerySelectorAll("strong.govuk-tag").Select(t => t.TextContent.Trim()));
        Assert.Contains("Outcome Alley gated and cleared", Text(page.QuerySelector("[data-testid=issue-summary]")!.TextContent), StringComparison.Ordinal);
        // Closed: nothing more to change, and the page says so (issue 9, finding 16) rather than refusing.
        Assert.Null((await client.GetDocumentAsync(url)).QuerySelector("input[name=Action]"));
    }

    [Fact]
    public async Task The_timeline_shows_every_event_with_who_when_and_what_changed()
    {
        var world = await CreateAsync(app);
        var manager = app.ClientFor(world.AreaManagerA.Id);
        var officer = app.ClientFor(world.SupportOfficerA.Id);
        var title = TestData.Unique("Abandoned car");
        var raised = await officer.PostFormAsync("/issues/new",
            [new("Title", title), new("Description", "Burnt out."), new("WardId", Id(world.WardA1)), new("CategoryId", Id(await CategoryIdAsync(app, "asb"))), new("Source", "Officer")]);
        var reference = raised.Headers.Location!.OriginalString["/issues/".Length..];

        await PostWithVersionAsync(manager, $"/issues/{reference}/triage", [new("Level", "Partnership"), new("Reason", "Repeat problem"), new("OwnerId", Id(world.AreaManagerA.Id))]);
        await PostWithVersionAsync(manager, $"/issues/{reference}/step-up",
            [new("Level", "MultiAgency"), new("Reason", "Linked to a gang"), new("LeadOrganisationId", Id(world.Police.Id)), new("LeadOwnerId", Id(world.PoliceUser.Id))]);
        await PostWithVersionAsync(officer, $"/issues/{reference}/status", [new("Action", "Start")]);
        await officer.PostFormAsync($"/issues/{reference}", [new("Text", "Police visited"), new("Visibility", "Everyone")], $"/issues/{reference}/notes");
        await PostWithVersionAsync(app.ClientFor(world.PoliceUser.Id), $"/issues/{reference}/status", [new("Action", "Resolve"), new("Text", "Car removed")]);
        await PostWithVersionAsync(manager, $"/issues/{reference}/status", [new("Action", "Reopen"), new("Text", "Another car")]);

        var issueId = await app.WithDbAsync(db => db.Issues.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
        var events = await EventsAsync(app, issueId);
        var page = await manager.GetDocumentAsync($"/issues/{reference}");
        var timeline = Timeline(page);

        Assert.Equal(events.Count, timeline.Count);
        Assert.Equal(events.Select(e => e.Summary).Reverse(), timeline.Select(t => t.Title));
        Assert.Equal(["Raised", "Triaged at Level 2", "Stepped up from Level 2 to Level 3", "Status changed to In progress", "Note added", "Resolved", "Reopened"],
            events.Where(e => e.Kind is not (IssueEventKind.Assigned or IssueEventKind.Referred or IssueEventKind.LinkedToTaskGroup)).Select(e => e.Summary));
        Assert.All(timeline, t => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", t.At!));
        Assert.Equal($"by {world.SupportOfficerA.DisplayName}", timeline.Single(t => t.Title == "Raised").Byline);
        Assert.Equal($"by {world.PoliceUser.DisplayName}", timeline.Single(t => t.Title == "Resolved").Byline);
        Assert.Equal($"by {world.SupportOfficerA.DisplayName}", timeline.Single(t => t.Title == "Note added").Byline);
        var reopened = timeline.Single(t => t.Title == "Reopened");
        Assert.Equal($"by {world.AreaManagerA.DisplayName}", reopened.Byline);
        Assert.Contains("Status: Resolved → In progress", reopened.Description, StringComparison.Ordinal);
        Assert.Contains("Another car", reopened.Description, StringComparison.Ordinal);
        Assert.Contains("Level: Level 2 → Level 3", timeline.Single(t => t.Title.StartsWith("Stepped up", StringComparison.Ordinal)).Description, StringComparison.Ordinal);
        Assert.Contains(timeline, t => t.Title == $"Lead organisation set to {world.Police.Name}");
        Assert.Contains(timeline, t => t.Title == $"Assigned to {world.PoliceUser.DisplayName}");
    }

    [Fact]
    public async Task Resolving_an_untriaged_issue_is_refused_with_the_outcome_kept_and_nothing_saved()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var before = await StoredAsync(app, issue.Id);

        var response = await ForgePostAsync(app, client, issue.Id, $"/issues/{issue.Reference}/status", [new("Action", "Resolve"), new("Text", "Sorted it myself")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["An issue cannot be resolved before it is triaged"], Html.ErrorSummary(page));
        Assert.Equal("Sorted it myself", page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.New, (string?)null, (DateTime?)null, before.Version), (stored.Status, stored.Outcome, stored.ResolvedAt, stored.Version));
        Assert.Single(await EventsAsync(app, issue.Id));
    }

    [Fact]
    public async Task Starting_an_untriaged_issue_is_refused()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);

        Assert.Equal(["Withdraw"], Moves(await client.GetDocumentAsync($"/issues/{issue.Reference}/status")));
        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/status", [new("Action", "Start")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Triage the issue before work starts on it"], Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.Equal(IssueStatus.New, (await StoredAsync(app, issue.Id)).Status);
    }

    [Fact]
    public async Task A_level_1_referral_stays_open_until_the_service_confirms_it_done()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel1);
        var manager = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/status";

        Assert.Equal(["Start", "ConfirmReferral", "Withdraw"], Moves(await manager.GetDocumentAsync(url)));
        var resolve = await PostWithVersionAsync(manager, url, [new("Action", "Resolve"), new("Text", "Probably done")]);
        Assert.Equal(HttpStatusCode.BadRequest, resolve.StatusCode);
        Assert.Equal(["This Level 1 issue stays open until the front-line service confirms the job done: record their confirmation instead"],
            Html.ErrorSummary(await Html.ReadAsync(resolve)));
        var open = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.Triaged, (string?)null), (open.Status, open.Outcome));

        // The referred service's own user records that the job is done.
        var service = app.ClientFor(world.CleansingUser.Id);
        Assert.Equal(["Start", "ConfirmReferral"], Moves(await service.GetDocumentAsync(url)));
        var noOutcome = await PostWithVersionAsync(service, url, [new("Action", "ConfirmReferral"), new("Text", "")]);
        Assert.Equal(["Enter the outcome"], Html.ErrorSummary(await Html.ReadAsync(noOutcome)));

        var confirmed = await PostWithVersionAsync(service, url, [new("Action", "ConfirmReferral"), new("Text", "Cleared on Tuesday")]);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.Resolved, "Cleared on Tuesday"), (stored.Status, stored.Outcome));
        Assert.NotNull(stored.ReferralConfirmedAt);
        var events = await EventsAsync(app, issue.Id);
        Assert.Contains(events, e => e.Kind == IssueEventKind.ReferralCompleted && e.ActorId == world.CleansingUser.Id && e.Body == "Cleared on Tuesday");
        Assert.Contains(events, e => e.Kind == IssueEventKind.Resolved && e.OldValue == "Triaged" && e.NewValue == "Resolved");

        var page = await manager.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Contains("Confirmed done on", Text(page.QuerySelector("[data-testid=issue-summary]")!.TextContent), StringComparison.Ordinal);
        Assert.Contains(Timeline(page), t => t.Title == "Front-line service confirmed the job done" && t.Byline == $"by {world.CleansingUser.DisplayName}");
    }

    [Fact]
    public async Task A_resolved_issue_can_be_reopened_with_a_reason()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.Resolved);
        var client = app.ClientFor(world.SupportOfficerA.Id);
        var url = $"/issues/{issue.Reference}/status";

        Assert.Equal(["Reopen"], Moves(await client.GetDocumentAsync(url)));
        var noReason = await PostWithVersionAsync(client, url, [new("Action", "Reopen"), new("Text", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Enter the reason"], Html.ErrorSummary(await Html.ReadAsync(noReason)));
        Assert.Equal(IssueStatus.Resolved, (await StoredAsync(app, issue.Id)).Status);

        var reopened = await PostWithVersionAsync(client, url, [new("Action", "Reopen"), new("Text", "Dumping started again")]);

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.InProgress, (string?)null, (DateTime?)null), (stored.Status, stored.Outcome, stored.ResolvedAt));
        var reopen = Assert.Single(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.Reopened);
        Assert.Equal(("Resolved", "In progress", "Dumping started again", world.SupportOfficerA.Id), (reopen.OldValue, reopen.NewValue, reopen.Body, reopen.ActorId!.Value));
    }

    [Fact]
    public async Task Closing_an_issue_that_is_not_resolved_is_refused()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/status", [new("Action", "Close")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Only a resolved issue can be closed"], Html.ErrorSummary(await Html.ReadAsync(response)));
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.Triaged, (DateTime?)null), (stored.Status, stored.ClosedAt));
    }

    [Fact]
    public async Task An_issue_can_be_withdrawn_as_a_duplicate_of_another()
    {
        var world = await CreateAsync(app);
        var original = await world.IssueAsync(app, world.AtLevel2);
        var duplicate = await world.IssueAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var response = await PostWithVersionAsync(client, $"/issues/{duplicate.Reference}/status",
            [new("Action", "Withdraw"), new("Text", "Same alley, reported twice"), new("DuplicateOf", $" {original.Reference.ToLowerInvariant()} ")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(app, duplicate.Id);
        Assert.Equal((IssueStatus.Withdrawn, original.Id), (stored.Status, stored.DuplicateOfId!.Value));
        Assert.Equal(IssueStatus.Triaged, (await StoredAsync(app, original.Id)).Status);
        var withdrawn = Assert.Single(await EventsAsync(app, duplicate.Id), e => e.Kind == IssueEventKind.Withdrawn);
        Assert.Equal(($"Withdrawn as a duplicate of {original.Reference}", "New", "Withdrawn", "Same alley, reported twice"),
            (withdrawn.Summary, withdrawn.OldValue, withdrawn.NewValue, withdrawn.Body));

        var page = await client.GetDocumentAsync($"/issues/{duplicate.Reference}");
        Assert.Contains("Issue withdrawn", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"[data-testid=issue-summary] a[href='/issues/{original.Reference}']"));
        Assert.Contains(Timeline(page), t => t.Title == $"Withdrawn as a duplicate of {original.Reference}");
    }

    [Fact]
    public async Task An_issue_can_be_withdrawn_as_not_for_the_partnership()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.PartnershipManager.Id);

        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/status", [new("Action", "Withdraw"), new("Text", "A private dispute between neighbours")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.Withdrawn, (int?)null), (stored.Status, stored.DuplicateOfId));
        var withdrawn = Assert.Single(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.Withdrawn);
        Assert.Equal(("Withdrawn: not for the partnership", "Triaged", "A private dispute between neighbours"), (withdrawn.Summary, withdrawn.OldValue, withdrawn.Body));
    }

    [Fact]
    public async Task Withdrawing_as_a_duplicate_of_an_unknown_issue_or_itself_is_refused_with_what_was_typed_kept()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var otherArea = await world.IssueAsync(app, wardId: world.WardB1);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/status";

        foreach (var unknown in new[] { "AP-1999-99999", otherArea.Reference })
        {
            var response = await PostWithVersionAsync(client, url, [new("Action", "Withdraw"), new("Text", "Reported before"), new("DuplicateOf", unknown)]);
            var page = await Html.ReadAsync(response);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["Enter the reference of an issue you can see, like AP-2026-00042"], Html.ErrorSummary(page));
            Assert.Equal(unknown, page.QuerySelector("input[name=DuplicateOf]")!.GetAttribute("value"));
            Assert.Equal("Reported before", page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
            Assert.NotNull(page.QuerySelector("input[name=Action][value=Withdraw][checked]"));
        }

        var itself = await PostWithVersionAsync(client, url, [new("Action", "Withdraw"), new("Text", "Reported before"), new("DuplicateOf", issue.Reference)]);
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.Equal(["An issue cannot be a duplicate of itself"], Html.ErrorSummary(await Html.ReadAsync(itself)));

        var noReason = await PostWithVersionAsync(client, url, [new("Action", "Withdraw"), new("DuplicateOf", otherArea.Reference)]);
        Assert.Equal(["Enter the reason"], Html.ErrorSummary(await Html.ReadAsync(noReason)));

        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.Triaged, (int?)null), (stored.Status, stored.DuplicateOfId));
        Assert.DoesNotContain(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.Withdrawn);
    }

    [Fact]
    public async Task Posting_no_action_is_refused_with_a_message()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/status", [new("Text", "Something happened")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Select what you want to do"], Html.ErrorSummary(page));
        Assert.Equal("Something happened", page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
        Assert.Equal(IssueStatus.Triaged, (await StoredAsync(app, issue.Id)).Status);
    }

    [Fact]
    public async Task Support_officer_can_work_an_issue_but_not_withdraw_or_close_it()
    {
        var world = await CreateAsync(app);
        var open = await world.IssueAsync(app, world.AtLevel2);
        var resolved = await world.IssueAsync(app, world.Resolved);
        var client = app.ClientFor(world.SupportOfficerA.Id);

        Assert.Equal(["Start", "Resolve"], Moves(await client.GetDocumentAsync($"/issues/{open.Reference}/status")));
        var withdraw = await ForgePostAsync(app, client, open.Id, $"/issues/{open.Reference}/status", [new("Action", "Withdraw"), new("Text", "Not ours")]);
        var close = await ForgePostAsync(app, client, resolved.Id, $"/issues/{resolved.Reference}/status", [new("Action", "Close")]);

        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal(IssueStatus.Triaged, (await StoredAsync(app, open.Id)).Status);
        Assert.Equal(IssueStatus.Resolved, (await StoredAsync(app, resolved.Id)).Status);
    }

    [Theory]
    [InlineData("councillor", HttpStatusCode.Forbidden)]
    [InlineData("partner not leading it", HttpStatusCode.NotFound)]
    [InlineData("other area's manager", HttpStatusCode.NotFound)]
    public async Task People_who_do_not_work_the_issue_cannot_change_its_status(string who, HttpStatusCode expected)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var user = who switch
        {
            "councillor" => world.CouncillorA1,
            "partner not leading it" => world.PoliceUser,
            _ => world.AreaManagerB,
        };
        var client = app.ClientFor(user.Id);
        var url = $"/issues/{issue.Reference}/status";
        var before = await StoredAsync(app, issue.Id);

        Assert.Equal(expected, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        foreach (var fields in new KeyValuePair<string, string>[][]
        {
            [new("Action", "Start")],
            [new("Action", "Resolve"), new("Text", "Done")],
            [new("Action", "Withdraw"), new("Text", "Not needed")],
            [new("Action", "")],
        })
        {
            Assert.Equal(expected, (await ForgePostAsync(app, client, issue.Id, url, fields)).StatusCode);
        }

        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueStatus.Triaged, before.Version), (stored.Status, stored.Version));
    }

    [Fact]
    public async Task Changing_the_status_of_a_reference_that_does_not_exist_is_not_found()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.PartnershipManager.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/issues/AP-1999-99999/status", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/issues/AP-1999-99999", UriKind.Relative))).StatusCode);
        var posted = await client.PostFormAsync("/",
            [new("Action", "Withdraw"), new("Text", "Nowhere"), new("Version", Guid.NewGuid().ToString())], "/issues/AP-1999-99999/status");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    private static List<string?> Moves(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("input[name=Action]").Select(i => i.GetAttribute("value"))];
}
