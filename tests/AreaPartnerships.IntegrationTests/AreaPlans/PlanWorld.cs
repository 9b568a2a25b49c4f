using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.AreaPlans;

/// <summary>
/// The issue tests' two areas and one user per role (<see cref="IssueWorld"/>), plus what the area plan
/// tests need: a council organisation for the area managers, housing as a second partner, an
/// administrator, and builders for plans, priorities and the task groups serving them.
/// </summary>
public sealed class PlanWorld
{
    private PlanWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public int AreaA => People.AreaA;

    public int AreaB => People.AreaB;

    public Organisation Police => People.Police;

    public Organisation Housing { get; private set; } = null!;

    public Organisation Council { get; private set; } = null!;

    public ApplicationUser HousingUser { get; private set; } = null!;

    public ApplicationUser Administrator { get; private set; } = null!;

    /// <summary>The UK financial year today falls in: the one the plan pages show by default.</summary>
    public static int ThisYear => FinancialYear.Containing(UkTime.DateOf(DateTime.UtcNow)).StartYear;

    public static DateOnly Today => UkTime.DateOf(DateTime.UtcNow);

    public static async Task<PlanWorld> CreateAsync(AppFactory app)
    {
        var world = new PlanWorld(await IssueWorld.CreateAsync(app))
        {
            Housing = await app.Data.CreateOrganisationAsync(TestData.Unique("Walsall Housing Group"), OrganisationKind.Housing),
            Council = await app.Data.CreateOrganisationAsync(TestData.Unique("Walsall Council"), OrganisationKind.CouncilService),
        };
        world.HousingUser = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: world.Housing.Id);
        world.Administrator = await app.Data.CreateUserAsync(Roles.Administrator);
        return world;
    }

    /// <summary>A plan for the area and year with these priorities, in this order; returns the priorities' ids in the same order.</summary>
    public static Task<IReadOnlyList<int>> CreatePlanAsync(AppFactory app, int areaId, int year, params string[] titles) =>
        app.WithDbAsync<IReadOnlyList<int>>(async db =>
        {
            var plan = new AreaPlan(areaId, year);
            var priorities = titles.Select(t => plan.AddPriority(t, null, null)).ToList();
            db.AreaPlans.Add(plan);
            await db.SaveChangesAsync();
            return [.. priorities.Select(p => p.Id)];
        });

    /// <summary>A task group in the area serving the priority, led by the police user (a partner) unless the area manager leads it.</summary>
    public Task<TaskGroup> CreateTaskGroupAsync(AppFactory app, int priorityId, string name, bool ledByAreaManager = false, int reviewInDays = 30, bool closed = false, int? areaId = null) =>
        app.WithDbAsync(async db =>
        {
            var lead = ledByAreaManager
                ? new Lead(People.AreaManagerA.Id, People.AreaManagerA.DisplayName, Council.Id, Council.Name, IsPartner: false)
                : new Lead(People.PoliceUser.Id, People.PoliceUser.DisplayName, Police.Id, Police.Name, IsPartner: true);
            var group = new TaskGroup(areaId ?? AreaA, name, priorityId, lead, Today.AddDays(reviewInDays), People.AreaManagerA.Id, DateTime.UtcNow.AddDays(-40));
            if (closed)
            {
                group.Close("Done what we set out to do", [], People.AreaManagerA.Id, DateTime.UtcNow.AddDays(-1));
            }

            db.TaskGroups.Add(group);
            await db.SaveChangesAsync();
            return group;
        });

    /// <summary>The area's stored priorities for the year, in the plan's order.</summary>
    public static Task<List<Priority>> PrioritiesAsync(AppFactory app, int areaId, int year) =>
        app.WithDbAsync(db => db.Priorities.AsNoTracking()
            .Where(p => db.AreaPlans.Any(a => a.Id == p.AreaPlanId && a.AreaId == areaId && a.FinancialYearStart == year))
            .OrderBy(p => p.DisplayOrder).ThenBy(p => p.Id)
            .ToListAsync());

    public static Task<AreaPlan?> PlanAsync(AppFactory app, int areaId, int year) =>
        app.WithDbAsync(db => db.AreaPlans.AsNoTracking().SingleOrDefaultAsync(a => a.AreaId == areaId && a.FinancialYearStart == year));

    public static Task<Guid> PriorityVersionAsync(AppFactory app, int priorityId) =>
        app.WithDbAsync(db => db.Priorities.Where(p => p.Id == priorityId).Select(p => p.Version).SingleAsync());

    /// <summary>The priority titles on a plan page, in order, without their numbers.</summary>
    public static IReadOnlyList<string> TitlesOn(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=priority] [data-testid=priority-title]").Select(t => Regex.Replace(Text(t.TextContent), @"^\d+\. ", ""))];

    /// <summary>The banner's text after a redirect (success or important).</summary>
    public static string Banner(IHtmlDocument page) =>
        Text(page.QuerySelector(".govuk-notification-banner__heading")?.TextContent);

    public static string Text(string? text) => IssueWorld.Text(text);

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static Uri Url(string url) => new(url, UriKind.Relative);

    /// <summary>Posts as someone the form page is refused to: the anti-forgery token from the home page.</summary>
    public static Task<HttpResponseMessage> ForgePostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostFormAsync("/", fields, url);
}
