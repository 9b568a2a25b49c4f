using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// Two areas and the people around them, for the issue tests: area A (wards A1, A2) and area B (ward B1);
/// a front-line street cleansing service and the police; one user per role, scoped to area A / ward A1.
/// </summary>
public sealed class IssueWorld
{
    private IssueWorld()
    {
    }

    public int AreaA { get; private set; }

    public int AreaB { get; private set; }

    public int WardA1 { get; private set; }

    public int WardA2 { get; private set; }

    public int WardB1 { get; private set; }

    public Organisation Cleansing { get; private set; } = null!;

    public Organisation Police { get; private set; } = null!;

    public ApplicationUser PartnershipManager { get; private set; } = null!;

    public ApplicationUser AreaManagerA { get; private set; } = null!;

    public ApplicationUser AreaManagerB { get; private set; } = null!;

    public ApplicationUser SupportOfficerA { get; private set; } = null!;

    public ApplicationUser CouncillorA1 { get; private set; } = null!;

    public ApplicationUser PoliceUser { get; private set; } = null!;

    public ApplicationUser CleansingUser { get; private set; } = null!;

    public static async Task<IssueWorld> CreateAsync(AppFactory app)
    {
        var world = new IssueWorld();
        var a = await app.Data.CreateAreaAsync();
        var b = await app.Data.CreateAreaAsync();
        world.AreaA = a.Id;
        world.AreaB = b.Id;
        world.WardA1 = (await app.Data.CreateWardAsync(a.Id)).Id;
        world.WardA2 = (await app.Data.CreateWardAsync(a.Id)).Id;
        world.WardB1 = (await app.Data.CreateWardAsync(b.Id)).Id;
        world.Police = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.Police);
        world.Cleansing = await app.WithDbAsync(async db =>
        {
            var cleansing = new Organisation(TestData.Unique("Street Cleansing"), OrganisationKind.CouncilService, isFrontLineService: true, "Call 01922 650000");
            db.Organisations.Add(cleansing);
            await db.SaveChangesAsync();
            var flyTipping = await db.Categories.SingleAsync(c => c.Code == "fly-tipping");
            flyTipping.SetFrontLineService(cleansing.Id);
            await db.SaveChangesAsync();
            return cleansing;
        });
        world.PartnershipManager = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        world.AreaManagerA = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [a.Id]);
        world.AreaManagerB = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [b.Id]);
        world.SupportOfficerA = await app.Data.CreateUserAsync(Roles.SupportOfficer, areaIds: [a.Id]);
        world.CouncillorA1 = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [world.WardA1]);
        world.PoliceUser = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: world.Police.Id);
        world.CleansingUser = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: world.Cleansing.Id);
        return world;
    }

    public Assignment PoliceLead => new(PoliceUser.Id, PoliceUser.DisplayName, Police.Id, Police.Name);

    public Assignment ReferToCleansing => new(ReferredOrganisationId: Cleansing.Id, ReferredOrganisationName: Cleansing.Name, FollowUpOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));

    public static async Task RecordAgreementAsync(AppFactory app, int userId, int recordedById) =>
        await app.WithDbAsync(async db =>
        {
            db.ConfidentialityAgreements.Add(new ConfidentialityAgreement(userId, DateOnly.FromDateTime(DateTime.UtcNow), "v1", recordedById, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

    public static Task<T> ReadAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> read) => app.WithDbAsync(read);

    /// <summary>Triaged at Level 2, owned by area A's manager.</summary>
    public Action<Issue> AtLevel2 => issue =>
        issue.Triage(IssueLevel.Partnership, "Needs the partnership", new Assignment(AreaManagerA.Id, AreaManagerA.DisplayName), AreaManagerA.Id, DateTime.UtcNow.AddDays(-2), 30);

    /// <summary>Triaged at Level 1, referred to street cleansing.</summary>
    public Action<Issue> AtLevel1 => issue =>
        issue.Triage(IssueLevel.FrontLine, "A simple job", ReferToCleansing, AreaManagerA.Id, DateTime.UtcNow.AddDays(-2), 10);

    /// <summary>Triaged at Level 3, led by the police with their user as owner.</summary>
    public Action<Issue> AtLevel3 => issue =>
        issue.Triage(IssueLevel.MultiAgency, "Needs the police to lead", PoliceLead, AreaManagerA.Id, DateTime.UtcNow.AddDays(-2), 90);

    /// <summary>Triaged at Level 2 and resolved with an outcome.</summary>
    public Action<Issue> Resolved => issue =>
    {
        AtLevel2(issue);
        issue.Resolve("Cleared and signs put up", AreaManagerA.Id, DateTime.UtcNow.AddDays(-1));
    };

    /// <summary>An issue in ward A1 (unless another ward is given), raised by area A's manager, then <paramref name="then"/>.</summary>
    public Task<Issue> IssueAsync(AppFactory app, Action<Issue>? then = null, int? wardId = null, bool confidential = false) =>
        app.Data.CreateIssueAsync(wardId ?? WardA1, AreaManagerA.Id, confidential, then);

    public async Task<TaskGroup> CreateTaskGroupAsync(AppFactory app, int? areaId = null) =>
        await app.WithDbAsync(async db =>
        {
            var group = new TaskGroup(areaId ?? AreaA, TestData.Unique("Task group"), null,
                new Lead(PoliceUser.Id, PoliceUser.DisplayName, Police.Id, Police.Name, IsPartner: true),
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), AreaManagerA.Id, DateTime.UtcNow);
            db.TaskGroups.Add(group);
            await db.SaveChangesAsync();
            return group;
        });

    public static Task<int> CategoryIdAsync(AppFactory app, string code) =>
        app.WithDbAsync(db => db.Categories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    /// <summary>The issue as stored now.</summary>
    public static Task<Issue> StoredAsync(AppFactory app, int issueId) =>
        app.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Id == issueId));

    /// <summary>The issue's stored timeline, oldest first.</summary>
    public static Task<List<IssueEvent>> EventsAsync(AppFactory app, int issueId) =>
        app.WithDbAsync(db => db.IssueEvents.AsNoTracking().Where(e => e.IssueId == issueId).OrderBy(e => e.Id).ToListAsync());

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The hidden Version field of the page's form.</summary>
    public static string VersionOn(IHtmlDocument page) =>
        page.QuerySelector("input[name=Version]")?.GetAttribute("value") ?? throw new InvalidOperationException("No Version field on the page");

    /// <summary>Reads the form at <paramref name="url"/> for its Version, then posts the fields with it (as a browser would).</summary>
    public static async Task<HttpResponseMessage> PostWithVersionAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var version = VersionOn(await client.GetDocumentAsync(url));
        return await client.PostFormAsync(url, fields.Append(new("Version", version)));
    }

    /// <summary>Posts as someone the form page is refused to: the anti-forgery token from the home page, the version from the database.</summary>
    public static async Task<HttpResponseMessage> ForgePostAsync(AppFactory app, HttpClient client, int issueId, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var version = await app.WithDbAsync(db => db.Issues.Where(i => i.Id == issueId).Select(i => i.Version).SingleAsync());
        return await client.PostFormAsync("/", fields.Append(new("Version", version.ToString())), url);
    }

    /// <summary>The entries of the issue page's timeline, newest first, their text with white space collapsed.</summary>
    public static IReadOnlyList<TimelineItem> Timeline(IHtmlDocument page) =>
        [.. (page.QuerySelector("[data-testid=timeline]") ?? throw new InvalidOperationException("No timeline on the page"))
            .QuerySelectorAll(".moj-timeline__item")
            .Select(item => new TimelineItem(
                Text(item.QuerySelector(".moj-timeline__title")?.TextContent),
                Text(item.QuerySelector(".moj-timeline__byline")?.TextContent),
                item.QuerySelector(".moj-timeline__date time")?.GetAttribute("datetime"),
                Text(item.QuerySelector(".moj-timeline__description")?.TextContent)))];

    /// <summary>Text with runs of white space made single spaces.</summary>
    public static string Text(string? text) => Regex.Replace(text ?? string.Empty, @"\s+", " ").Trim();

    public sealed record TimelineItem(string Title, string Byline, string? At, string Description);

    /// <summary>An active task group in the area, led by <paramref name="lead"/> (a partner user), with these members.</summary>
    public static async Task<TaskGroup> CreateTaskGroupAsync(AppFactory app, int areaId, ApplicationUser lead, params ApplicationUser[] members) =>
        await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.Where(o => o.Id == lead.OrganisationId).Select(o => o.Name).SingleAsync();
            var group = new TaskGroup(areaId, TestData.Unique("Task group"), null,
                new Lead(lead.Id, lead.DisplayName, lead.OrganisationId!.Value, organisation, IsPartner: true),
                DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3), lead.Id, DateTime.UtcNow);
            foreach (var member in members.Where(m => m.Id != lead.Id))
            {
                group.AddMember(member.Id, member.DisplayName, lead.Id, DateTime.UtcNow);
            }

            db.TaskGroups.Add(group);
            await db.SaveChangesAsync();
            return group;
        });

    /// <summary>
    /// Sets columns only the domain sets (raised and activity times, target, category, source), for list tests, and moves
    /// the data version on as any change outside the context must (docs/decisions/0029): kept figures count it.
    /// </summary>
    public static Task UpdateIssueAsync(AppFactory app, int issueId, Action<UpdateSettersBuilder<Issue>> set) =>
        app.WithDbAsync(async db =>
        {
            await db.Issues.Where(i => i.Id == issueId).ExecuteUpdateAsync(set);
            await DataVersion.MoveOnAsync(db, CancellationToken.None);
        });
}
