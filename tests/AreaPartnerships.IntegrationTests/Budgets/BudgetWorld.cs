using System.Globalization;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.Web.Features.Budgets;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Budgets;

/// <summary>
/// The issue tests' two areas and people (<see cref="IssueWorld"/>) plus an administrator. Budgets are made through
/// the domain and spends written as the app writes them (<see cref="LedgerStore.AppendAsync"/>), since recording
/// spends has its own pages and tests.
/// </summary>
public sealed class BudgetWorld
{
    private BudgetWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public ApplicationUser Administrator { get; private set; } = null!;

    public int AreaA => People.AreaA;

    public int AreaB => People.AreaB;

    public static DateOnly Today => UkTime.DateOf(DateTime.UtcNow);

    public static FinancialYear ThisYear => FinancialYear.Containing(Today);

    public static async Task<BudgetWorld> CreateAsync(AppFactory app)
    {
        var world = new BudgetWorld(await IssueWorld.CreateAsync(app));
        world.Administrator = await app.Data.CreateUserAsync(Roles.Administrator);
        return world;
    }

    public ApplicationUser User(string role) => role switch
    {
        Roles.PartnershipManager => People.PartnershipManager,
        Roles.AreaManager => People.AreaManagerA,
        Roles.SupportOfficer => People.SupportOfficerA,
        Roles.Councillor => People.CouncillorA1,
        Roles.PartnerUser => People.PoliceUser,
        _ => Administrator,
    };

    /// <summary>A budget for the area and year (this year unless said), with its first history line.</summary>
    public Task<QuickWinBudget> BudgetAsync(AppFactory app, int areaId, decimal allocation, FinancialYear? year = null) =>
        app.WithDbAsync(async db =>
        {
            var budget = new QuickWinBudget(areaId, year ?? ThisYear, allocation);
            db.QuickWinBudgets.Add(budget);
            await db.SaveChangesAsync();
            db.AllocationChanges.Add(budget.FirstAllocation(People.PartnershipManager.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
            return budget;
        });

    /// <summary>A spend recorded by area A's manager through the ledger store.</summary>
    public Task<QuickWinSpend> SpendAsync(AppFactory app, int budgetId, decimal amount, DateOnly? on = null, int? issueId = null, string? payee = null, string? reference = null) =>
        app.WithDbAsync(async db =>
        {
            var budget = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == budgetId);
            var entry = budget.Spend(new SpendDetails(amount, on ?? Today, payee ?? "Acme Skips Ltd", "Skip for the clear-up", reference, false, issueId),
                null, People.AreaManagerA.Id, DateTime.UtcNow);
            await LedgerStore.AppendAsync(db, entry, CancellationToken.None);
            return entry;
        });

    /// <summary>A correction (<paramref name="change"/>) or reversal (null) of a spend, through the ledger store.</summary>
    public Task<QuickWinSpend> AdjustAsync(AppFactory app, QuickWinSpend original, decimal? change, string reason) =>
        app.WithDbAsync(async db =>
        {
            var budget = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == original.BudgetId);
            var net = await db.QuickWinSpends.Where(s => s.Id == original.Id || s.AdjustsSpendId == original.Id).SumAsync(s => s.Amount);
            var entry = budget.Adjust(original, net, change, reason, Today, People.AreaManagerA.Id, DateTime.UtcNow);
            await LedgerStore.AppendAsync(db, entry, CancellationToken.None);
            return entry;
        });

    public static Task<QuickWinBudget?> StoredAsync(AppFactory app, int areaId, int year) =>
        app.WithDbAsync(db => db.QuickWinBudgets.AsNoTracking().SingleOrDefaultAsync(b => b.AreaId == areaId && b.FinancialYearStart == year));

    public static Task<List<AllocationChange>> HistoryAsync(AppFactory app, int budgetId) =>
        app.WithDbAsync(db => db.AllocationChanges.AsNoTracking().Where(c => c.BudgetId == budgetId).OrderBy(c => c.Id).ToListAsync());

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Text(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The monitor's row for an area: its cells' test ids and text.</summary>
    public static IReadOnlyDictionary<string, string> Row(IHtmlDocument page, int areaId) =>
        page.QuerySelector($"[data-testid=budgets] tr[data-area-id='{areaId}']") is { } row
            ? row.QuerySelectorAll("[data-testid]").ToDictionary(c => c.GetAttribute("data-testid")!, c => Text(c.TextContent))
            : throw new InvalidOperationException($"No row for area {areaId}");
}
