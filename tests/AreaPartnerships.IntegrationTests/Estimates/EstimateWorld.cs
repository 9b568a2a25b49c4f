using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.Web.Features.Budgets;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Estimates;

/// <summary>
/// The issue tests' two areas and one user per role (<see cref="IssueWorld"/>) plus an administrator, with unit costs,
/// quick-win spends and other costs on an issue made directly in the database (each has its own pages and tests).
/// </summary>
public sealed class EstimateWorld
{
    private EstimateWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public ApplicationUser Administrator { get; private set; } = null!;

    public static DateOnly Today => UkTime.DateOf(DateTime.UtcNow);

    public static async Task<EstimateWorld> CreateAsync(AppFactory app) =>
        new(await IssueWorld.CreateAsync(app)) { Administrator = await app.Data.CreateUserAsync(Roles.Administrator) };

    /// <summary>An issue in area A (ward A1), triaged at Level 3 with the police leading, so the police user sees it and the cleansing user does not.</summary>
    public Task<Issue> IssueAsync(AppFactory app) => People.IssueAsync(app, People.AtLevel3);

    /// <summary>A unit cost in the table (a unique name: the table's names are unique).</summary>
    public static Task<UnitCost> UnitCostAsync(AppFactory app, decimal cost, string name = "A child in care for a year", string unit = "per child per year",
        OrganisationKind borneBy = OrganisationKind.CouncilService, bool retired = false) =>
        app.WithDbAsync(async db =>
        {
            var unitCost = new UnitCost(TestData.Unique(name), unit, cost, borneBy, "Unit cost database", Today.AddYears(-1), Today);
            if (retired)
            {
                unitCost.Retire();
            }

            db.UnitCosts.Add(unitCost);
            await db.SaveChangesAsync();
            return unitCost;
        });

    /// <summary>Changes a unit cost's value in the table, as the administrator would.</summary>
    public static Task ChangeValueAsync(AppFactory app, int unitCostId, decimal cost) =>
        app.WithDbAsync(async db =>
        {
            var unitCost = await db.UnitCosts.SingleAsync(u => u.Id == unitCostId);
            unitCost.Update(unitCost.Name, unitCost.Unit, cost, unitCost.BorneBy, unitCost.Source, unitCost.SourceDate, Today);
            await db.SaveChangesAsync();
        });

    /// <summary>A quick-win spend on the issue from a new budget for area A (the council's money), through the ledger store.</summary>
    public Task QuickWinAsync(AppFactory app, int issueId, decimal amount) =>
        app.WithDbAsync(async db =>
        {
            var budget = new QuickWinBudget(People.AreaA, FinancialYear.Containing(Today), 10_000m);
            db.QuickWinBudgets.Add(budget);
            await db.SaveChangesAsync();
            db.AllocationChanges.Add(budget.FirstAllocation(People.PartnershipManager.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            budget = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == budget.Id);
            var entry = budget.Spend(new SpendDetails(amount, Today, "Family Support Ltd", "Early help", null, false, issueId), null, People.AreaManagerA.Id, DateTime.UtcNow);
            await LedgerStore.AppendAsync(db, entry, CancellationToken.None);
        });

    /// <summary>Another cost on the issue, borne by the organisation.</summary>
    public Task OtherCostAsync(AppFactory app, int issueId, Organisation organisation, decimal amount) =>
        app.WithDbAsync(async db =>
        {
            db.IssueCosts.Add(IssueCost.Free(issueId, organisation, "Officer time", amount, Today, People.AreaManagerA.Id, DateTime.UtcNow, Today));
            await db.SaveChangesAsync();
        });

    public static string Url(Issue issue) => $"/issues/{issue.Reference}/estimate";

    public static string LinesUrl(Issue issue) => $"/issues/{issue.Reference}/estimate/lines";

    public static string RemoveUrl(Issue issue, long lineId) => $"/issues/{issue.Reference}/estimate/lines/{lineId}/remove";

    public static List<KeyValuePair<string, string>> LineFields(int unitCostId, string quantity = "1", string chance = "10%", string? note = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("UnitCostId", IssueWorld.Id(unitCostId)), new("Quantity", quantity), new("Chance", chance) };
        if (note is not null)
        {
            fields.Add(new("Note", note));
        }

        return fields;
    }

    /// <summary>Adds a line through the form; asserts it was accepted and returns the banner shown next.</summary>
    public static async Task<string?> AddLineAsync(HttpClient client, Issue issue, int unitCostId, string quantity = "1", string chance = "10%", string? note = null)
    {
        var response = await client.PostFormAsync(Url(issue), LineFields(unitCostId, quantity, chance, note), LinesUrl(issue));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url(issue), response.Headers.Location!.OriginalString);
        return Html.Banner(await client.GetDocumentAsync(Url(issue)));
    }

    public static Task<CostEstimate?> StoredAsync(AppFactory app, int issueId) =>
        app.WithDbAsync(db => db.CostEstimates.AsNoTracking().Include(e => e.Lines).SingleOrDefaultAsync(e => e.IssueId == issueId));

    public static string Cell(IHtmlDocument page, string selector) =>
        IssueWorld.Text((page.QuerySelector(selector) ?? throw new InvalidOperationException($"Nothing at {selector}")).TextContent);

    /// <summary>A by-agency table's rows: agency, spent, avoided, difference.</summary>
    public static IReadOnlyList<string[]> AgencyRows(IHtmlDocument page, string testId) =>
        [.. (page.QuerySelector($"[data-testid={testId}]") ?? throw new InvalidOperationException($"No {testId} table"))
            .QuerySelectorAll("tbody tr")
            .Select(row => new[] { "agency", "spent", "avoided", "difference" }.Select(c => IssueWorld.Text(row.QuerySelector($"[data-testid={c}]")!.TextContent)).ToArray())];
}
