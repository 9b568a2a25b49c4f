using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.Reporting;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.IntegrationTests.ValueForMoney;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.HighlightReports;

/// <summary>
/// Two areas (<see cref="IssueWorld"/>, through <see cref="ValueWorld"/> for the money) with a history in the financial
/// year 2025/26, read by the report for <see cref="Quarter"/> (2025-Q2: July to September 2025) against the previous
/// quarter (2025-Q1: April to June 2025). Every date is set through the domain's own methods. Area A, the report's area:
/// <list type="bullet">
/// <item>Issues of the previous quarter: P1 raised 10 April at Level 2 (resolved 20 July); P2 raised 5 May at Level 1,
/// resolved 1 June; P3 raised 2 June, not triaged; P4 raised 20 April at Level 2, stepped up to 3 on 10 May (and down to 2
/// on 1 August); P5 raised at 11:30pm on 30 June (UK), not triaged.</item>
/// <item>Issues of this quarter: T1 raised 3 July at Level 2, resolved 20 August; T2 raised 15 July at Level 1, resolved
/// 30 September; T3 raised 1 August at Level 1, stepped up to 2 on 10 August and to 3 on 5 September; T4 raised 10
/// September at Level 2, confidential; T5 raised at 12:30am on 1 October (UK: the next quarter).</item>
/// <item>Task groups: G1 (set up 1 March, serves priority 1) with actions done 14 May and 10 August, one due 1 September
/// and one due 10 June still open; G2 (1 May, priority 1) with an action done 2 July, closed 15 August; G3 (1 August,
/// priority 2).</item>
/// <item>Meetings: partnership 10 May and 10 July; tasking 10 June, 12 August and 9 September; a tasking meeting on 20
/// September cancelled; community 20 August.</item>
/// <item>Quick wins (allocation £10,000.00): £300.00 on 1 May; £500.00 on 1 August; £200.00 on 15 September corrected by
/// −£50.00; £1,000.00 on 5 October. Estimates (high confidence): P1 £600.00 (20 May), T1 £2,000.00 (5 August).</item>
/// <item>The 2025/26 plan: priorities "Williams Street ASB" (police lead), "Doorstep lending", "Fly-tipping hot spots".</item>
/// </list>
/// Area B has an issue stepped up, a task group with an overdue action, a meeting and a spend in the same quarter, none
/// of which may reach area A's figures.
/// </summary>
public sealed class HighlightWorld
{
    public const string Quarter = "2025-Q2";
    public const string PreviousQuarter = "2025-Q1";
    public static readonly FinancialYear Year = new(2025);

    private HighlightWorld(ValueWorld money) => Money = money;

    public ValueWorld Money { get; }

    public IssueWorld People => Money.People;

    public int AreaA => People.AreaA;

    public int AreaB => People.AreaB;

    public ApplicationUser Administrator => Money.Administrator;

    public string ReportUrl => $"/highlight-reports/{Id(AreaA)}/{Quarter}";

    public string ReportUrlB => $"/highlight-reports/{Id(AreaB)}/{Quarter}";

    public QuickWinBudget BudgetA { get; private set; } = null!;

    /// <summary>People and areas only.</summary>
    public static async Task<HighlightWorld> EmptyAsync(AppFactory app) => new(await ValueWorld.EmptyAsync(app));

