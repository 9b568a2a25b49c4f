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

namespace AreaPartnerships.IntegrationTests.ValueForMoney;

/// <summary>
/// Two areas (<see cref="IssueWorld"/>) with quick-win budgets, spends, other costs and cost-avoidance estimates written
/// straight into the database through the domain, for the financial year 2024/25 (1 April 2024 to 31 March 2025).
/// <see cref="CreateAsync"/> builds the standard case the report tests read (figures in <see cref="Expected"/>):
/// <list type="bullet">
/// <item>Issue 1 (area A, Level 2, children and families): spends £347.00 and £300.00 reversed; a high-confidence estimate,
/// council £3,000.00 and police £7,000.00; a £75.00 spend on 1 April 2025 (the next year).</item>
/// <item>Issue 2 (area A, not triaged, housing): a £400.00 spend corrected by −£150.00; police costs £200.00 on 31 March 2025,
/// £999.00 on 1 April 2025 and £50.00 withdrawn; a medium estimate, health £500.00 and a removed £800.00 line.</item>
/// <item>Issue 3 (area A, Level 3): a low-confidence estimate, council £1,000.00.</item>
/// <item>Issue 5 (area A): a high estimate of £9,999.00 made on 1 April 2025.</item>
/// <item>Area A: a £100.00 spend with no linked issue.</item>
/// <item>Issue 4 (area B): a £5,000.00 spend and a high estimate, council £50,000.00.</item>
/// </list>
/// </summary>
public sealed class ValueWorld
{
    public static readonly FinancialYear Year = new(2024);

    private ValueWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public ApplicationUser Administrator { get; private set; } = null!;

    public int AreaA => People.AreaA;

    public int AreaB => People.AreaB;

    public Issue Issue1 { get; private set; } = null!;

    public Issue Issue2 { get; private set; } = null!;

    public Issue Issue3 { get; private set; } = null!;

    public Issue Issue4 { get; private set; } = null!;

    public Issue Issue5 { get; private set; } = null!;

    public static DateOnly Today => UkTime.DateOf(DateTime.UtcNow);

    /// <summary>The report's query for 2024/25 and the areas given.</summary>
    public static string Period(params int[] areaIds) =>
        "from=2024-04-01&to=2025-03-31" + string.Concat(areaIds.Select(a => "&areaId=" + Id(a)));

    /// <summary>Just the people and areas.</summary>
    public static async Task<ValueWorld> EmptyAsync(AppFactory app)
    {
        var world = new ValueWorld(await IssueWorld.CreateAsync(app));
        world.Administrator = await app.Data.CreateUserAsync(Roles.Administrator);
        return world;
    }

    public static async Task<ValueWorld> CreateAsync(AppFactory app)
    {
        var w = await EmptyAsync(app);
        var budgetA = await w.BudgetAsync(app, w.AreaA, Year);
        var nextA = await w.BudgetAsync(app, w.AreaA, new FinancialYear(2025));
        var budgetB = await w.BudgetAsync(app, w.AreaB, Year);
        const OrganisationKind council = OrganisationKind.CouncilService, police = OrganisationKind.Police, health = OrganisationKind.Health;

        w.Issue1 = await w.People.IssueAsync(app, w.People.AtLevel2);
        w.Issue2 = await w.People.IssueAsync(app);
        w.Issue3 = await w.People.IssueAsync(app, w.People.AtLevel3);
        w.Issue4 = await w.People.IssueAsync(app, w.People.AtLevel2, wardId: w.People.WardB1);
        w.Issue5 = await w.People.IssueAsync(app, w.People.AtLevel2);
        await SetThemeAsync(app, w.Issue1.Id, "early-help");
        await SetThemeAsync(app, w.Issue2.Id, "housing-conditions");

        await w.SpendAsync(app, budgetA, 347m, new DateOnly(2024, 6, 1), w.Issue1.Id);
        await w.SpendAsync(app, budgetA, 100m, new DateOnly(2024, 5, 1), null);
        var reversed = await w.SpendAsync(app, budgetA, 300m, new DateOnly(2024, 8, 1), w.Issue1.Id);
        await w.AdjustAsync(app, reversed, null, new DateOnly(2024, 8, 2));
        var corrected = await w.SpendAsync(app, budgetA, 400m, new DateOnly(2024, 11, 1), w.Issue2.Id);
        await w.AdjustAsync(app, corrected, -150m, new DateOnly(2024, 11, 2));
        await w.SpendAsync(app, nextA, 75m, new DateOnly(2025, 4, 1), w.Issue1.Id);
        await w.SpendAsync(app, budgetB, 5_000m, new DateOnly(2024, 6, 1), w.Issue4.Id);

        await w.CostAsync(app, w.Issue2.Id, w.People.Police, 200m, new DateOnly(2025, 3, 31));
        await w.CostAsync(app, w.Issue2.Id, w.People.Police, 999m, new DateOnly(2025, 4, 1));
        await w.CostAsync(app, w.Issue2.Id, w.People.Police, 50m, new DateOnly(2024, 12, 1), withdrawn: true);

        await w.EstimateAsync(app, w.Issue1.Id, EstimateConfidence.High, new DateOnly(2024, 7, 1), (council, 3_000m, 1m), (police, 7_000m, 1m));
        await w.EstimateAsync(app, w.Issue2.Id, EstimateConfidence.Medium, new DateOnly(2024, 9, 1), (health, 1_000m, 0.5m), (health, 800m, 1m));
        await w.RemoveLastLineAsync(app, w.Issue2.Id, new DateOnly(2024, 9, 1));
        await w.EstimateAsync(app, w.Issue3.Id, EstimateConfidence.Low, new DateOnly(2024, 10, 1), (council, 4_000m, 0.25m));
        await w.EstimateAsync(app, w.Issue5.Id, EstimateConfidence.High, new DateOnly(2025, 4, 1), (council, 9_999m, 1m));
        await w.EstimateAsync(app, w.Issue4.Id, EstimateConfidence.High, new DateOnly(2024, 7, 1), (council, 50_000m, 1m));
        return w;
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

    public Task<QuickWinBudget> BudgetAsync(AppFactory app, int areaId, FinancialYear year) =>
        app.WithDbAsync(async db =>
        {
            var budget = new QuickWinBudget(areaId, year, 100_000m);
            db.QuickWinBudgets.Add(budget);
            await db.SaveChangesAsync();
            return budget;
        });

    public Task<QuickWinSpend> SpendAsync(AppFactory app, QuickWinBudget budget, decimal amount, DateOnly on, int? issueId) =>
        app.WithDbAsync(async db =>
        {
            var stored = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == budget.Id);
            var entry = stored.Spend(new SpendDetails(amount, on, "Acme Skips Ltd", "Skip for the clear-up", null, false, issueId), null, People.AreaManagerA.Id, DateTime.UtcNow);
            await LedgerStore.AppendAsync(db, entry, CancellationToken.None);
            return entry;
        });

