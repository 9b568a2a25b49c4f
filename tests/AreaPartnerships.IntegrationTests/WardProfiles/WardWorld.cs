using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.WardProfiles;

/// <summary>
/// Two areas for the ward figure and ward profile tests: area A (wards A1 and A2) and area B (ward B1), one person per
/// role (area A's officers, ward A1's councillor, a police partner user, the administrator). Users have no password
/// (the tests sign in by header), which keeps each world quick to build.
/// <see cref="SeedIssuesAsync"/> adds the issues the profile tests count; <see cref="Expected"/> spells out what they make.
/// </summary>
public sealed class WardWorld
{
    private WardWorld()
    {
    }

    public Area AreaA { get; private set; } = null!;

    public Area AreaB { get; private set; } = null!;

    public Ward WardA1 { get; private set; } = null!;

    public Ward WardA2 { get; private set; } = null!;

    public Ward WardB1 { get; private set; } = null!;

    public Organisation Police { get; private set; } = null!;

    public ApplicationUser Administrator { get; private set; } = null!;

    public ApplicationUser PartnershipManager { get; private set; } = null!;

    public ApplicationUser AreaManagerA { get; private set; } = null!;

    public ApplicationUser SupportOfficerA { get; private set; } = null!;

    public ApplicationUser CouncillorA1 { get; private set; } = null!;

    public ApplicationUser CouncillorA2 { get; private set; } = null!;

    public ApplicationUser PoliceUser { get; private set; } = null!;

