using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Actions;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Actions.ActionWorld;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Concurrency;

/// <summary>
/// Issue 9, finding 4: appending is not editing. Notes and progress updates posted at the same moment are all
/// kept; only changes to the same fields (status, level…) are refused as conflicts.
/// </summary>
public sealed class AppendingIsNotEditingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Twelve_people_adding_notes_to_one_issue_at_the_same_moment_are_all_saved()
    {
        var world = await IssueWorld.CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var before = await StoredAsync(app, issue.Id);
        var clients = Enumerable.Range(0, 12).Select(i => app.ClientFor(i % 2 == 0 ? world.AreaManagerA.Id : world.SupportOfficerA.Id)).ToList();

        var responses = await ParallelPosts.PostTogetherAsync(clients, $"/issues/{issue.Reference}",
            i => [new("Text", $"Parallel note {i}"), new("Visibility", "Everyone")], $"/issues/{issue.Reference}/notes");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var notes = (await EventsAsync(app, issue.Id)).Where(e => e.Kind == IssueEventKind.NoteAdded).Select(e => e.Body).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Parallel note {i}").Order(), notes);

        // A note is not an edit: the issue's version is where it was, and its last activity moved on.
        var after = await StoredAsync(app, issue.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.True(after.LastActivityAt > before.LastActivityAt);
    }

    [Fact]
    public async Task A_status_change_read_before_notes_were_added_still_saves()
    {
        var world = await IssueWorld.CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var officer = app.ClientFor(world.SupportOfficerA.Id);
        var url = $"/issues/{issue.Reference}/status";
        var version = VersionOn(await officer.GetDocumentAsync(url));

        var note = await app.ClientFor(world.AreaManagerA.Id).PostFormAsync($"/issues/{issue.Reference}", [new("Text", "Spoke to the school"), new("Visibility", "Everyone")], $"/issues/{issue.Reference}/notes");
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        var started = await officer.PostFormAsync(url, [new("Action", "Start"), new("Version", version)]);

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(IssueStatus.InProgress, (await StoredAsync(app, issue.Id)).Status);
    }

    [Fact]
    public async Task Two_status_changes_at_the_same_moment_are_still_a_conflict_naming_who_changed_it()
    {
        var world = await IssueWorld.CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var url = $"/issues/{issue.Reference}/status";
        var version = (await StoredAsync(app, issue.Id)).Version.ToString();
        var clients = new[] { app.ClientFor(world.SupportOfficerA.Id), app.ClientFor(world.AreaManagerA.Id) };

        var responses = await ParallelPosts.PostTogetherAsync(clients, url, i =>
            i == 0 ? [new("Action", "Start"), new("Version", version)] : [new("Action", "Withdraw"), new("Text", "Not for us"), new("Version", version)]);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.BadRequest);
        var conflict = Assert.Single(Html.ErrorSummary(await Html.ReadAsync(refused)));
        var stored = await StoredAsync(app, issue.Id);
        var winner = stored.Status == IssueStatus.InProgress ? world.SupportOfficerA : world.AreaManagerA;
        Assert.StartsWith($"{winner.DisplayName} changed this issue at ", conflict, StringComparison.Ordinal);
        Assert.Contains("while you were editing it, so your changes have not been saved", conflict, StringComparison.Ordinal);
        Assert.Contains($"status {Issue.StatusName(stored.Status).ToLowerInvariant()}", conflict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twelve_progress_updates_on_one_action_at_the_same_moment_are_all_saved()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.InProgress));
        var before = await StoredActionAsync(app, action.Id);
        var clients = Enumerable.Range(0, 12).Select(i => app.ClientFor(i % 2 == 0 ? world.Member.Id : world.Lead.Id)).ToList();

        var responses = await ParallelPosts.PostTogetherAsync(clients, $"/actions/{action.Id}/update",
            i => [new("Status", "InProgress"), new("Text", $"Parallel update {i}"), new("Reason", "")]);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var updates = (await UpdatesAsync(app, action.Id)).Select(u => u.Text).Where(t => t.StartsWith("Parallel", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Parallel update {i}").Order(), updates);
        Assert.Equal(12, (await GroupEventsAsync(app, world.Group.Id)).Count(e => e.Body?.StartsWith("Parallel update", StringComparison.Ordinal) == true));
        Assert.Equal(12, (await EventsAsync(app, world.Issue.Id)).Count(e => e.Body?.StartsWith("Parallel update", StringComparison.Ordinal) == true));
        Assert.Equal(before.Version, (await StoredActionAsync(app, action.Id)).Version);
    }

    [Fact]
    public async Task A_status_change_on_an_action_changed_meanwhile_is_refused_but_a_progress_update_is_not()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.InProgress));
        var url = $"/actions/{action.Id}/update";
        var lead = app.ClientFor(world.Lead.Id);
        var stale = VersionOn(await lead.GetDocumentAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await PostWithVersionAsync(app.ClientFor(world.Member.Id), url, [new("Status", "Blocked"), new("Text", "Stuck"), new("Reason", "No key")])).StatusCode);

        // Done is a change of the status someone else just changed: refused, naming them.
        var refused = await lead.PostFormAsync(url, [new("Status", "Done"), new("Text", "All finished"), new("Version", stale)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith($"{world.Member.DisplayName} changed this action at ", Assert.Single(Html.ErrorSummary(await Html.ReadAsync(refused))), StringComparison.Ordinal);
        Assert.Equal(PlanActionStatus.Blocked, (await StoredActionAsync(app, action.Id)).Status);

        // Words alone on the action as it now is (still blocked, same reason) are appended, whatever version the form had.
        var appended = await lead.PostFormAsync(url, [new("Status", "Blocked"), new("Text", "Chased the landlord"), new("Reason", ""), new("Version", stale)]);
        Assert.Equal(HttpStatusCode.Redirect, appended.StatusCode);
        Assert.Contains(await UpdatesAsync(app, action.Id), u => u.Text == "Chased the landlord");
    }
}
