using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Admin;

/// <summary>
/// Issue 9, finding 20: /admin/categories was 404 and themes showed nowhere. The administrator manages categories
/// (name, code, theme, front-line service, active or retired); a category in use is retired, never deleted.
/// Categories are shared by every test in the database, so each test makes its own.
/// </summary>
public sealed class CategoriesAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    [InlineData(Roles.Resident)]
    public async Task Every_role_but_the_administrator_is_refused_the_category_pages(string role)
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var organisation = await app.Data.CreateOrganisationAsync();
        var client = app.ClientFor((await app.Data.CreateUserAsync(role, areaIds: [area.Id], wardIds: [ward.Id], organisationId: organisation.Id)).Id);
        var categoryId = await IssueWorld.CategoryIdAsync(app, "graffiti");
        var name = TestData.Unique("Forged category");

        foreach (var url in new[] { "/admin/categories", "/admin/categories/new", $"/admin/categories/{categoryId}/edit" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        var created = await client.PostFormAsync("/", [new("Name", name), new("Code", "forged"), new("Theme", "Other")], "/admin/categories/new");
        var changed = await client.PostFormAsync("/", [new("Name", name), new("Code", "graffiti"), new("Theme", "Other"), new("IsActive", "false")],
            $"/admin/categories/{categoryId}/edit");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (created.StatusCode, changed.StatusCode));
        Assert.False(await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.Name == name)));
        Assert.True(await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == categoryId && c.IsActive && c.Name == "Graffiti")));
    }

    [Fact]
    public async Task The_administrator_finds_categories_from_their_home_page_and_the_navigation()
    {
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var home = await client.GetDocumentAsync("/");

        Assert.Contains(home.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/admin/categories");
        Assert.Contains(home.QuerySelectorAll(".govuk-service-navigation a"), a => a.GetAttribute("href") == "/admin/categories" && a.TextContent.Trim() == "Categories");
    }

    [Fact]
    public async Task The_administrator_adds_a_financial_category_with_its_front_line_service_and_it_is_offered_when_raising()
    {
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var service = await FrontLineServiceAsync("Call the money advice line on 01922 000000");
        var name = TestData.Unique("Loan sharks");
        var code = Code(name);

        var response = await admin.PostFormAsync("/admin/categories/new",
            [new("Name", name), new("Code", code), new("Theme", "Financial"), new("FrontLineOrganisationId", IssueWorld.Id(service.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/categories", response.Headers.Location!.OriginalString);
        var stored = await app.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(c => c.Name == name));
        Assert.Equal((code, IssueTheme.Financial, (int?)service.Id, true), (stored.Code, stored.Theme, stored.FrontLineOrganisationId, stored.IsActive));
        var list = await admin.GetDocumentAsync("/admin/categories");
        Assert.Contains($"Category “{name}” added", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([name, code, "Financial inclusion (debt, doorstep lending, poverty, worklessness)", $"{service.Name} Call the money advice line on 01922 000000", "Active"],
            Row(list, name).Take(5));
        Assert.Contains(name, await RaiseOptionsAsync());
    }

    [Fact]
    public async Task A_category_in_use_is_retired_never_deleted_not_offered_when_raising_but_still_shown_on_old_issues()
    {
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var name = TestData.Unique("Abandoned trolleys");
        await admin.PostFormAsync("/admin/categories/new", [new("Name", name), new("Code", Code(name)), new("Theme", "CleanerSaferGreener")]);
        var categoryId = await app.WithDbAsync(db => db.Categories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        var world = await IssueWorld.CreateAsync(app);
        var old = await world.IssueAsync(app);
        await IssueWorld.UpdateIssueAsync(app, old.Id, s => s.SetProperty(i => i.CategoryId, categoryId));
        var url = $"/admin/categories/{categoryId}/edit";
        var version = IssueWorld.VersionOn(await admin.GetDocumentAsync(url));

        // Unticking "Active" posts only the checkbox's hidden "false": the category is retired.
        var retired = await admin.PostFormAsync(url, [new("Name", name), new("Code", Code(name)), new("Theme", "CleanerSaferGreener"), new("IsActive", "false"), new("Version", version)]);
        var list = await admin.GetDocumentAsync("/admin/categories");
        var delete = await admin.PostFormAsync(url, [], $"/admin/categories/{categoryId}/delete");

        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Categories.Where(c => c.Id == categoryId).Select(c => c.IsActive).SingleAsync()));
        Assert.Contains("no longer offered when raising", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Retired", Row(list, name)[4]);
        Assert.DoesNotContain(list.QuerySelectorAll("form"), f => f.GetAttribute("action")?.Contains("delete", StringComparison.OrdinalIgnoreCase) == true);
        Assert.DoesNotContain(name, await RaiseOptionsAsync());
        var issuePage = await app.ClientFor(world.AreaManagerA.Id).GetDocumentAsync($"/issues/{old.Reference}");
        Assert.Contains(name, IssueWorld.Text(issuePage.QuerySelector("[data-testid=issue-summary]")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Issues.CountAsync(i => i.CategoryId == categoryId)));

        // Made active again, it is offered again.
        version = IssueWorld.VersionOn(await admin.GetDocumentAsync(url));
        await admin.PostFormAsync(url, [new("Name", name), new("Code", Code(name)), new("Theme", "CleanerSaferGreener"), new("IsActive", "true"), new("Version", version)]);
        Assert.Contains(name, await RaiseOptionsAsync());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_at_each_field_and_what_was_typed_kept()
    {
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var notFrontLine = await app.Data.CreateOrganisationAsync();

        var empty = await admin.PostFormAsync("/admin/categories/new", [new("Name", ""), new("Code", "")]);
        var emptyPage = await Html.ReadAsync(empty);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Enter the category's name", "Enter the category's code", "Select the category's theme"], Html.ErrorSummary(emptyPage));
        Assert.Equal("#Name", emptyPage.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));

        var taken = await admin.PostFormAsync("/admin/categories/new", [new("Name", "Fly-tipping"), new("Code", "fly-tipping"), new("Theme", "Housing")]);
        var takenPage = await Html.ReadAsync(taken);
        Assert.Equal(["A category with this name already exists", "A category with this code already exists"], Html.ErrorSummary(takenPage));
        Assert.NotNull(takenPage.QuerySelector("input[name=Theme][value=Housing][checked]"));

        var name = TestData.Unique("Badly coded");
        var badCode = await admin.PostFormAsync("/admin/categories/new", [new("Name", name), new("Code", "Bad Code!"), new("Theme", "Nonsense")]);
        var badCodePage = await Html.ReadAsync(badCode);
        Assert.Contains("Code must be lower-case letters and digits, with hyphens between words, like fly-tipping", Html.ErrorSummary(badCodePage));
        Assert.Contains(Html.ErrorSummary(badCodePage), e => e.Contains("theme", StringComparison.OrdinalIgnoreCase) || e.Contains("valid", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(("Bad Code!", name), (badCodePage.QuerySelector("input[name=Code]")!.GetAttribute("value"), badCodePage.QuerySelector("input[name=Name]")!.GetAttribute("value")));

        var notAService = await admin.PostFormAsync("/admin/categories/new",
            [new("Name", name), new("Code", Code(name)), new("Theme", "Other"), new("FrontLineOrganisationId", IssueWorld.Id(notFrontLine.Id))]);
        Assert.Equal(HttpStatusCode.BadRequest, notAService.StatusCode);
        Assert.Equal(["Select a front-line service from the list"], Html.ErrorSummary(await Html.ReadAsync(notAService)));
        Assert.False(await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_and_the_first_kept()
    {
        var admin = (await app.Data.CreateUserAsync(Roles.Administrator)).Id;
        var first = app.ClientFor(admin);
        var second = app.ClientFor(admin);
        var name = TestData.Unique("Dog fouling");
        await first.PostFormAsync("/admin/categories/new", [new("Name", name), new("Code", Code(name)), new("Theme", "CleanerSaferGreener")]);
        var id = await app.WithDbAsync(db => db.Categories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        var url = $"/admin/categories/{id}/edit";
        var version = IssueWorld.VersionOn(await second.GetDocumentAsync(url));

        var saved = await first.PostFormAsync(url, [new("Name", name + " (parks)"), new("Code", Code(name)), new("Theme", "CleanerSaferGreener"), new("IsActive", "true"), new("Version", version)]);
        var refused = await second.PostFormAsync(url, [new("Name", name + " (streets)"), new("Code", Code(name)), new("Theme", "CommunitySafety"), new("IsActive", "true"), new("Version", version)]);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains("Someone else changed this category", StringComparison.Ordinal) && e.Contains("(parks)", StringComparison.Ordinal));
        Assert.Equal(name + " (streets)", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name=Theme][value=CommunitySafety][checked]"));
        Assert.Equal(name + " (parks)", await app.WithDbAsync(db => db.Categories.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));
    }

    private static string Code(string name) => name.ToLowerInvariant().Replace(' ', '-');

    private async Task<Organisation> FrontLineServiceAsync(string contact) =>
        await app.WithDbAsync(async db =>
        {
            var service = new Organisation(TestData.Unique("Money Advice"), OrganisationKind.CouncilService, isFrontLineService: true, contact);
            db.Organisations.Add(service);
            await db.SaveChangesAsync();
            return service;
        });

    /// <summary>The categories an area manager is offered on the raise form.</summary>
    private async Task<IReadOnlyList<string>> RaiseOptionsAsync()
    {
        var area = await app.Data.CreateAreaAsync();
        await app.Data.CreateWardAsync(area.Id);
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id]);
        var form = await app.ClientFor(manager.Id).GetDocumentAsync("/issues/new");
        return [.. form.QuerySelectorAll("select[name=CategoryId] option").Select(o => o.TextContent.Trim())];
    }

    private static IReadOnlyList<string> Row(IHtmlDocument list, string name) =>
        [.. list.QuerySelectorAll("[data-testid=categories] tbody tr")
            .Single(r => r.QuerySelector("td")!.TextContent.Trim() == name)
            .QuerySelectorAll("td").Select(td => IssueWorld.Text(td.TextContent))];
}
