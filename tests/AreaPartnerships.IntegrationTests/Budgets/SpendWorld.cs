using System.Globalization;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Budgets;

/// <summary>
/// The issue tests' two areas and one user per role (<see cref="IssueWorld"/>), plus an administrator, with
/// quick-win budgets made through the domain for this financial year (today as the app reads it).
/// </summary>
public sealed class SpendWorld
{
    private SpendWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public ApplicationUser Administrator { get; private set; } = null!;

    public static DateOnly Today => UkTime.DateOf(DateTime.UtcNow);

    public static FinancialYear ThisYear => FinancialYear.Containing(Today);

    public static async Task<SpendWorld> CreateAsync(AppFactory app) =>
        new(await IssueWorld.CreateAsync(app)) { Administrator = await app.Data.CreateUserAsync(Roles.Administrator) };

    /// <summary>A budget for the area (area A unless said otherwise) and year (this one unless said otherwise), with its first allocation line.</summary>
    public Task<QuickWinBudget> BudgetAsync(AppFactory app, decimal allocation = 10_000m, int? areaId = null, FinancialYear? year = null) =>
        app.WithDbAsync(async db =>
        {
            var budget = new QuickWinBudget(areaId ?? People.AreaA, year ?? ThisYear, allocation);
            db.QuickWinBudgets.Add(budget);
            await db.SaveChangesAsync();
            db.AllocationChanges.Add(budget.FirstAllocation(People.PartnershipManager.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
            return budget;
        });

    /// <summary>The fields of a good spend form, with any replaced.</summary>
    public static List<KeyValuePair<string, string>> SpendFields(string amount = "250.00", string payee = "Acme Skips Ltd", string purpose = "Skip for the Williams Street clear-up",
        DateOnly? on = null, bool sensitive = false, string? issue = null, string? reference = "PO-1234")
    {
        var date = on ?? Today;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("SpentOnDay", Id(date.Day)), new("SpentOnMonth", Id(date.Month)), new("SpentOnYear", Id(date.Year)),
            new("Amount", amount), new("Payee", payee), new("Purpose", purpose),
        };
        if (reference is not null)
        {
            fields.Add(new("Reference", reference));
        }

        if (sensitive)
        {
            fields.Add(new("PayeeIsSensitive", "true"));
        }

        if (issue is not null)
        {
            fields.Add(new("IssueReference", issue));
        }

        return fields;
    }

    public static string NewUrl(int budgetId) => $"/budgets/{budgetId}/spends/new";

    public static string AdjustUrl(int budgetId, long spendId) => $"/budgets/{budgetId}/spends/{spendId}/adjust";

    /// <summary>Records a spend through the form; asserts it was accepted.</summary>
    public static async Task<QuickWinSpend> SpendAsync(AppFactory app, HttpClient client, int budgetId, string amount = "250.00", bool sensitive = false, string? issue = null,
        string? purpose = null, string payee = "Acme Skips Ltd")
    {
        purpose ??= TestData.Unique("Purpose");
        var response = await client.PostFormAsync(NewUrl(budgetId), SpendFields(amount, payee: payee, purpose: purpose, sensitive: sensitive, issue: issue));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/budgets/{budgetId}", response.Headers.Location!.OriginalString);
        return await app.WithDbAsync(db => db.QuickWinSpends.AsNoTracking().SingleAsync(s => s.BudgetId == budgetId && s.Purpose == purpose));
    }

    public static Task<QuickWinBudget> StoredAsync(AppFactory app, int budgetId) =>
        app.WithDbAsync(db => db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == budgetId));

    public static Task<List<QuickWinSpend>> LedgerAsync(AppFactory app, int budgetId) =>
        app.WithDbAsync(db => db.QuickWinSpends.AsNoTracking().Where(s => s.BudgetId == budgetId).OrderBy(s => s.Id).ToListAsync());

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
