using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Actions;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// Issue 9, finding 15: every timeline (issue, task group, action) reads in the order things happened, newest first,
/// whatever order the rows were inserted in (seeded AP-2026-00018 showed 24 Nov, 31 Oct, 15 Nov, 15 Nov, 22 Oct).
/// The three pages draw it with the one _Timeline partial, so they read the same.
/// </summary>
public sealed class TimelineOrderTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Days ago for each inserted row, in insertion order (so ids do not follow time); two share a time.</summary>
    private static readonly int[] InsertedDaysAgo = [5, 38, 14, 14, 45, 1];

    /// <summary>The same times, newest first; ties newest-inserted first.</summary>
    private static IEnumerable<DateTime> NewestFirst(DateTime now) =>
        InsertedDaysAgo.OrderBy(d => d).Select(d => now.Date.AddDays(-d).AddHours(10));

    [Fact]
    public async Task A_long_timeline_shows_the_latest_fifty_entries_and_links_to_the_whole_of_it()
    {
        var world = await IssueWorld.CreateAsync(app);
        var now = DateTime.UtcNow;
        var issue = await world.IssueAsync(app, i =>
        {
            for (var n = 0; n < 79; n++)
            {
                i.AddNote($"Note {n}", Visibility.Everyone, world.AreaManagerA.Id, now.AddMinutes(n));
            }
        });
        var client = app.ClientFor(world.AreaManagerA.Id);

        var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        var link = page.QuerySelector("[data-testid=older-entries] a")!.GetAttribute("href")!;
        var whole = await client.GetDocumentAsync(link);

        var latest = IssueWorld.Timeline(page);
        Assert.Equal(50, latest.Count);
        Assert.Equal("Note 78", latest[0].Description);
        Assert.Equal($"/issues/{issue.Reference}?timeline=all#timeline", link);
        Assert.Equal(80, IssueWorld.Timeline(whole).Count);
        Assert.Equal("Raised", IssueWorld.Timeline(whole)[^1].Title);
        Assert.Null(whole.QuerySelector("[data-testid=older-entries]"));
    }

    [Fact]
    public async Task Issue_timeline_is_newest_first_by_when_it_happened_whatever_the_insertion_order()
    {
        var world = await IssueWorld.CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            // The raising entry is 3 days old (CreateIssueAsync); these go in around it, out of order.
            foreach (var (daysAgo, n) in InsertedDaysAgo.Select((d, n) => (d, n)))
            {
                db.IssueEvents.Add(new IssueEvent(issue.Id, IssueEventKind.NoteAdded, world.AreaManagerA.Id, now.Date.AddDays(-daysAgo).AddHours(10), $"Note {n}")
                {
                    Body = $"Inserted {n}",
                });
                await db.SaveChangesAsync();
            }
        });

        var timeline = IssueWorld.Timeline(await app.ClientFor(world.AreaManagerA.Id).GetDocumentAsync($"/issues/{issue.Reference}"));

        var times = timeline.Select(t => DateTime.Parse(t.At!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        var notes = timeline.Where(t => t.Title.StartsWith("Note ", StringComparison.Ordinal)).Select(t => t.Title).ToList();

        // 1 day, (raised 3 days ago), 5 days, then the two at 14 days (the later-inserted first), 38, 45.
        Assert.Equal(["Note 5", "Note 0", "Note 3", "Note 2", "Note 1", "Note 4"], notes);
        Assert.Equal(7, timeline.Count);
        Assert.StartsWith("Raised", timeline[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_group_timeline_is_newest_first_by_when_it_happened_whatever_the_insertion_order()
    {
        var world = await ActionWorld.CreateAsync(app);
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            foreach (var (daysAgo, n) in InsertedDaysAgo.Select((d, n) => (d, n)))
            {
                db.TaskGroupEvents.Add(new TaskGroupEvent(world.Group.Id, world.People.AreaManagerA.Id, now.Date.AddDays(-daysAgo).AddHours(10), $"Entry {n}"));
                await db.SaveChangesAsync();
            }
        });

        var timeline = IssueWorld.Timeline(await app.ClientFor(world.People.AreaManagerA.Id).GetDocumentAsync($"/task-groups/{world.Group.Id}"));

        var entries = timeline.Where(t => t.Title.StartsWith("Entry ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Entry 5", "Entry 0", "Entry 3", "Entry 2", "Entry 1", "Entry 4"], entries.Select(t => t.Title));
        Assert.Equal(NewestFirst(now).Select(t => t.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)), entries.Select(t => t.At));
        var all = timeline.Select(t => t.At).ToList();
        Assert.Equal(all.OrderByDescending(t => t, StringComparer.Ordinal), all);
    }

    [Fact]
    public async Task Action_history_is_newest_first_by_when_it_was_recorded_whatever_the_insertion_order()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app);
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            foreach (var (daysAgo, n) in InsertedDaysAgo.Select((d, n) => (d, n)))
            {
                var at = now.Date.AddDays(-daysAgo).AddHours(10);
                db.PlanActionUpdates.Add(new PlanActionUpdate(action.Id, $"Update {n}", DateOnly.FromDateTime(at), world.Member.Id, at));
                await db.SaveChangesAsync();
            }
        });

        var page = await app.ClientFor(world.Member.Id).GetDocumentAsync($"/actions/{action.Id}");
        var history = page.QuerySelector("[data-testid=history]")!.QuerySelectorAll(".moj-timeline__item")
            .Select(item => (Text: IssueWorld.Text(item.QuerySelector(".moj-timeline__description")!.TextContent), At: item.QuerySelector("time")!.GetAttribute("datetime")))
            .ToList();

        Assert.Equal(["Update 5", "Update 0", "Update 3", "Update 2", "Update 1", "Update 4"], history.Select(h => h.Text));
        Assert.Equal(NewestFirst(now).Select(t => t.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)), history.Select(h => h.At));
    }

    [Fact]
    public async Task The_issue_the_task_group_and_the_action_draw_their_timelines_with_the_same_markup()
    {
        var world = await ActionWorld.CreateAsync(app);
        var action = await world.ActionAsync(app, then: world.Marked(PlanActionStatus.InProgress));
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var pages = new[]
        {
            await client.GetDocumentAsync($"/issues/{world.Issue.Reference}"),
            await client.GetDocumentAsync($"/task-groups/{world.Group.Id}"),
            await client.GetDocumentAsync($"/actions/{action.Id}"),
        };

        Assert.All(pages, page =>
        {
            var items = page.QuerySelectorAll(".moj-timeline[data-testid] > .moj-timeline__item");
            Assert.NotEmpty(items);
            Assert.All(items, item =>
            {
                Assert.NotNull(item.QuerySelector(".moj-timeline__header > h3.moj-timeline__title"));
                Assert.StartsWith("by ", item.QuerySelector(".moj-timeline__header > p.moj-timeline__byline")!.TextContent, StringComparison.Ordinal);
                Assert.NotNull(item.QuerySelector("p.moj-timeline__date > time[datetime]"));
            });
        });
    }
}