    public static async Task<WardWorld> CreateAsync(AppFactory app)
    {
        var w = new WardWorld
        {
            AreaA = await app.Data.CreateAreaAsync(),
            AreaB = await app.Data.CreateAreaAsync(),
        };
        w.WardA1 = await app.Data.CreateWardAsync(w.AreaA.Id);
        w.WardA2 = await app.Data.CreateWardAsync(w.AreaA.Id);
        w.WardB1 = await app.Data.CreateWardAsync(w.AreaB.Id);
        w.Police = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.Police);
        w.Administrator = await app.Data.CreateUserAsync(Roles.Administrator, password: null);
        w.PartnershipManager = await app.Data.CreateUserAsync(Roles.PartnershipManager, password: null);
        w.AreaManagerA = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [w.AreaA.Id], password: null);
        w.SupportOfficerA = await app.Data.CreateUserAsync(Roles.SupportOfficer, areaIds: [w.AreaA.Id], password: null);
        w.CouncillorA1 = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [w.WardA1.Id], password: null);
        w.CouncillorA2 = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [w.WardA2.Id], password: null);
        w.PoliceUser = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: w.Police.Id, password: null);
        return w;
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    // ---- Ward figure files ----

    public const string ImportUrl = "/admin/ward-figures/import";

    /// <summary>Posts the file as the import form does (multipart, with the page's anti-forgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[]? content, string tokenFrom = ImportUrl)
    {
        var page = await client.GetDocumentAsync(tokenFrom);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No anti-forgery token on {tokenFrom}");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "File", fileName);
        }

        return await client.PostAsync(new Uri(ImportUrl, UriKind.Relative), form);
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string text, string fileName = "figures.csv") =>
        UploadAsync(client, fileName, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// The first file: population, deprivation rank and claimant count for A1 and A2 (A2's claimant count blank):
    /// 5 figures for 2 wards. Ward names in other capitals, quoted thousands.
    /// </summary>
    public string FirstFile =>
        "Ward,Population,Deprivation rank,Claimant count\r\n"
        + "Source,ONS mid-year estimates 2022,IMD 2019,DWP\r\n"
        + "Date,30/06/2022,26/09/2019,31/10/2026\r\n"
        + $"{WardA1.Name.ToUpperInvariant()},\"2,000\",3,41.5\r\n"
        + $"{WardA2.Name},3000,12,\r\n";

    /// <summary>
    /// The second file: a new population for A1 (heading in other capitals) and a new claimant count for A1; A2's
    /// population left blank (so its first figure stays current): 2 figures for 1 ward.
    /// </summary>
    public string SecondFile =>
        "Ward,POPULATION,Claimant count\r\n"
        + "Source,ONS mid-year estimates 2023,DWP\r\n"
        + "Date,30/06/2023,30/11/2026\r\n"
        + $"{WardA1.Name},2500,39\r\n"
        + $"{WardA2.Name},,\r\n";

    public Task<List<WardFigure>> FiguresAsync(AppFactory app) =>
        app.WithDbAsync(db =>
        {
            int[] wardIds = [WardA1.Id, WardA2.Id, WardB1.Id];
            return db.WardFigures.AsNoTracking().Where(f => wardIds.Contains(f.WardId)).OrderBy(f => f.Id).ToListAsync();
        });

    public Task<Ward> StoredWardAsync(AppFactory app, int wardId) =>
        app.WithDbAsync(db => db.Wards.AsNoTracking().SingleAsync(w => w.Id == wardId));

    public static Task<int> ImportCountAsync(AppFactory app) => app.WithDbAsync(db => db.WardFigureImports.CountAsync());

    // ---- Issues for the profile ----

    /// <summary>
    /// Sets the populations (A1 2,000; A2 3,000; B1 5,000) and seeds the issues, raised at the given number of days ago:
    /// <list type="bullet">
    /// <item>A1 #1: Level 2, open, fly-tipping (cleaner, safer, greener), 3 days.</item>
    /// <item>A1 #2: Level 2, open, debt (financial), 10 days.</item>
    /// <item>A1 #3: Level 1, open, debt (financial), 20 days.</item>
    /// <item>A1 #4: not triaged, anti-social behaviour (community safety), 5 days.</item>
    /// <item>A1 #5: Level 2, resolved, fly-tipping, 30 days.</item>
    /// <item>A1 #6: Level 3, open, housing conditions, 400 days (outside the last 12 months).</item>
    /// <item>A1 #7: CONFIDENTIAL, Level 2, open, doorstep lending (financial), 4 days: a councillor must not count it.</item>
    /// <item>A2: one Level 2 open issue (debt), 6 days. B1: two untriaged issues (fly-tipping), 7 days.</item>
    /// </list>
    /// </summary>
    public async Task SeedIssuesAsync(AppFactory app)
    {
        await SetPopulationAsync(app, WardA1.Id, 2_000);
        await SetPopulationAsync(app, WardA2.Id, 3_000);
        await SetPopulationAsync(app, WardB1.Id, 5_000);
        await IssueAsync(app, WardA1, "fly-tipping", 3, AtLevel2);
        await IssueAsync(app, WardA1, "debt", 10, AtLevel2);
        await IssueAsync(app, WardA1, "debt", 20, AtLevel1);
        await IssueAsync(app, WardA1, "asb", 5);
        await IssueAsync(app, WardA1, "fly-tipping", 30, i =>
        {
            AtLevel2(i);
            i.Resolve("Cleared", AreaManagerA.Id, DateTime.UtcNow.AddDays(-1));
        });
        await IssueAsync(app, WardA1, "housing-conditions", 400, AtLevel3);
        await IssueAsync(app, WardA1, "doorstep-lending", 4, AtLevel2, confidential: true);
        await IssueAsync(app, WardA2, "debt", 6, AtLevel2);
        await IssueAsync(app, WardB1, "fly-tipping", 7);
        await IssueAsync(app, WardB1, "fly-tipping", 7);
    }

    public static Task SetPopulationAsync(AppFactory app, int wardId, int? population) =>
        app.WithDbAsync(async db =>
        {
            var ward = await db.Wards.SingleAsync(w => w.Id == wardId);
            ward.Update(ward.Name, ward.AreaId, population, ward.DeprivationRank, ward.IsActive);
            await db.SaveChangesAsync();
        });

    private static int _number;

    public Task<Issue> IssueAsync(AppFactory app, Ward ward, string categoryCode, int daysAgo, Action<Issue>? then = null, bool confidential = false) =>
        app.WithDbAsync(async db =>
        {
            var category = await db.Categories.SingleAsync(c => c.Code == categoryCode);
            var issue = new Issue($"AP-2098-{Interlocked.Increment(ref _number):00000}", TestData.Unique("Ward issue"), "Something needs doing.", ward,
                category.Id, IssueSource.Councillor, AreaManagerA.Id, DateTime.UtcNow.AddDays(-daysAgo))
            {
                IsConfidential = confidential,
            };
            then?.Invoke(issue);
            db.Issues.Add(issue);
            await db.SaveChangesAsync();
            return issue;
        });

    private void AtLevel1(Issue issue) =>
        issue.Triage(IssueLevel.FrontLine, "A simple job", new Assignment(ReferredOrganisationId: Police.Id, ReferredOrganisationName: Police.Name,
            FollowUpOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7)), AreaManagerA.Id, DateTime.UtcNow.AddDays(-2), 10);

    private void AtLevel2(Issue issue) =>
        issue.Triage(IssueLevel.Partnership, "Needs the partnership", new Assignment(AreaManagerA.Id, AreaManagerA.DisplayName), AreaManagerA.Id, DateTime.UtcNow.AddDays(-2), 30);

    private void AtLevel3(Issue issue) =>
        issue.Triage(IssueLevel.MultiAgency, "Needs the police to lead", new Assignment(PoliceUser.Id, PoliceUser.DisplayName, Police.Id, Police.Name),
            AreaManagerA.Id, DateTime.UtcNow.AddDays(-2), 90);

    // ---- Reading the profile ----

    public static string Text(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A cell's text as it is seen (without visually hidden text), whitespace collapsed; throws when the page has no such cell.</summary>
    public static string Cell(IHtmlDocument page, string selector)
    {
        var cell = (IElement)(page.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} on the page")).Clone();
        foreach (var hidden in cell.QuerySelectorAll(".govuk-visually-hidden").ToList())
        {
            hidden.Remove();
        }

        return Text(cell.TextContent);
    }

    /// <summary>The href of the link in the cell (null when the cell has no link).</summary>
    public static string? Link(IHtmlDocument page, string selector) =>
        (page.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} on the page")).QuerySelector("a")?.GetAttribute("href");

    /// <summary>The number the case list says it holds ("3 issues").</summary>
    public static async Task<string> ListTotalAsync(HttpClient client, string href) =>
        Text((await client.GetDocumentAsync(href)).QuerySelector("[data-testid=issues] caption")?.TextContent
            ?? "no table");
}