    public Task<QuickWinSpend> AdjustAsync(AppFactory app, QuickWinSpend original, decimal? change, DateOnly on) =>
        app.WithDbAsync(async db =>
        {
            var budget = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == original.BudgetId);
            var net = await db.QuickWinSpends.Where(s => s.Id == original.Id || s.AdjustsSpendId == original.Id).SumAsync(s => s.Amount);
            var entry = budget.Adjust(original, net, change, "Got it wrong", on, People.AreaManagerA.Id, DateTime.UtcNow);
            await LedgerStore.AppendAsync(db, entry, CancellationToken.None);
            return entry;
        });

    public Task CostAsync(AppFactory app, int issueId, Organisation by, decimal amount, DateOnly on, bool withdrawn = false) =>
        app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == by.Id);
            var cost = IssueCost.Free(issueId, organisation, "Officer time", amount, on, People.AreaManagerA.Id, DateTime.UtcNow, Today);
            if (withdrawn)
            {
                cost.Withdraw("Entered twice", People.AreaManagerA.Id, DateTime.UtcNow);
            }

            db.IssueCosts.Add(cost);
            await db.SaveChangesAsync();
        });

    /// <summary>An estimate on the issue dated <paramref name="on"/>: each line a new unit cost of the value borne by the agency, × 1 × probability.</summary>
    public Task EstimateAsync(AppFactory app, int issueId, EstimateConfidence confidence, DateOnly on, params (OrganisationKind Agency, decimal Value, decimal Probability)[] lines) =>
        app.WithDbAsync(async db =>
        {
            var estimate = new CostEstimate(issueId, People.AreaManagerA.Id, DateTime.UtcNow, on);
            foreach (var (agency, value, probability) in lines)
            {
                var unit = new UnitCost(TestData.Unique("Unit cost"), "each", value, agency, "Test source", null, Today);
                db.UnitCosts.Add(unit);
                await db.SaveChangesAsync();
                estimate.AddLine(unit, 1m, probability, null, People.AreaManagerA.Id, DateTime.UtcNow, on);
            }

            estimate.Describe("Comparable case", confidence, People.AreaManagerA.Id, DateTime.UtcNow, on);
            db.CostEstimates.Add(estimate);
            await db.SaveChangesAsync();
        });

    public Task RemoveLastLineAsync(AppFactory app, int issueId, DateOnly on) =>
        app.WithDbAsync(async db =>
        {
            var estimate = await db.CostEstimates.Include(e => e.Lines).SingleAsync(e => e.IssueId == issueId);
            estimate.RemoveLine(estimate.Lines.Max(l => l.Id), People.AreaManagerA.Id, DateTime.UtcNow, on);
            await db.SaveChangesAsync();
        });

    public static async Task SetThemeAsync(AppFactory app, int issueId, string categoryCode)
    {
        var category = await IssueWorld.CategoryIdAsync(app, categoryCode);
        await IssueWorld.UpdateIssueAsync(app, issueId, set => set.SetProperty(i => i.CategoryId, category));
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Text(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string Cell(IHtmlDocument page, string selector) =>
        Text((page.QuerySelector(selector) ?? throw new InvalidOperationException($"Nothing matches {selector}")).TextContent);

    /// <summary>A breakdown row's figures: spent, avoided, ratio, issues.</summary>
    public static (string Spent, string Avoided, string Ratio, string Issues) Row(IHtmlDocument page, string table, string row)
    {
        var tr = page.QuerySelector($"[data-testid={table}] tr[data-row='{row}']") ?? throw new InvalidOperationException($"No row {row} in {table}");
        string Of(string id) => Visible(tr.QuerySelector($"[data-testid={id}]")!);
        return (Of("spent"), Of("avoided"), Of("ratio"), Of("issues"));
    }

    /// <summary>The text a sighted reader sees: without the visually hidden words for screen readers.</summary>
    public static string Visible(AngleSharp.Dom.IElement element)
    {
        var copy = (AngleSharp.Dom.IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".govuk-visually-hidden").ToList())
        {
            hidden.Remove();
        }

        return Text(copy.TextContent);
    }

    public static async Task<string[]> CsvLinesAsync(HttpResponseMessage response)
    {
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }
}
