using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Web.Features.Budgets;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Budgets;

/// <summary>Ledger entries made the way the product makes them (the domain, then <see cref="LedgerStore"/>), without a form.</summary>
public static class Setup
{
    public static Task<QuickWinSpend> SpendDirectAsync(AppFactory app, int budgetId, int byId, decimal amount, int? issueId = null, bool sensitive = false,
        string payee = "Acme Skips Ltd", string purpose = "Set up directly") =>
        app.WithDbAsync(async db =>
        {
            var budget = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == budgetId);
            var entry = budget.Spend(new SpendDetails(amount, SpendWorld.Today, payee, purpose, null, sensitive, issueId), null, byId, DateTime.UtcNow);
            await LedgerStore.AppendAsync(db, entry, CancellationToken.None);
            return entry;
        });
}