    public static async Task<HighlightWorld> CreateAsync(AppFactory app)
    {
        var w = await EmptyAsync(app);
        var p = w.People;

        // Issues, previous quarter.
        var p1 = await w.IssueAsync(app, p.WardA1, Uk(2025, 4, 10), i => w.Level2(i, Uk(2025, 4, 11)));
        await w.IssueAsync(app, p.WardA2, Uk(2025, 5, 5), i =>
        {
            w.Level1(i, Uk(2025, 5, 6));
            i.ConfirmReferralDone("Cleared", p.AreaManagerA.Id, Uk(2025, 6, 1));
        });
        await w.IssueAsync(app, p.WardA1, Uk(2025, 6, 2));
        var p4 = await w.IssueAsync(app, p.WardA1, Uk(2025, 4, 20), i =>
        {
            w.Level2(i, Uk(2025, 4, 21));
            i.StepUp(IssueLevel.MultiAgency, "Needs the police", p.PoliceLead, p.AreaManagerA.Id, Uk(2025, 5, 10), 90);
        });
        await w.IssueAsync(app, p.WardA1, new DateTime(2025, 6, 30, 22, 30, 0, DateTimeKind.Utc));

        // Issues, this quarter.
        var t1 = await w.IssueAsync(app, p.WardA1, Uk(2025, 7, 3), i =>
        {
            w.Level2(i, Uk(2025, 7, 4));
            i.Resolve("Sorted", p.AreaManagerA.Id, Uk(2025, 8, 20));
        });
        await w.IssueAsync(app, p.WardA1, Uk(2025, 7, 15), i =>
        {
            w.Level1(i, Uk(2025, 7, 15));
            i.ConfirmReferralDone("Cleared", p.AreaManagerA.Id, Uk(2025, 9, 30));
        });
        await w.IssueAsync(app, p.WardA2, Uk(2025, 8, 1), i =>
        {
            w.Level1(i, Uk(2025, 8, 2));
            i.StepUp(IssueLevel.Partnership, "Keeps coming back", new Assignment(p.AreaManagerA.Id, p.AreaManagerA.DisplayName), p.AreaManagerA.Id, Uk(2025, 8, 10), 30);
            i.StepUp(IssueLevel.MultiAgency, "Needs the police", p.PoliceLead, p.AreaManagerA.Id, Uk(2025, 9, 5), 90);
        });
        await w.IssueAsync(app, p.WardA1, Uk(2025, 9, 10), i => w.Level2(i, Uk(2025, 9, 11)), confidential: true);
        await w.IssueAsync(app, p.WardA1, new DateTime(2025, 9, 30, 23, 30, 0, DateTimeKind.Utc));
        await w.ChangeIssueAsync(app, p4.Id, i => i.StepDown(IssueLevel.Partnership, "Calmer now", new Assignment(p.AreaManagerA.Id, p.AreaManagerA.DisplayName), p.AreaManagerA.Id, Uk(2025, 8, 1), 30));
        await w.ChangeIssueAsync(app, p1.Id, i => i.Resolve("Sorted", p.AreaManagerA.Id, Uk(2025, 7, 20)));

        // Area B, the same quarter.
        await w.IssueAsync(app, p.WardB1, Uk(2025, 7, 10), i =>
        {
            w.Level2(i, Uk(2025, 7, 11));
            i.StepUp(IssueLevel.MultiAgency, "Needs the police", p.PoliceLead, p.AreaManagerA.Id, Uk(2025, 8, 10), 90);
        });

        // The plan and task groups.
        var priorities = await w.PlanAsync(app, w.AreaA, ("Williams Street ASB", p.Police.Id), ("Doorstep lending", null), ("Fly-tipping hot spots", null));
        var g1 = await w.TaskGroupAsync(app, w.AreaA, priorities[0], Uk(2025, 3, 1));
        await w.ActionAsync(app, g1, new DateOnly(2025, 5, 15), done: Uk(2025, 5, 14));
        await w.ActionAsync(app, g1, new DateOnly(2025, 8, 15), done: Uk(2025, 8, 10));
        await w.ActionAsync(app, g1, new DateOnly(2025, 9, 1));
        await w.ActionAsync(app, g1, new DateOnly(2025, 6, 10), started: Uk(2025, 6, 1));
        var g2 = await w.TaskGroupAsync(app, w.AreaA, priorities[0], Uk(2025, 5, 1));
        await w.ActionAsync(app, g2, new DateOnly(2025, 7, 1), done: Uk(2025, 7, 2));
        await w.CloseAsync(app, g2, Uk(2025, 8, 15));
        await w.TaskGroupAsync(app, w.AreaA, priorities[1], Uk(2025, 8, 1));
        var gB = await w.TaskGroupAsync(app, w.AreaB, null, Uk(2025, 3, 1));
        await w.ActionAsync(app, gB, new DateOnly(2025, 8, 1));

        // Meetings.
        await w.MeetingAsync(app, MeetingType.Partnership, w.AreaA, Uk(2025, 5, 10));
        await w.MeetingAsync(app, MeetingType.Partnership, w.AreaA, Uk(2025, 7, 10));
        await w.MeetingAsync(app, MeetingType.Tasking, w.AreaA, Uk(2025, 6, 10));
        await w.MeetingAsync(app, MeetingType.Tasking, w.AreaA, Uk(2025, 8, 12));
        await w.MeetingAsync(app, MeetingType.Tasking, w.AreaA, Uk(2025, 9, 9));
        await w.MeetingAsync(app, MeetingType.Tasking, w.AreaA, Uk(2025, 9, 20), cancelled: true);
        await w.MeetingAsync(app, MeetingType.Community, w.AreaA, Uk(2025, 8, 20), wardId: p.WardA1);
        await w.MeetingAsync(app, MeetingType.Tasking, w.AreaB, Uk(2025, 8, 1));

        // Money.
        w.BudgetA = await w.BudgetAsync(app, w.AreaA, 10_000m);
        var budgetB = await w.BudgetAsync(app, w.AreaB, 10_000m);
        await w.Money.SpendAsync(app, w.BudgetA, 300m, new DateOnly(2025, 5, 1), null);
        await w.Money.SpendAsync(app, w.BudgetA, 500m, new DateOnly(2025, 8, 1), null);
        var corrected = await w.Money.SpendAsync(app, w.BudgetA, 200m, new DateOnly(2025, 9, 15), null);
        await w.Money.AdjustAsync(app, corrected, -50m, new DateOnly(2025, 9, 16));
        await w.Money.SpendAsync(app, w.BudgetA, 1_000m, new DateOnly(2025, 10, 5), null);
        await w.Money.SpendAsync(app, budgetB, 4_000m, new DateOnly(2025, 8, 1), null);
        await w.Money.EstimateAsync(app, p1.Id, EstimateConfidence.High, new DateOnly(2025, 5, 20), (OrganisationKind.Police, 600m, 1m));
        await w.Money.EstimateAsync(app, t1.Id, EstimateConfidence.High, new DateOnly(2025, 8, 5), (OrganisationKind.CouncilService, 2_000m, 1m));
        return w;
    }

