using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard summaries (<see cref="IssueMonthCount"/>, <see cref="OpenIssueDate"/>) are never stale: after a few
/// hundred randomised changes of every kind — raising (in past months), triage, steps up and down, referral,
/// starting, resolving, reopening, closing, withdrawing, confidentiality — each equals its straight aggregate,
/// worked out here from the issues and their timelines independently of the code that keeps them; a refused save
/// moves nothing; and a rebuild gives the same rows.
/// </summary>
public sealed class IssueSummariesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task After_randomised_changes_each_summary_equals_its_straight_aggregate()
    {
        var w = await IssueWorld.CreateAsync(app);
        var random = new Random(20261129);
        var manager = w.AreaManagerA.Id;
        var wards = new[] { w.WardA1, w.WardA2, w.WardB1 };
        var categories = await app.WithDbAsync(db => db.Categories.Select(c => c.Id).Take(4).ToListAsync());
        var ids = new List<int>();
        var now = DateTime.UtcNow;

        for (var step = 0; step < 300; step++)
        {
            if (ids.Count < 5 || random.Next(4) == 0)
            {
                // Raised in one of the last 14 months, at any hour (so UK months and days differ from UTC ones around midnight).
                var raisedAt = now.AddMinutes(-random.Next(60, 14 * 31 * 24 * 60));
                ids.Add(await RaiseAsync(wards[random.Next(wards.Length)], categories[random.Next(categories.Count)], (IssueSource)random.Next(1, 6), raisedAt, random.Next(5) == 0, manager));
                continue;
            }

            var id = ids[random.Next(ids.Count)];
            var at = now.AddMinutes(-random.Next(0, 60 * 24 * 40));
            await app.WithDbAsync(async db =>
            {
                var issue = await db.Issues.SingleAsync(i => i.Id == id);
                try
                {
                    Act(issue, random.Next(10), at);
                    await db.SaveChangesAsync();
                }
                catch (DomainException)
                {
                    // A change this issue's state refuses: nothing saved, as in the app.
                }
            });
        }

        await AssertSummariesEqualStraightAggregatesAsync();

        void Act(Issue issue, int what, DateTime at)
        {
            var level = (IssueLevel)random.Next(1, 5);
            var assignment = level switch
            {
                IssueLevel.FrontLine => w.ReferToCleansing with { FollowUpOn = UkTime.DateOf(at).AddDays(random.Next(0, 10)) },
                IssueLevel.MultiAgency => w.PoliceLead,
                IssueLevel.Borough => new Assignment(w.PartnershipManager.Id, w.PartnershipManager.DisplayName),
                _ => new Assignment(random.Next(2) == 0 ? w.AreaManagerA.Id : w.AreaManagerB.Id, "Manager"),
            };
            switch (what)
            {
                case 0 or 1:
                    issue.Triage(level, "Triage", assignment, manager, at, random.Next(-20, 60));
                    break;
                case 2:
                    issue.StepUp(level, "Up", assignment, manager, at, random.Next(-20, 60));
                    break;
                case 3:
                    issue.StepDown(level, "Down", assignment, manager, at, random.Next(-20, 60));
                    break;
                case 4:
                    issue.Start(manager, at);
                    break;
                case 5:
                    if (issue.Level == IssueLevel.FrontLine)
                    {
                        issue.ConfirmReferralDone("Done", manager, at);
                    }
                    else
                    {
                        issue.Resolve("Sorted", manager, at);
                    }

                    break;
                case 6:
                    issue.Reopen("Back", manager, at);
                    break;
                case 7:
                    issue.Close(manager, at);
                    break;
                case 8:
                    issue.Withdraw("Not ours", null, manager, at);
                    break;
                default:
                    issue.SetConfidential(!issue.IsConfidential, manager, at);
                    break;
            }
        }
    }

    [Fact]
    public async Task One_save_that_moves_more_keys_than_one_command_carries_keeps_every_summary_exact()
    {
        // 400 issues raised on 400 different days, in one save: about 1,600 keys across the three summaries, more
        // parameters than one command may carry (SummaryTable sends them as several commands in the transaction).
        var w = await IssueWorld.CreateAsync(app);
        var categories = await app.WithDbAsync(db => db.Categories.Select(c => c.Id).Take(4).ToListAsync());
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            var wards = await db.Wards.Where(x => x.Id == w.WardA1 || x.Id == w.WardB1).ToListAsync();
            for (var i = 0; i < 400; i++)
            {
                db.Issues.Add(new Issue(TestData.Unique("AP-B"), "Bulk", "Raised in one save", wards[i % wards.Count], categories[i % categories.Count],
                    (IssueSource)((i % 5) + 1), w.AreaManagerA.Id, now.AddDays(-i).AddHours(-1)));
            }

            await db.SaveChangesAsync();
        });

        await AssertSummariesEqualStraightAggregatesAsync(everyMeasure: false);
        await IssueCountChecks.AssertSummaryEqualsStraightCountAsync(app);
    }

    [Fact]
    public async Task A_refused_save_moves_nothing_and_a_rebuild_gives_the_same_rows()
    {
        var w = await IssueWorld.CreateAsync(app);
        var issue = await w.IssueAsync(app, w.AtLevel2);
        var before = await SummariesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => app.WithDbAsync(async db =>
        {
            var stored = await db.Issues.SingleAsync(i => i.Id == issue.Id);
            db.Entry(stored).Property(i => i.Version).OriginalValue = Guid.NewGuid();
            stored.StepUp(IssueLevel.MultiAgency, "Needs the police", w.PoliceLead, w.AreaManagerA.Id, DateTime.UtcNow, 90);
            await db.SaveChangesAsync();
        }));

        var after = await SummariesAsync();
        Assert.Equal(before.Months, after.Months);
        Assert.Equal(before.Open, after.Open);

        await app.WithDbAsync(db => IssueSummaries.RebuildAsync(db));
        var rebuilt = await SummariesAsync();
        Assert.NotEmpty(rebuilt.Months);
        Assert.Equal(before.Months, rebuilt.Months);
        Assert.Equal(before.Open, rebuilt.Open);
    }

    private async Task<int> RaiseAsync(int wardId, int categoryId, IssueSource source, DateTime raisedAt, bool confidential, int raisedById) =>
        await app.WithDbAsync(async db =>
        {
            var ward = await db.Wards.SingleAsync(x => x.Id == wardId);
            var issue = new Issue(TestData.Unique("AP-R"), "Randomised", "Randomised change", ward, categoryId, source, raisedById, raisedAt)
            {
                IsConfidential = confidential,
            };
            db.Issues.Add(issue);
            await db.SaveChangesAsync();
            return issue.Id;
        });

    private Task<(List<string> Months, List<string> Open)> SummariesAsync() =>
        app.WithDbAsync(async db => (
            (await db.IssueMonthCounts.AsNoTracking().Where(c => c.Total != 0).ToListAsync())
                .Select(c => $"{c.Measure} {c.Month} {c.AreaId} {c.Level} {c.Key} = {c.Total}").Order(StringComparer.Ordinal).ToList(),
            (await db.OpenIssueDates.AsNoTracking().Where(c => c.Total != 0).ToListAsync())
                .Select(c => $"{c.Kind} {c.On:yyyy-MM-dd} {c.AreaId} {c.OwnerId} {c.Level} = {c.Total}").Order(StringComparer.Ordinal).ToList()));

    /// <summary>Each measure as its definition says, counted straight from the issues (and, for flows, their timelines).</summary>
    private async Task AssertSummariesEqualStraightAggregatesAsync(bool everyMeasure = true)
    {
        var (issues, steps) = await app.WithDbAsync(async db => (
            await db.Issues.AsNoTracking().ToListAsync(),
            await db.IssueEvents.AsNoTracking().Where(e => e.Kind == IssueEventKind.SteppedUp || e.Kind == IssueEventKind.SteppedDown)
                .Join(db.Issues, e => e.IssueId, i => i.Id, (e, i) => new { i.AreaId, e.OccurredAt, e.OldValue, e.NewValue }).ToListAsync()));

        static int Month(DateTime utc) => (UkTime.DateOf(utc).Year * 100) + UkTime.DateOf(utc).Month;
        static int LevelOf(Issue i) => (int?)i.Level ?? 0;
        static string Row(params object[] parts) => string.Join(' ', parts);

        // Raised and resolved are counted by area and again for the whole borough (area 0).
        var months = new List<string>();
        var inAreaAndBorough = issues.SelectMany(i => new[] { (Issue: i, Area: i.AreaId), (Issue: i, Area: 0) }).ToList();
        months.AddRange(inAreaAndBorough.GroupBy(x => Row(IssueMeasure.RaisedBySource, Month(x.Issue.RaisedAt), x.Area, LevelOf(x.Issue), (int)x.Issue.Source)).Select(g => $"{g.Key} = {g.Count()}"));
        months.AddRange(inAreaAndBorough.GroupBy(x => Row(IssueMeasure.RaisedByCategory, Month(x.Issue.RaisedAt), x.Area, 0, x.Issue.CategoryId)).Select(g => $"{g.Key} = {g.Count()}"));
        months.AddRange(inAreaAndBorough.Where(x => x.Issue.ResolvedAt != null)
            .GroupBy(x => Row(IssueMeasure.Resolved, Month(x.Issue.ResolvedAt!.Value), x.Area, LevelOf(x.Issue),
                IssueMonthCount.DaysBand(UkTime.DateOf(x.Issue.ResolvedAt.Value).DayNumber - UkTime.DateOf(x.Issue.RaisedAt).DayNumber)))
            .Select(g => $"{g.Key} = {g.Count()}"));
        months.AddRange(steps.GroupBy(s => Row(IssueMeasure.Flow, Month(s.OccurredAt), s.AreaId, s.OldValue![6..], s.NewValue![6..])).Select(g => $"{g.Key} = {g.Count()}"));

        var open = issues.Where(i => i.IsOpen).ToList();
        var dates = new List<string>();
        dates.AddRange(open.GroupBy(i => Row(OpenIssueDateKind.Open, "0001-01-01", i.AreaId, i.OwnerId ?? 0, LevelOf(i))).Select(g => $"{g.Key} = {g.Count()}"));
        dates.AddRange(open.GroupBy(i => Row(OpenIssueDateKind.Raised, UkTime.DateOf(i.RaisedAt).ToString("yyyy-MM-dd"), i.AreaId, i.OwnerId ?? 0, LevelOf(i))).Select(g => $"{g.Key} = {g.Count()}"));
        dates.AddRange(open.GroupBy(i => Row(OpenIssueDateKind.Raised, UkTime.DateOf(i.RaisedAt).ToString("yyyy-MM-dd"), 0, 0, LevelOf(i))).Select(g => $"{g.Key} = {g.Count()}"));
        dates.AddRange(open.Where(i => i.TargetDate != null)
            .GroupBy(i => Row(OpenIssueDateKind.Target, i.TargetDate!.Value.ToString("yyyy-MM-dd"), i.AreaId, i.OwnerId ?? 0, LevelOf(i))).Select(g => $"{g.Key} = {g.Count()}"));
        dates.AddRange(open.Where(i => i.FollowUpOn != null && i.ReferralConfirmedAt == null)
            .GroupBy(i => Row(OpenIssueDateKind.FollowUp, i.FollowUpOn!.Value.ToString("yyyy-MM-dd"), i.AreaId, i.OwnerId ?? 0, LevelOf(i))).Select(g => $"{g.Key} = {g.Count()}"));

        var (storedMonths, storedOpen) = await SummariesAsync();
        if (everyMeasure)
        {
            Assert.Contains(months, m => m.StartsWith(nameof(IssueMeasure.Flow), StringComparison.Ordinal));
            Assert.Contains(months, m => m.StartsWith(nameof(IssueMeasure.Resolved), StringComparison.Ordinal));
            Assert.Contains(dates, d => d.StartsWith(nameof(OpenIssueDateKind.FollowUp), StringComparison.Ordinal));
        }

        Assert.Equal(months.Order(StringComparer.Ordinal), storedMonths);
        Assert.Equal(dates.Order(StringComparer.Ordinal), storedOpen);
    }
}
