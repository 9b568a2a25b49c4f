using System.Globalization;
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

namespace AreaPartnerships.IntegrationTests.Costs;

/// <summary>
/// The issue tests' two areas and one user per role (<see cref="IssueWorld"/>) plus an administrator, with unit costs
/// made through the domain and an issue in area A that the police lead (so the police's partner user sees it).
/// </summary>
public sealed class CostWorld
{
    private CostWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public ApplicationUser Administrator { get; private set; } = null!;

    public static DateOnly Today => UkTime.DateOf(DateTime.UtcNow);

    public static async Task<CostWorld> CreateAsync(AppFactory app) =>
        new(await IssueWorld.CreateAsync(app)) { Administrator = await app.Data.CreateUserAsync(Roles.Administrator) };

    /// <summary>An issue in area A's ward A1, at Level 3 led by the police (their partner user may see it).</summary>
    public Task<Issue> IssueAsync(AppFactory app) => People.IssueAsync(app, People.AtLevel3);

    /// <summary>An issue in area B, which area A's people may not see.</summary>
    public Task<Issue> IssueInAreaBAsync(AppFactory app) => People.IssueAsync(app, wardId: People.WardB1);

    /// <summary>A unit cost in use, made through the domain, with a unique name.</summary>
    public static Task<UnitCost> UnitCostAsync(AppFactory app, string name = "Police call-out", decimal cost = 250m, string unit = "per call-out",
        OrganisationKind borneBy = OrganisationKind.Police, bool retired = false) =>
        app.WithDbAsync(async db =>
        {
            var unitCost = new UnitCost(TestData.Unique(name), unit, cost, borneBy, "A national unit cost database", new DateOnly(2025, 3, 31), Today);
            if (retired)
            {
                unitCost.Retire();
            }

            db.UnitCosts.Add(unitCost);
            await db.SaveChangesAsync();
            return unitCost;
        });

    /// <summary>Area A's quick-win budget for this year, made through the domain.</summary>
    public static Task<QuickWinBudget> BudgetAsync(AppFactory app, int areaId, decimal allocation = 10_000m) =>
        app.WithDbAsync(async db =>
        {
            var budget = new QuickWinBudget(areaId, FinancialYear.Containing(Today), allocation);
            db.QuickWinBudgets.Add(budget);
            await db.SaveChangesAsync();
            return budget;
        });

    /// <summary>A reversal of a spend, written as the app writes it (<see cref="LedgerStore"/>).</summary>
    public Task<QuickWinSpend> ReverseAsync(AppFactory app, QuickWinSpend original) =>
        app.WithDbAsync(async db =>
        {
            var budget = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == original.BudgetId);
            var entry = budget.Adjust(original, original.Amount, null, "Paid twice", Today, People.AreaManagerA.Id, DateTime.UtcNow);
            await LedgerStore.AppendAsync(db, entry, CancellationToken.None);
            return entry;
        });

    public static Task<UnitCost> StoredUnitCostAsync(AppFactory app, int id) =>
        app.WithDbAsync(db => db.UnitCosts.AsNoTracking().SingleAsync(u => u.Id == id));

    public static Task<List<IssueCost>> CostsAsync(AppFactory app, int issueId) =>
        app.WithDbAsync(db => db.IssueCosts.AsNoTracking().Where(c => c.IssueId == issueId).OrderBy(c => c.Id).ToListAsync());

    /// <summary>The issue's timeline lines about costs, oldest first.</summary>
    public static async Task<List<IssueEvent>> CostEventsAsync(AppFactory app, int issueId) =>
        [.. (await IssueWorld.EventsAsync(app, issueId)).Where(e => e.Kind == IssueEventKind.CostRecorded)];

    public static string CostsUrl(Issue issue) => $"/issues/{issue.Reference}/costs";

    public static string NewUrl(Issue issue) => $"/issues/{issue.Reference}/costs/new";

    public static string WithdrawUrl(Issue issue, long costId) => $"/issues/{issue.Reference}/costs/{Id(costId)}/withdraw";

    /// <summary>The fields of a cost from the unit-cost table, with any replaced.</summary>
    public static List<KeyValuePair<string, string>> UnitCostFields(int organisationId, int unitCostId, string quantity = "2", string? description = null, DateOnly? on = null)
    {
        var fields = DateFields(organisationId, on);
        fields.AddRange([new("Basis", "UnitCost"), new("UnitCostId", Id(unitCostId)), new("Quantity", quantity)]);
        if (description is not null)
        {
            fields.Add(new("Description", description));
        }

        return fields;
    }

    /// <summary>The fields of a free amount, with any replaced.</summary>
    public static List<KeyValuePair<string, string>> AmountFields(int organisationId, string amount = "64.00", string description = "Two hours of a housing officer's time", DateOnly? on = null)
    {
        var fields = DateFields(organisationId, on);
        fields.AddRange([new("Basis", "Amount"), new("Amount", amount), new("Description", description)]);
        return fields;
    }

    /// <summary>Records a cost through the form as <paramref name="client"/>; asserts it was accepted and returns it.</summary>
    public static async Task<IssueCost> RecordAsync(AppFactory app, HttpClient client, Issue issue, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostFormAsync(NewUrl(issue), fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CostsUrl(issue), response.Headers.Location!.OriginalString);
        return (await CostsAsync(app, issue.Id))[^1];
    }

    public static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url) =>
        (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode;

    public static string Text(IHtmlDocument page, string testId) =>
        IssueWorld.Text(page.QuerySelector($"[data-testid={testId}]")?.TextContent ?? throw new InvalidOperationException($"Nothing marked {testId} on the page"));

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> DateFields(int organisationId, DateOnly? on)
    {
        var date = on ?? Today;
        return
        [
            new("OrganisationId", Id(organisationId)),
            new("IncurredOnDay", Id(date.Day)), new("IncurredOnMonth", Id(date.Month)), new("IncurredOnYear", Id(date.Year)),
        ];
    }
}
