using AngleSharp.Html.Dom;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Dashboard;

/// <summary>
/// Two areas with issues raised, triaged, stepped up and down and resolved on fixed days in May and June 2025, task
/// groups, a meeting and a budget — so every dashboard figure for area A over 1 May – 30 June 2025 can be counted by
/// hand (the expectations are in <see cref="DashboardTests"/>). Area B's issues would change area A's figures, and
/// an area manager's, if a scope rule leaked.
/// </summary>
public sealed class DashboardWorld
{
    public const string Period = "Period=custom&FromDay=1&FromMonth=5&FromYear=2025&ToDay=30&ToMonth=6&ToYear=2025";

    public Area AreaA { get; private set; } = null!;

    public Area AreaB { get; private set; } = null!;

    public ApplicationUser PartnershipManager { get; private set; } = null!;

    public ApplicationUser ManagerA { get; private set; } = null!;

    public ApplicationUser ManagerB { get; private set; } = null!;

    public ApplicationUser SupportOfficerA { get; private set; } = null!;

    public ApplicationUser Councillor { get; private set; } = null!;

    public ApplicationUser PoliceUser { get; private set; } = null!;

    public ApplicationUser Administrator { get; private set; } = null!;

    /// <summary>Raised 10 May (councillor, fly-tipping), Level 2 for manager A, stepped up to Level 3 on 2 June: open, overdue.</summary>
    public Issue SteppedUp { get; private set; } = null!;

    /// <summary>Raised 20 May (resident, debt), a Level 1 referral with its follow-up on 28 May: open, overdue, follow-up due.</summary>
    public Issue Referral { get; private set; } = null!;

    /// <summary>Raised 5 June (partner, debt), Level 3, stepped down to Level 2 on 15 June, resolved 25 June (20 days).</summary>
    public Issue SteppedDown { get; private set; } = null!;

    /// <summary>Raised 10 June (councillor, fly-tipping), confidential, Level 2, resolved 14 June (4 days).</summary>
    public Issue Confidential { get; private set; } = null!;

    /// <summary>Raised 30 April (officer: before the period), Level 2, resolved 5 May (5 days).</summary>
    public Issue RaisedBefore { get; private set; } = null!;

    /// <summary>Area B: raised 15 May (councillor), Level 2, stepped up on 20 May.</summary>
    public Issue InB { get; private set; } = null!;

    public static DateTime At(int month, int day) => UkTime.ToUtc(new DateOnly(2025, month, day), new TimeOnly(12, 0))!.Value;