    public ApplicationUser User(string role) => Money.User(role);

    /// <summary>Noon UK time on the day, as UTC.</summary>
    public static DateTime Uk(int year, int month, int day) => UkTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(12, 0))!.Value;

    public void Level2(Issue issue, DateTime at) =>
        issue.Triage(IssueLevel.Partnership, "Needs the partnership", new Assignment(People.AreaManagerA.Id, People.AreaManagerA.DisplayName), People.AreaManagerA.Id, at, 30);

    public void Level1(Issue issue, DateTime at) =>
        issue.Triage(IssueLevel.FrontLine, "A simple job",
            new Assignment(ReferredOrganisationId: People.Cleansing.Id, ReferredOrganisationName: People.Cleansing.Name, FollowUpOn: UkTime.DateOf(at).AddDays(7)),
            People.AreaManagerA.Id, at, 10);

    private static int _number;

    /// <summary>An issue in the ward raised at <paramref name="raisedAt"/>, then <paramref name="then"/>, in one save.</summary>
    public Task<Issue> IssueAsync(AppFactory app, int wardId, DateTime raisedAt, Action<Issue>? then = null, bool confidential = false) =>
        app.WithDbAsync(async db =>
        {
            var ward = await db.Wards.SingleAsync(w => w.Id == wardId);
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            var issue = new Issue($"AP-2098-{Interlocked.Increment(ref _number):00000}", TestData.Unique("Issue"), "Something needs doing.", ward,
                category.Id, IssueSource.Councillor, People.AreaManagerA.Id, raisedAt)
            {
                IsConfidential = confidential,
            };
            then?.Invoke(issue);
            db.Issues.Add(issue);
            await db.SaveChangesAsync();
            return issue;
        });

    public Task ChangeIssueAsync(AppFactory app, int issueId, Action<Issue> change) =>
        app.WithDbAsync(async db =>
        {
            change(await db.Issues.SingleAsync(i => i.Id == issueId));
            await db.SaveChangesAsync();
        });

    /// <summary>The area's plan for 2025/26 with these priorities, in order; their ids.</summary>
    public Task<int[]> PlanAsync(AppFactory app, int areaId, params (string Title, int? Lead)[] priorities) =>
        app.WithDbAsync(async db =>
        {
            var plan = new AreaPlan(areaId, Year.StartYear);
            var added = priorities.Select(p => plan.AddPriority(p.Title, null, p.Lead)).ToList();
            db.AreaPlans.Add(plan);
            await db.SaveChangesAsync();
            return added.Select(p => p.Id).ToArray();
        });

    public Task<TaskGroup> TaskGroupAsync(AppFactory app, int areaId, int? priorityId, DateTime createdAt) =>
        app.WithDbAsync(async db =>
        {
            var group = new TaskGroup(areaId, TestData.Unique("Task group"), priorityId,
                new Lead(People.PoliceUser.Id, People.PoliceUser.DisplayName, People.Police.Id, People.Police.Name, IsPartner: true),
                UkTime.DateOf(createdAt).AddMonths(3), People.AreaManagerA.Id, createdAt);
            db.TaskGroups.Add(group);
            await db.SaveChangesAsync();
            return group;
        });

    /// <summary>An action in the group's plan due on the day; done (or started) at the time given, else not started.</summary>
    public Task ActionAsync(AppFactory app, TaskGroup group, DateOnly dueOn, DateTime? done = null, DateTime? started = null) =>
        app.WithDbAsync(async db =>
        {
            var action = new PlanAction(TestData.Unique("Action"), People.PoliceUser.Id, dueOn, group.Id, null);
            if (done is { } at)
            {
                action.PostUpdate(null, PlanActionStatus.Done, null, UkTime.DateOf(at), People.PoliceUser.Id, at);
            }
            else if (started is { } on)
            {
                action.PostUpdate(null, PlanActionStatus.InProgress, null, UkTime.DateOf(on), People.PoliceUser.Id, on);
            }

            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
        });

    public Task CloseAsync(AppFactory app, TaskGroup group, DateTime at) =>
        app.WithDbAsync(async db =>
        {
            var stored = await db.TaskGroups.SingleAsync(g => g.Id == group.Id);
            var actions = await db.PlanActions.Where(a => a.TaskGroupId == group.Id).ToListAsync();
            stored.Close("Done what it set out to do", actions, People.AreaManagerA.Id, at);
            await db.SaveChangesAsync();
        });

    public Task MeetingAsync(AppFactory app, MeetingType type, int areaId, DateTime startsAt, int? wardId = null, bool cancelled = false) =>
        app.WithDbAsync(async db =>
        {
            var meeting = new Meeting(type, TestData.Unique("Meeting"), areaId, wardId, null, new MeetingTime(startsAt, startsAt.AddHours(2)), "Civic Centre", null,
                null, false, null, alreadyHappened: true, People.AreaManagerA.Id, DateTime.UtcNow);
            if (cancelled)
            {
                meeting.Cancel("The chair was ill", People.AreaManagerA.Id, DateTime.UtcNow);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        });

    public Task<QuickWinBudget> BudgetAsync(AppFactory app, int areaId, decimal allocation) =>
        app.WithDbAsync(async db =>
        {
            var budget = new QuickWinBudget(areaId, Year, allocation);
            db.QuickWinBudgets.Add(budget);
            await db.SaveChangesAsync();
            return budget;
        });

    public static Task<HighlightReport?> ReportAsync(AppFactory app, int areaId, string quarter) =>
        app.WithDbAsync(db =>
        {
            var starts = FinancialQuarter.Parse(quarter)!.Value.Starts;
            return db.HighlightReports.AsNoTracking().SingleOrDefaultAsync(r => r.AreaId == areaId && r.QuarterStarts == starts);
        });

    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A figure's row on the report: this quarter's and the previous quarter's values as shown, and the change in words.</summary>
    public static (string This, string Previous, string Change) Figure(IHtmlDocument page, string key)
    {
        var row = page.QuerySelector($"tr[data-testid=figure][data-key='{key}']") ?? throw new InvalidOperationException($"No figure {key} on the page");
        return (row.QuerySelector("[data-testid=this]")!.GetAttribute("data-value")!, Text(row.QuerySelector("[data-testid=previous]")!.TextContent),
            row.QuerySelector("[data-testid=change]")!.GetAttribute("data-change")!);
    }

    /// <summary>Whether the figure is a link, and where to.</summary>
    public static string? FigureLink(IHtmlDocument page, string key) =>
        page.QuerySelector($"tr[data-testid=figure][data-key='{key}'] [data-testid=this] a")?.GetAttribute("href");

    public static Dictionary<string, string> Texts(string achievements, string risks = "", string asks = "") =>
        new() { ["Achievements"] = achievements, ["RisksAndIssues"] = risks, ["AsksOfBoard"] = asks };

    /// <summary>Reads the report page for its version and posts the texts with the button pressed ("save" or "submit").</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IDictionary<string, string> texts, string intent = "save")
    {
        var page = await client.GetDocumentAsync(url);
        var version = page.QuerySelector("input[name=Version]")?.GetAttribute("value") ?? throw new InvalidOperationException("No form on the report");
        return await client.PostFormAsync(url, texts.Append(new("Version", version)).Append(new("Intent", intent)));
    }

    public static Uri Url(string url) => new(url, UriKind.Relative);

    public static async Task<string[]> CsvLinesAsync(HttpResponseMessage response)
    {
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
    }
}
