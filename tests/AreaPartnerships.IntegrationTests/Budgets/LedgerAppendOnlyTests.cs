using System.Reflection;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Web.Features.Budgets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Budgets.SpendWorld;

namespace AreaPartnerships.IntegrationTests.Budgets;

/// <summary>The quick-win ledger is append-only, in the product and by the data model: nothing edits or deletes an entry.</summary>
public sealed class LedgerAppendOnlyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void No_action_in_the_product_edits_or_deletes_a_ledger_entry_or_an_allocation_change()
    {
        var actions = typeof(SpendsController).Assembly.GetTypes()
            .Where(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (Controller: t, Method: m)))
            .ToList();
        Assert.Contains(actions, a => a.Controller == typeof(SpendsController));

        var offending = actions
            .Where(a => a.Method.GetCustomAttributes<HttpMethodAttribute>().Any(h => h.HttpMethods.Any(v => v != "GET")))
            .Where(a =>
            {
                var route = string.Join(" ", a.Method.GetCustomAttributes<HttpMethodAttribute>().Select(h => h.Template)) + " "
                    + string.Join(" ", a.Controller.GetCustomAttributes<RouteAttribute>().Select(r => r.Template));
                var aboutLedger = route.Contains("spends", StringComparison.OrdinalIgnoreCase) || route.Contains("allocation", StringComparison.OrdinalIgnoreCase)
                    || route.Contains("ledger", StringComparison.OrdinalIgnoreCase);
                var changes = a.Method.GetCustomAttributes<HttpDeleteAttribute>().Any() || a.Method.GetCustomAttributes<HttpPutAttribute>().Any()
                    || a.Method.GetCustomAttributes<HttpPatchAttribute>().Any()
                    || new[] { "edit", "delete", "remove" }.Any(w => route.Contains(w, StringComparison.OrdinalIgnoreCase) || a.Method.Name.Contains(w, StringComparison.OrdinalIgnoreCase));
                return aboutLedger && changes;
            })
            .Select(a => $"{a.Controller.Name}.{a.Method.Name}")
            .ToList();
        Assert.Empty(offending);

        // And the only posts about spends add an entry: record one, or adjust one by a new entry.
        var spendPosts = actions.Where(a => a.Controller == typeof(SpendsController) && a.Method.GetCustomAttributes<HttpPostAttribute>().Any())
            .Select(a => a.Method.GetCustomAttribute<HttpPostAttribute>()!.Template).Order().ToList();
        Assert.Equal(["{budgetId:int}/spends/{spendId:long}/adjust", "{budgetId:int}/spends/new"], spendPosts);
    }

    [Fact]
    public async Task Saving_a_changed_or_deleted_ledger_entry_or_allocation_change_is_refused_and_nothing_moves()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        await Setup.SpendDirectAsync(app, budget.Id, world.People.AreaManagerA.Id, 100m);

        foreach (var delete in new[] { false, true })
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
            {
                var entry = await db.QuickWinSpends.SingleAsync(s => s.BudgetId == budget.Id);
                if (delete)
                {
                    db.QuickWinSpends.Remove(entry);
                }
                else
                {
                    db.Entry(entry).Property(e => e.Amount).CurrentValue = 1m;
                }

                await db.SaveChangesAsync();
            }));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);

            // The synchronous save refuses it too.
            await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(db =>
            {
                var change = db.AllocationChanges.Single(c => c.BudgetId == budget.Id);
                if (delete)
                {
                    db.AllocationChanges.Remove(change);
                }
                else
                {
                    db.Entry(change).Property(c => c.Reason).CurrentValue = "Rewritten";
                }

                return Task.FromResult(db.SaveChanges());
            }));
        }

        var ledger = await LedgerAsync(app, budget.Id);
        Assert.Equal(100m, Assert.Single(ledger).Amount);
        Assert.Equal("First allocation for the year", (await app.WithDbAsync(db => db.AllocationChanges.AsNoTracking().SingleAsync(c => c.BudgetId == budget.Id))).Reason);
    }

    [Fact]
    public async Task Adding_entries_is_still_allowed_alongside_other_changes()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);

        var entry = await Setup.SpendDirectAsync(app, budget.Id, world.People.AreaManagerA.Id, 10m);

        Assert.Equal(LedgerEntryKind.Spend, entry.Kind);
        Assert.Equal(10m, (await StoredAsync(app, budget.Id)).Spent);
    }
}