    public static async Task<DashboardWorld> CreateAsync(AppFactory app)
    {
        var w = new DashboardWorld
        {
            AreaA = await app.Data.CreateAreaAsync(),
            AreaB = await app.Data.CreateAreaAsync(),
        };
        var wardA = await app.Data.CreateWardAsync(w.AreaA.Id);
        var wardB = await app.Data.CreateWardAsync(w.AreaB.Id);
        var police = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.Police);
        var council = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.CouncilService);
        var cleansing = await app.WithDbAsync(async db =>
        {
            var service = new Organisation(TestData.Unique("Street Cleansing"), OrganisationKind.CouncilService, isFrontLineService: true, "Call 01922 650000");
            db.Organisations.Add(service);
            await db.SaveChangesAsync();
            return service;
        });
        w.PartnershipManager = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        w.ManagerA = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [w.AreaA.Id]);
        w.ManagerB = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [w.AreaB.Id]);
        w.SupportOfficerA = await app.Data.CreateUserAsync(Roles.SupportOfficer, areaIds: [w.AreaA.Id]);
        w.Councillor = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [wardA.Id]);
        w.PoliceUser = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: police.Id);
        w.Administrator = await app.Data.CreateUserAsync(Roles.Administrator);

        var flyTipping = await app.WithDbAsync(db => db.Categories.Where(c => c.Code == "fly-tipping").Select(c => c.Id).SingleAsync());
        var debt = await app.WithDbAsync(db => db.Categories.Where(c => c.Code == "debt").Select(c => c.Id).SingleAsync());
        var managerA = new Assignment(w.ManagerA.Id, w.ManagerA.DisplayName);
        var policeLead = new Assignment(w.PoliceUser.Id, w.PoliceUser.DisplayName, police.Id, police.Name);
        var by = w.ManagerA.Id;

        w.SteppedUp = await RaiseAsync(app, by, wardA, flyTipping, IssueSource.Councillor, At(5, 10), false, i =>
        {
            i.Triage(IssueLevel.Partnership, "Partnership work", managerA, by, At(5, 11), 30);
            i.StepUp(IssueLevel.MultiAgency, "Needs the police", policeLead, by, At(6, 2), 30);
        });
        w.Referral = await RaiseAsync(app, by, wardA, debt, IssueSource.Resident, At(5, 20), false, i =>
            i.Triage(IssueLevel.FrontLine, "A simple job", new Assignment(ReferredOrganisationId: cleansing.Id, ReferredOrganisationName: cleansing.Name, FollowUpOn: new DateOnly(2025, 5, 28)), by, At(5, 21), 10));
        w.SteppedDown = await RaiseAsync(app, by, wardA, debt, IssueSource.Partner, At(6, 5), false, i =>
        {
            i.Triage(IssueLevel.MultiAgency, "Police to lead", policeLead, by, At(6, 6), 90);
            i.StepDown(IssueLevel.Partnership, "Police done", managerA, by, At(6, 15), 30);
            i.Resolve("Sorted", by, At(6, 25));
        });
        w.Confidential = await RaiseAsync(app, by, wardA, flyTipping, IssueSource.Councillor, At(6, 10), true, i =>
        {
            i.Triage(IssueLevel.Partnership, "Partnership work", managerA, by, At(6, 10), 30);
            i.Resolve("Sorted", by, At(6, 14));
        });
        w.RaisedBefore = await RaiseAsync(app, by, wardA, flyTipping, IssueSource.Officer, At(4, 30), false, i =>
        {
            i.Triage(IssueLevel.Partnership, "Partnership work", managerA, by, At(4, 30), 30);
            i.Resolve("Sorted", by, At(5, 5));
        });
        w.InB = await RaiseAsync(app, by, wardB, flyTipping, IssueSource.Councillor, At(5, 15), false, i =>
        {
            i.Triage(IssueLevel.Partnership, "Partnership work", new Assignment(w.ManagerB.Id, w.ManagerB.DisplayName), w.ManagerB.Id, At(5, 15), 30);
            i.StepUp(IssueLevel.MultiAgency, "Needs the police", policeLead, w.ManagerB.Id, At(5, 20), 30);
        });

        await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);

            // Area A: a partner-led group past its review date with an overdue action, and a council-led group; a closed
            // group (not counted); area B's partner-led group (not counted for A).
            var partnerLed = new TaskGroup(w.AreaA.Id, TestData.Unique("Partner group"), null, new Lead(w.PoliceUser.Id, w.PoliceUser.DisplayName, police.Id, police.Name, IsPartner: true),
                today.AddDays(-3), by, At(5, 1));
            var councilLed = new TaskGroup(w.AreaA.Id, TestData.Unique("Council group"), null, new Lead(w.ManagerA.Id, w.ManagerA.DisplayName, council.Id, council.Name, IsPartner: false),
                today.AddDays(30), by, At(5, 1));
            var inB = new TaskGroup(w.AreaB.Id, TestData.Unique("Group in B"), null, new Lead(w.PoliceUser.Id, w.PoliceUser.DisplayName, police.Id, police.Name, IsPartner: true),
                today.AddDays(-3), w.ManagerB.Id, At(5, 1));
            db.TaskGroups.AddRange(partnerLed, councilLed, inB);
            await db.SaveChangesAsync();
            db.PlanActions.AddRange(
                new PlanAction("Overdue action", w.PoliceUser.Id, today.AddDays(-1), partnerLed.Id, null),
                new PlanAction("Action not yet due", w.ManagerA.Id, today.AddDays(10), councilLed.Id, null),
                new PlanAction("Overdue action in B", w.PoliceUser.Id, today.AddDays(-1), inB.Id, null));

            // Two tasking meetings and a community meeting held in area A in the period (one with an open action arising), one in B.
            Meeting Held(MeetingType type, int areaId, int month, int day) => new(type, TestData.Unique("Meeting"), areaId,
                type == MeetingType.Community ? (areaId == w.AreaA.Id ? wardA.Id : wardB.Id) : null, null,
                new MeetingTime(At(month, day), At(month, day).AddHours(1)), "Council House", null, "Tasking", false, null, alreadyHappened: true, by, DateTime.UtcNow);
            var tasking = Held(MeetingType.Tasking, w.AreaA.Id, 5, 12);
            db.Meetings.AddRange(tasking, Held(MeetingType.Tasking, w.AreaA.Id, 6, 9), Held(MeetingType.Community, w.AreaA.Id, 6, 20), Held(MeetingType.Tasking, w.AreaB.Id, 6, 9),
                Held(MeetingType.Tasking, w.AreaA.Id, 7, 14));
            await db.SaveChangesAsync();
            db.PlanActions.Add(new PlanAction("Agreed at tasking", w.ManagerA.Id, today.AddDays(5), null, tasking.Id));

            db.QuickWinBudgets.Add(new QuickWinBudget(w.AreaA.Id, new FinancialYear(2025), 5000m));
            await db.SaveChangesAsync();
        });

        return w;
    }

    private static Task<Issue> RaiseAsync(AppFactory app, int raisedById, Ward ward, int categoryId, IssueSource source, DateTime raisedAt, bool confidential, Action<Issue> then) =>
        app.WithDbAsync(async db =>
        {
            var issue = new Issue(TestData.Unique("AP-D"), TestData.Unique("Dashboard issue"), "Something needs doing.", ward, categoryId, source, raisedById, raisedAt)
            {
                IsConfidential = confidential,
            };
            then(issue);
            db.Issues.Add(issue);
            await db.SaveChangesAsync();
            return issue;
        });

    /// <summary>A table on the dashboard: each row's heading and its cells' text, in order.</summary>
    public static Dictionary<string, string[]> Table(IHtmlDocument page, string id)
    {
        var table = page.QuerySelector($"[data-testid='table-{id}'] table");
        Assert.NotNull(table);
        return table.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(),
            r => r.QuerySelectorAll("td").Select(c => Cell(c)).ToArray());
    }

    /// <summary>The cell's own text (without the visually hidden words a link carries).</summary>
    public static string Cell(AngleSharp.Dom.IElement cell)
    {
        var copy = (AngleSharp.Dom.IElement)cell.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".govuk-visually-hidden"))
        {
            hidden.Remove();
        }

        return copy.TextContent.Trim();
    }

    /// <summary>The link of a cell in a table's row (by the row's heading and the column's index).</summary>
    public static string? Link(IHtmlDocument page, string id, string row, int column) =>
        page.QuerySelectorAll($"[data-testid='table-{id}'] tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == row)
            .QuerySelectorAll("td")[column].QuerySelector("a")?.GetAttribute("href");
}
