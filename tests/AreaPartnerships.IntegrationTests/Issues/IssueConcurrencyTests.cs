using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

public sealed class IssueConcurrencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ConflictMiddle = " while you were editing it, so your changes have not been saved. It now reads: ";

    /// <summary>The conflict names who made the other change, and when (issue 9: "level Level 1" said neither).</summary>
    private static string ChangedBy(AreaPartnerships.Domain.Identity.ApplicationUser user) => $"{user.DisplayName} changed this issue at ";

    [Fact]
    public async Task Second_of_two_level_changes_is_refused_with_a_conflict_and_the_first_kept()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var first = app.ClientFor(world.AreaManagerA.Id);
        var second = app.ClientFor(world.PartnershipManager.Id);
        var staleVersion = VersionOn(await second.GetDocumentAsync($"/issues/{issue.Reference}/step-down"));

        var saved = await PostWithVersionAsync(first, $"/issues/{issue.Reference}/step-up",
            [new("Level", "MultiAgency"), new("Reason", "Weapons involved"), new("LeadOrganisationId", Id(world.Police.Id)), new("LeadOwnerId", Id(world.PoliceUser.Id))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var followUp = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var refused = await second.PostFormAsync($"/issues/{issue.Reference}/step-down",
        [
            new("Level", "FrontLine"), new("Reason", "Only a clearance needed"), new("ReferredOrganisationId", Id(world.Cleansing.Id)),
            new("FollowUpDay", Id(followUp.Day)), new("FollowUpMonth", Id(followUp.Month)), new("FollowUpYear", Id(followUp.Year)), new("Version", staleVersion),
        ]);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var conflict = Assert.Single(Html.ErrorSummary(page));
        Assert.StartsWith(ChangedBy(world.AreaManagerA), conflict, StringComparison.Ordinal);
        Assert.Contains(ConflictMiddle, conflict, StringComparison.Ordinal);
        Assert.Contains("It now reads: Level 3; status triaged", conflict, StringComparison.Ordinal);
        Assert.Equal("Only a clearance needed", page.QuerySelector("textarea[name=Reason]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"select[name=ReferredOrganisationId] option[value='{world.Cleansing.Id}'][selected]"));
        Assert.Equal(Id(followUp.Day), page.QuerySelector("input[name=FollowUpDay]")!.GetAttribute("value"));

        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.MultiAgency, 1, 0), (stored.Level!.Value, stored.StepUpCount, stored.StepDownCount));
        Assert.Equal((world.PoliceUser.Id, (int?)null), (stored.OwnerId!.Value, stored.ReferredOrganisationId));
        Assert.DoesNotContain(await EventsAsync(app, issue.Id), e => e.Kind is IssueEventKind.SteppedDown or IssueEventKind.Referred);

        // The form now carries the current version, so saving again is a deliberate choice, and works.
        Assert.Equal(stored.Version.ToString(), VersionOn(page));
        var again = await second.PostFormAsync($"/issues/{issue.Reference}/step-down",
        [
            new("Level", "FrontLine"), new("Reason", "Only a clearance needed"), new("ReferredOrganisationId", Id(world.Cleansing.Id)),
            new("FollowUpDay", Id(followUp.Day)), new("FollowUpMonth", Id(followUp.Month)), new("FollowUpYear", Id(followUp.Year)), new("Version", VersionOn(page)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var final = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.FrontLine, 1, 1), (final.Level!.Value, final.StepUpCount, final.StepDownCount));
    }

    [Fact]
    public async Task Second_of_two_status_changes_is_refused_with_a_conflict_and_the_first_kept()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var first = app.ClientFor(world.SupportOfficerA.Id);
        var second = app.ClientFor(world.AreaManagerA.Id);
        var url = $"/issues/{issue.Reference}/status";
        var staleVersion = VersionOn(await second.GetDocumentAsync(url));

        Assert.Equal(HttpStatusCode.Redirect, (await PostWithVersionAsync(first, url, [new("Action", "Start")])).StatusCode);
        var refused = await second.PostFormAsync(url, [new("Action", "Withdraw"), new("Text", "Not for us after all"), new("Version", staleVersion)]);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var conflict = Assert.Single(Html.ErrorSummary(page));
        Assert.StartsWith(ChangedBy(world.SupportOfficerA), conflict, StringComparison.Ordinal);
        Assert.Contains(ConflictMiddle, conflict, StringComparison.Ordinal);
        Assert.Contains("status in progress", conflict, StringComparison.Ordinal);
        Assert.Equal("Not for us after all", page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal(IssueStatus.InProgress, stored.Status);
        Assert.DoesNotContain(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.Withdrawn);
        Assert.Equal(stored.Version.ToString(), VersionOn(page));
    }

    [Fact]
    public async Task Resolving_from_a_stale_form_does_not_overwrite_a_level_change()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var manager = app.ClientFor(world.AreaManagerA.Id);
        var officer = app.ClientFor(world.SupportOfficerA.Id);
        var staleVersion = VersionOn(await officer.GetDocumentAsync($"/issues/{issue.Reference}/status"));

        var stepped = await PostWithVersionAsync(manager, $"/issues/{issue.Reference}/step-up",
            [new("Level", "Borough"), new("Reason", "Borough-wide"), new("BoroughOwnerId", Id(world.PartnershipManager.Id))]);
        Assert.Equal(HttpStatusCode.Redirect, stepped.StatusCode);

        var refused = await officer.PostFormAsync($"/issues/{issue.Reference}/status", [new("Action", "Resolve"), new("Text", "Fixed"), new("Version", staleVersion)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var conflict = Assert.Single(Html.ErrorSummary(await Html.ReadAsync(refused)));
        Assert.StartsWith(ChangedBy(world.AreaManagerA), conflict, StringComparison.Ordinal);
        Assert.Contains(ConflictMiddle, conflict, StringComparison.Ordinal);
        Assert.Contains("It now reads: Level 4; status triaged", conflict, StringComparison.Ordinal);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.Borough, IssueStatus.Triaged, (string?)null), (stored.Level!.Value, stored.Status, stored.Outcome));
    }

    [Fact]
    public async Task Second_of_two_triages_of_the_same_issue_is_refused_and_the_first_kept()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var first = app.ClientFor(world.AreaManagerA.Id);
        var second = app.ClientFor(world.PartnershipManager.Id);
        var url = $"/issues/{issue.Reference}/triage";
        var staleVersion = VersionOn(await second.GetDocumentAsync(url));

        var saved = await PostWithVersionAsync(first, url, [new("Level", "Partnership"), new("Reason", "Area partnership job"), new("OwnerId", Id(world.AreaManagerA.Id))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.PostFormAsync("/",
            [new("Level", "Borough"), new("Reason", "Borough job"), new("BoroughOwnerId", Id(world.PartnershipManager.Id)), new("Version", staleVersion)], url);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = Assert.Single(Html.ErrorSummary(page));
        Assert.StartsWith(ChangedBy(world.AreaManagerA), message, StringComparison.Ordinal);
        Assert.Contains("It now reads: Level 2; status triaged", message, StringComparison.Ordinal);
        Assert.Equal("Borough job", page.QuerySelector("textarea[name=Reason]")!.TextContent.Trim());
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.Partnership, world.AreaManagerA.Id), (stored.Level!.Value, stored.OwnerId!.Value));
        var triaged = Assert.Single(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.Triaged);
        Assert.Equal(world.AreaManagerA.Id, triaged.ActorId);
    }

    [Fact]
    public async Task A_note_added_meanwhile_is_kept_and_does_not_block_another_note()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var first = app.ClientFor(world.SupportOfficerA.Id);
        var second = app.ClientFor(world.CouncillorA1.Id);
        await second.GetDocumentAsync($"/issues/{issue.Reference}");

        var one = await first.PostFormAsync($"/issues/{issue.Reference}", [new("Text", "First note"), new("Visibility", "Everyone")], $"/issues/{issue.Reference}/notes");
        var two = await second.PostFormAsync($"/issues/{issue.Reference}", [new("Text", "Second note"), new("Visibility", "Everyone")], $"/issues/{issue.Reference}/notes");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (one.StatusCode, two.StatusCode));
        Assert.Equal(["First note", "Second note"],
            (await EventsAsync(app, issue.Id)).Where(e => e.Kind == IssueEventKind.NoteAdded).Select(e => e.Body).ToList());
    }

    [Fact]
    public async Task Issues_raised_at_the_same_time_get_different_references()
    {
        var world = await CreateAsync(app);
        var category = Id(await CategoryIdAsync(app, "graffiti"));
        var clients = new[] { world.AreaManagerA, world.SupportOfficerA, world.PartnershipManager }.Select(u => app.ClientFor(u.Id)).ToList();
        var tokens = await Task.WhenAll(clients.Select(async c =>
            (await c.GetDocumentAsync("/issues/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        var title = TestData.Unique("Tagging");

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync(new Uri("/issues/new", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("Title", $"{title} {i}"), new("Description", "On the underpass."), new("WardId", Id(world.WardA1)), new("CategoryId", category),
            new("Source", "Officer"), new("__RequestVerificationToken", tokens[i]),
        ]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var references = await app.WithDbAsync(db => db.Issues.Where(i => i.Title.StartsWith(title)).Select(i => i.Reference).ToListAsync());
        Assert.Equal(3, references.Distinct().Count());
        Assert.Equal(references.Order(), responses.Select(r => r.Headers.Location!.OriginalString["/issues/".Length..]).Order());
    }
}
