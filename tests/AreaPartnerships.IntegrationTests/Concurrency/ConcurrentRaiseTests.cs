using System.Globalization;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Concurrency;

/// <summary>Issue 9, finding 1: raising at the same moment never collides on the reference.</summary>
public sealed class ConcurrentRaiseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Twenty_issues_raised_at_the_same_moment_get_twenty_distinct_consecutive_references()
    {
        var world = await CreateAsync(app);
        var category = await CategoryIdAsync(app, "fly-tipping");
        var clients = Enumerable.Range(0, 20).Select(_ => app.ClientFor(world.AreaManagerA.Id)).ToList();

        var responses = await ParallelPosts.PostTogetherAsync(clients, "/issues/new", i =>
        [
            new("Title", $"Parallel issue {i}"), new("Description", "Raised at the same moment as nineteen others"),
            new("WardId", Id(world.WardA1)), new("CategoryId", Id(category)), new("Source", "Officer"),
        ]);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var references = responses.Select(r => r.Headers.Location!.OriginalString.Split('/')[^1]).ToList();
        Assert.Equal(20, references.Distinct().Count());
        var numbers = references.Select(r => int.Parse(r.Split('-')[2], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 20), numbers);

        var stored = await app.WithDbAsync(db => db.Issues.AsNoTracking().Where(i => i.Title.StartsWith("Parallel issue ")).Select(i => i.Reference).ToListAsync());
        Assert.Equal(references.Order(), stored.Order());
        var year = int.Parse(references[0].Split('-')[1], CultureInfo.InvariantCulture);
        Assert.Equal(numbers[^1], await app.WithDbAsync(db => db.ReferenceCounters.Where(c => c.Year == year).Select(c => c.LastNumber).SingleAsync()));

        // Twenty concurrent raises each moved the issue counts in their own transaction: none lost.
        await Issues.IssueCountChecks.AssertSummaryEqualsStraightCountAsync(app);
    }
}
