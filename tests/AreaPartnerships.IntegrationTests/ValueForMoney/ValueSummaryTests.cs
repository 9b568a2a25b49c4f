using System.Net;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.ValueForMoney;

/// <summary>
/// The value summary (<see cref="ValueMonthTotal"/>) is never stale: after randomised spends, corrections and
/// reversals, costs recorded and withdrawn (through the app's own form), estimates made, given lines, losing lines and
/// changing confidence and date, it equals the straight sums worked out here from the ledger, costs and estimates; a
/// refused save moves nothing; and a rebuild gives the same rows.
/// </summary>
public sealed class ValueSummaryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task After_randomised_changes_the_value_summary_equals_the_straight_sums_and_a_rebuild()
    {
        var w = await ValueWorld.EmptyAsync(app);
        var random = new Random(20261130);
        var budgets = new List<QuickWinBudget>
        {
            await w.BudgetAsync(app, w.AreaA, new FinancialYear(2024)),
            await w.BudgetAsync(app, w.AreaA, new FinancialYear(2025)),
            await w.BudgetAsync(app, w.AreaB, new FinancialYear(2024)),
            await w.BudgetAsync(app, w.AreaB, new FinancialYear(2025)),
        };
        var issuesA = new List<Issue> { await w.People.IssueAsync(app, w.People.AtLevel2), await w.People.IssueAsync(app), await w.People.IssueAsync(app, w.People.AtLevel3) };
        var issueB = await w.People.IssueAsync(app, w.People.AtLevel2, wardId: w.People.WardB1);
        var issues = issuesA.Append(issueB).ToList();
        var organisations = new[] { w.People.Police, w.People.Cleansing };
        var units = await app.WithDbAsync(async db =>
        {
            var made = new[] { OrganisationKind.CouncilService, OrganisationKind.Police, OrganisationKind.Health }
                .Select((kind, i) => new UnitCost(TestData.Unique("Unit cost"), "each", 1_000m + (i * 333.33m), kind, "Test source", null, ValueWorld.Today)).ToList();
            db.UnitCosts.AddRange(made);
            await db.SaveChangesAsync();
            return made;
        });
        var client = app.ClientFor(w.People.AreaManagerA.Id);
        var spends = new List<QuickWinSpend>();
        var costs = new List<long>();
        var first = new DateOnly(2024, 4, 1);
        DateOnly AnyDay(FinancialYear? year = null) => year is { } y ? y.Starts.AddDays(random.Next(365)) : first.AddDays(random.Next(700));
        decimal AnyAmount() => random.Next(100, 50_000) / 100m;
        var did = new HashSet<string>();

        for (var step = 0; step < 160; step++)
        {
            var what = random.Next(8);
            var issue = issues[random.Next(issues.Count)];
            try
            {
                switch (what)
                {
                    case 0:
                        var budget = budgets[random.Next(budgets.Count)];
                        spends.Add(await w.SpendAsync(app, budget, AnyAmount(), AnyDay(budget.FinancialYear), random.Next(2) == 0 ? issue.Id : null));
                        break;
                    case 1 when spends.Count > 0:
                        var original = spends[random.Next(spends.Count)];
                        var year = budgets.Single(b => b.Id == original.BudgetId).FinancialYear;
                        await w.AdjustAsync(app, original, random.Next(2) == 0 ? null : -Math.Min(original.Amount, 10m), AnyDay(year));
                        break;
                    case 2:
                        await w.CostAsync(app, issue.Id, organisations[random.Next(organisations.Length)], AnyAmount(), AnyDay());
                        costs.Add(await app.WithDbAsync(db => db.IssueCosts.Where(c => c.IssueId == issue.Id).MaxAsync(c => c.Id)));
                        break;
                    case 3 when costs.Count > 0:
                        // Withdrawn through the app's form (a conditional UPDATE the context never sees), for costs in area A.
                        var cost = costs[random.Next(costs.Count)];
                        var on = await app.WithDbAsync(db => db.IssueCosts.Where(c => c.Id == cost)
                            .Join(db.Issues, c => c.IssueId, i => i.Id, (c, i) => new { i.Reference, i.AreaId, c.WithdrawnAt }).SingleAsync());
                        if (on.AreaId == w.AreaA && on.WithdrawnAt is null)
                        {
                            var response = await client.PostFormAsync($"/issues/{on.Reference}/costs/{cost}/withdraw", [new("WithdrawnReason", "Entered twice")]);
                            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                            did.Add("withdrawn");
                        }

                        break;
                    default:
                        await ChangeEstimateAsync(issue.Id, what, units, random, AnyDay(), w.People.AreaManagerA.Id, did);
                        break;
                }
            }
            catch (DomainException)
            {
                // A change the ledger or estimate refuses (e.g. reversing a spend twice): nothing saved, as in the app.
            }
        }

        Assert.Superset(new HashSet<string> { "withdrawn", "line removed", "confidence changed", "line added" }, did);
        var stored = await StoredAsync();
        Assert.Equal(await StraightAsync(), stored);
        Assert.Contains(stored, r => r.StartsWith(nameof(ValueMeasure.AvoidedLowConfidence), StringComparison.Ordinal));
        Assert.Contains(stored, r => r.StartsWith(nameof(ValueMeasure.Avoided) + " ", StringComparison.Ordinal));

        await app.WithDbAsync(db => ValueSummaries.RebuildAsync(db));
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task A_refused_save_moves_nothing()
    {
        var w = await ValueWorld.EmptyAsync(app);
        var issue = await w.People.IssueAsync(app, w.People.AtLevel2);
        await w.EstimateAsync(app, issue.Id, EstimateConfidence.High, new DateOnly(2025, 5, 1), (OrganisationKind.Police, 2_000m, 0.5m));
        var before = await StoredAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => app.WithDbAsync(async db =>
        {
            var estimate = await db.CostEstimates.SingleAsync(e => e.IssueId == issue.Id);
            db.Entry(estimate).Property(e => e.Version).OriginalValue = Guid.NewGuid();
            estimate.Describe("Changed", EstimateConfidence.Low, w.People.AreaManagerA.Id, DateTime.UtcNow, new DateOnly(2025, 9, 1));
            await db.SaveChangesAsync();
        }));

        Assert.Equal(before, await StoredAsync());
        Assert.Equal(await StraightAsync(), before);
    }

    /// <summary>An estimate made, given a line, losing one, or its confidence changed — read without its lines, as the app's own "method and confidence" change does.</summary>
    private Task ChangeEstimateAsync(int issueId, int what, List<UnitCost> units, Random random, DateOnly on, int byId, HashSet<string> did) =>
        app.WithDbAsync(async db =>
        {
            var estimate = what == 7
                ? await db.CostEstimates.SingleOrDefaultAsync(e => e.IssueId == issueId)
                : await db.CostEstimates.Include(e => e.Lines).SingleOrDefaultAsync(e => e.IssueId == issueId);
            if (estimate is null)
            {
                estimate = new CostEstimate(issueId, byId, DateTime.UtcNow, on);
                db.CostEstimates.Add(estimate);
            }

            var unitId = units[random.Next(units.Count)].Id;
            var unit = await db.UnitCosts.SingleAsync(u => u.Id == unitId);
            switch (what)
            {
                case 4 or 5:
                    estimate.AddLine(unit, random.Next(1, 4), random.Next(1, 101) / 100m, null, byId, DateTime.UtcNow, on);
                    did.Add("line added");
                    break;
                case 6 when estimate.Lines.Any(l => l.RemovedAt is null):
                    var live = estimate.Lines.Where(l => l.RemovedAt is null).ToList();
                    estimate.RemoveLine(live[random.Next(live.Count)].Id, byId, DateTime.UtcNow, on);
                    did.Add("line removed");
                    break;
                default:
                    var confidence = (EstimateConfidence)random.Next(1, 4);
                    did.Add(confidence != estimate.Confidence ? "confidence changed" : "described");
                    estimate.Describe("Comparable case", confidence, byId, DateTime.UtcNow, on);
                    break;
            }

            await db.SaveChangesAsync();
        });

    private Task<List<string>> StoredAsync() =>
        app.WithDbAsync(async db => (await db.ValueMonthTotals.AsNoTracking().Where(t => t.Total != 0).ToListAsync())
            .Select(t => $"{t.Measure} {t.Month} {t.AreaId} {t.BorneBy} = {t.Total}").Order(StringComparer.Ordinal).ToList());

    /// <summary>Each measure as its definition says, summed straight from the rows (in pence), independently of the code that keeps the summary.</summary>
    private Task<List<string>> StraightAsync() =>
        app.WithDbAsync(async db =>
        {
            static int Month(DateOnly d) => (d.Year * 100) + d.Month;
            var areaOfBudget = await db.QuickWinBudgets.ToDictionaryAsync(b => b.Id, b => b.AreaId);
            var areaOfIssue = await db.Issues.Select(i => new { i.Id, i.AreaId }).ToDictionaryAsync(i => i.Id, i => i.AreaId);
            var estimates = await db.CostEstimates.AsNoTracking().ToDictionaryAsync(e => e.Id);
            var rows = new List<(ValueMeasure Measure, int Month, int Area, OrganisationKind BorneBy, decimal Pounds)>();
            rows.AddRange((await db.QuickWinSpends.AsNoTracking().ToListAsync())
                .Select(s => (ValueMeasure.Spent, Month(s.SpentOn), areaOfBudget[s.BudgetId], OrganisationKind.CouncilService, s.Amount)));
            rows.AddRange((await db.IssueCosts.AsNoTracking().Where(c => c.WithdrawnAt == null).ToListAsync())
                .Select(c => (ValueMeasure.Spent, Month(c.IncurredOn), areaOfIssue[c.IssueId], c.BorneBy, c.Amount)));
            rows.AddRange((await db.EstimateLines.AsNoTracking().Where(l => l.RemovedAt == null).ToListAsync()).Select(l =>
            {
                var e = estimates[l.CostEstimateId];
                var measure = e.Confidence == EstimateConfidence.Low ? ValueMeasure.AvoidedLowConfidence : ValueMeasure.Avoided;
                return (measure, Month(e.EstimatedOn), areaOfIssue[e.IssueId], l.BorneBy, l.Amount);
            }));

            // Every amount counts for its area and again for the whole borough (area 0).
            return rows.Concat(rows.Select(r => r with { Area = 0 }))
                .GroupBy(r => $"{r.Measure} {r.Month} {r.Area} {r.BorneBy}").Select(g => (g.Key, Pence: (long)(g.Sum(r => r.Pounds) * 100))).Where(g => g.Pence != 0)
                .Select(g => $"{g.Key} = {g.Pence}").Order(StringComparer.Ordinal).ToList();
        });
}
