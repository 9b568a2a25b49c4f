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

namespace AreaPartnerships.IntegrationTests.TaskGroups;

/// <summary>
/// The issue tests' two areas and one user per role (<see cref="IssueWorld"/>: area A's manager, support
/// officer and councillor, area B's manager, the partnership manager, a police and a street cleansing
/// partner), plus a housing partner, an administrator and a council service an area manager can lead for.
/// Groups are made through the domain: led by the police partner unless said otherwise.
/// </summary>
public sealed class GroupWorld
{
    private GroupWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public Organisation Housing { get; private set; } = null!;

    public Organisation Communities { get; private set; } = null!;

    public ApplicationUser HousingUser { get; private set; } = null!;

    public ApplicationUser Administrator { get; private set; } = null!;

    public int AreaA => People.AreaA;

    public int AreaB => People.AreaB;

    /// <summary>Today in the UK, as the app reads it.</summary>
    public static DateOnly Today => UkTime.DateOf(DateTime.UtcNow);

    public static async Task<GroupWorld> CreateAsync(AppFactory app)
    {
        var world = new GroupWorld(await IssueWorld.CreateAsync(app));
        world.Housing = await app.Data.CreateOrganisationAsync(TestData.Unique("Housing"), OrganisationKind.Housing);
        world.Communities = await app.Data.CreateOrganisationAsync(TestData.Unique("Communities"), OrganisationKind.CouncilService);
        world.HousingUser = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: world.Housing.Id);
        world.Administrator = await app.Data.CreateUserAsync(Roles.Administrator);
        return world;
    }

    public Lead PoliceLead => new(People.PoliceUser.Id, People.PoliceUser.DisplayName, People.Police.Id, People.Police.Name, IsPartner: true);

    /// <summary>A group in area A (unless said otherwise), set up by area A's manager, with the members given besides the lead.</summary>
    public Task<TaskGroup> GroupAsync(AppFactory app, int? areaId = null, string? name = null, DateOnly? reviewOn = null, ApplicationUser[]? members = null) =>
        app.WithDbAsync(async db =>
        {
            var group = new TaskGroup(areaId ?? AreaA, name ?? TestData.Unique("Task group"), null, PoliceLead,
                reviewOn ?? Today.AddDays(30), People.AreaManagerA.Id, DateTime.UtcNow);
            foreach (var member in members ?? [])
            {
                group.AddMember(member.Id, member.DisplayName, People.AreaManagerA.Id, DateTime.UtcNow);
            }

            db.TaskGroups.Add(group);
            await db.SaveChangesAsync();
            return group;
        });

    /// <summary>An action in the group's micro plan, owned by <paramref name="ownerId"/>, moved to <paramref name="status"/> through its own rules.</summary>
    public Task<PlanAction> ActionAsync(AppFactory app, int groupId, int ownerId, DateOnly dueOn, PlanActionStatus status = PlanActionStatus.NotStarted, string? description = null) =>
        app.WithDbAsync(async db =>
        {
            var action = new PlanAction(description ?? TestData.Unique("Action"), ownerId, dueOn, groupId, null);
            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            if (status != PlanActionStatus.NotStarted)
            {
                var reason = status is PlanActionStatus.Blocked or PlanActionStatus.Cancelled ? "No longer needed" : null;
                action.PostUpdate("Moved on", status, reason, Today, ownerId, DateTime.UtcNow);
                await db.SaveChangesAsync();
            }

            return action;
        });

    /// <summary>Moves a stored action on (e.g. done, or cancelled with a reason), as its owner would.</summary>
    public static Task MoveActionAsync(AppFactory app, int actionId, PlanActionStatus status, string? reason = null) =>
        app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
            action.PostUpdate("Moved on", status, reason, Today, action.OwnerId, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    /// <summary>A plan for the area for the current financial year, with the priorities given.</summary>
    public static Task<IReadOnlyList<Priority>> PlanAsync(AppFactory app, int areaId, params string[] priorities) =>
        app.WithDbAsync<IReadOnlyList<Priority>>(async db =>
        {
            var plan = new AreaPlan(areaId, FinancialYear.Containing(Today).StartYear);
            db.AreaPlans.Add(plan);
            await db.SaveChangesAsync();
            var added = priorities.Select(p => new Priority(plan.Id, p, null)).ToList();
            db.Priorities.AddRange(added);
            await db.SaveChangesAsync();
            return added;
        });

    public static Task<TaskGroup> StoredAsync(AppFactory app, int groupId) =>
        app.WithDbAsync(db => db.TaskGroups.AsNoTracking().Include(g => g.Members).SingleAsync(g => g.Id == groupId));

    /// <summary>The group's stored timeline, oldest first.</summary>
    public static Task<List<TaskGroupEvent>> EventsAsync(AppFactory app, int groupId) =>
        app.WithDbAsync(db => db.TaskGroupEvents.AsNoTracking().Where(e => e.TaskGroupId == groupId).OrderBy(e => e.Id).ToListAsync());

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static KeyValuePair<string, string>[] Date(string prefix, DateOnly date) =>
    [
        new($"{prefix}Day", Id(date.Day)), new($"{prefix}Month", Id(date.Month)), new($"{prefix}Year", Id(date.Year)),
    ];

    /// <summary>The id in a redirect to /task-groups/{id}.</summary>
    public static int GroupIdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = Regex.Match(response.Headers.Location!.OriginalString, @"^/task-groups/(\d+)$");
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static string Text(string? text) => IssueWorld.Text(text);

    /// <summary>The names of the groups in the list page's table.</summary>
    public static List<string> Names(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=task-groups] tbody tr td:first-child a").Select(a => a.TextContent.Trim())];

    /// <summary>The message of the page's success banner.</summary>
    public static string Banner(IHtmlDocument page) => Text(page.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")?.TextContent);

    /// <summary>The messages of all the page's banners.</summary>
    public static List<string> Banners(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".govuk-notification-banner__heading").Select(h => Text(h.TextContent))];

    public static async Task<string> FailureAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}: {string.Join("; ", Html.ErrorSummary(await Html.ReadAsync(response)))}";
}
