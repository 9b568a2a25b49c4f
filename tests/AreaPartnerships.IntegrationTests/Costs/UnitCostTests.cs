using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Costs.CostWorld;
using static AreaPartnerships.IntegrationTests.Infrastructure.Html;

namespace AreaPartnerships.IntegrationTests.Costs;

/// <summary>Journey 5's unit-cost table: kept by the administrator only, versioned, retired and never deleted.</summary>
public sealed class UnitCostTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/admin/unit-costs";

    private static List<KeyValuePair<string, string>> Fields(string name, string cost = "£259,000", string unit = "per child per year", string borneBy = "CouncilService",
        string source = "Barnet early help review", string day = "31", string month = "3", string year = "2025") =>
    [
        new("Name", name), new("Cost", cost), new("Unit", unit), new("BorneBy", borneBy), new("Source", source),
        new("SourceDateDay", day), new("SourceDateMonth", month), new("SourceDateYear", year),
    ];

    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Everyone_but_the_administrator_is_refused_every_unit_cost_page_and_post(string role)
    {
        var world = await CreateAsync(app);
        var unitCost = await UnitCostAsync(app);
        var user = role switch
        {
            Roles.PartnershipManager => world.People.PartnershipManager,
            Roles.AreaManager => world.People.AreaManagerA,
            Roles.SupportOfficer => world.People.SupportOfficerA,
            Roles.Councillor => world.People.CouncillorA1,
            _ => world.People.PoliceUser,
        };
        var client = app.ClientFor(user.Id);

        // As on the other reference-data pages (Areas, Organisations…): the administrator policy refuses with 403.
        foreach (var url in new[] { Url, $"{Url}/new", $"{Url}/{unitCost.Id}/edit" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, url));
        }

        var name = TestData.Unique("Forged");
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{Url}/new", Fields(name))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{Url}/{unitCost.Id}/edit", Fields(name))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(client, $"{Url}/{unitCost.Id}/retire", [])).StatusCode);
        var stored = await StoredUnitCostAsync(app, unitCost.Id);
        Assert.Equal((unitCost.Name, true), (stored.Name, stored.IsActive));
        Assert.False(await app.WithDbAsync(db => db.UnitCosts.AnyAsync(u => u.Name == name)));
        var home = await client.GetDocumentAsync("/");
        Assert.Null(home.QuerySelector($"a[href='{Url}']"));
    }

    [Fact]
    public async Task The_administrator_adds_a_unit_cost_and_sees_it_in_the_table_with_its_agency_and_source()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.Administrator.Id);
        var name = TestData.Unique("A child in care for a year");

        var list = await client.GetDocumentAsync(Url);
        Assert.NotNull(list.QuerySelector($"nav a[href='{Url}']"));
        Assert.NotNull(list.QuerySelector($"[data-testid=add-unit-cost][href='{Url}/new']"));

        var response = await client.PostFormAsync($"{Url}/new", Fields(name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.UnitCosts.AsNoTracking().SingleAsync(u => u.Name == name));
        Assert.Equal((259_000m, "per child per year", OrganisationKind.CouncilService, "Barnet early help review", (DateOnly?)new DateOnly(2025, 3, 31), true),
            (stored.Cost, stored.Unit, stored.BorneBy, stored.Source, stored.SourceDate, stored.IsActive));
        list = await client.GetDocumentAsync(Url);
        Assert.Contains($"Unit cost “{name}” added", Banner(list), StringComparison.Ordinal);
        var row = list.QuerySelector($"tr[data-unit-cost-id='{stored.Id}']")!;
        Assert.Equal(["£259,000.00", "per child per year", "Council service", "Barnet early help review Dated 31 March 2025", "In use"],
            new[] { "value", "unit", "agency", "source", "status" }.Select(id => IssueWorld.Text(row.QuerySelector($"[data-testid={id}]")!.TextContent)));
    }

    [Fact]
    public async Task The_table_lists_those_in_use_first_then_the_retired_each_by_name()
    {
        var world = await CreateAsync(app);
        var retiredA = await UnitCostAsync(app, "Aaa retired", retired: true);
        var inUseZ = await UnitCostAsync(app, "Zzz in use");
        var inUseA = await UnitCostAsync(app, "Aaa in use");

        var list = await app.ClientFor(world.Administrator.Id).GetDocumentAsync(Url);

        var names = list.QuerySelectorAll("[data-testid=unit-costs] tbody tr [data-testid=name]").Select(c => c.TextContent.Trim()).ToList();
        Assert.True(names.IndexOf(inUseA.Name) < names.IndexOf(inUseZ.Name));
        Assert.True(names.IndexOf(inUseZ.Name) < names.IndexOf(retiredA.Name));
        Assert.Equal("Retired", IssueWorld.Text(list.QuerySelector($"tr[data-unit-cost-id='{retiredA.Id}'] [data-testid=status]")!.TextContent));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1e9")]
    [InlineData("12.345")]
    [InlineData("0")]
    [InlineData("1,00")]
    public async Task A_value_that_is_not_pounds_and_pence_is_refused_on_the_field_with_everything_typed_kept(string cost)
    {
        var world = await CreateAsync(app);
        var name = TestData.Unique("Fly-tip clearance");

        var response = await app.ClientFor(world.Administrator.Id).PostFormAsync($"{Url}/new", Fields(name, cost: cost, borneBy: "Police"));
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter the value in pounds and pence, more than £0.00, like 259000 or £259,000.00", FieldError(page, "Cost"));
        Assert.Equal(cost, page.QuerySelector("#Cost")!.GetAttribute("value"));
        Assert.Equal(name, page.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name=BorneBy][value=Police][checked]"));
        Assert.Equal("31", page.QuerySelector("#SourceDateDay")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.UnitCosts.AnyAsync(u => u.Name == name)));
    }

    [Fact]
    public async Task Missing_fields_a_date_in_the_future_and_a_date_that_is_not_real_are_refused_on_their_fields()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.Administrator.Id);
        var tomorrow = Today.AddDays(1);

        var empty = await Html.ReadAsync(await client.PostFormAsync($"{Url}/new", [new("Name", ""), new("Cost", ""), new("Unit", "")]));
        Assert.Equal(("Enter the unit cost's name", "Enter the value", "Enter the unit, like \"per call-out\"", "Select the agency that bears the cost"),
            (FieldError(empty, "Name"), FieldError(empty, "Cost"), FieldError(empty, "Unit"), FieldError(empty, "BorneBy")));
        Assert.Null(FieldError(empty, "SourceDateDay"));

        var future = await client.PostFormAsync($"{Url}/new", Fields(TestData.Unique("Future"), day: Id(tomorrow.Day), month: Id(tomorrow.Month), year: Id(tomorrow.Year)));
        var futurePage = await Html.ReadAsync(future);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("The source's date must be today or in the past", FieldError(futurePage, "SourceDateDay"));
        Assert.Equal(Id(tomorrow.Year), futurePage.QuerySelector("#SourceDateYear")!.GetAttribute("value"));

        var unreal = await Html.ReadAsync(await client.PostFormAsync($"{Url}/new", Fields(TestData.Unique("Unreal"), day: "31", month: "2", year: "2025")));
        Assert.Equal("Enter a real date for the source, like 31 3 2025, or leave it empty", FieldError(unreal, "SourceDateDay"));
        Assert.Contains(Html.ErrorSummary(unreal), e => e.Contains("real date", StringComparison.Ordinal));
        Assert.NotNull(unreal.QuerySelector(".govuk-error-summary a[href='#SourceDateDay']"));
    }

    [Fact]
    public async Task A_duplicate_name_is_refused_on_the_name_field()
    {
        var world = await CreateAsync(app);
        var existing = await UnitCostAsync(app);
        var other = await UnitCostAsync(app, "Another");
        var client = app.ClientFor(world.Administrator.Id);

        var added = await Html.ReadAsync(await client.PostFormAsync($"{Url}/new", Fields(existing.Name)));
        Assert.Equal("A unit cost with this name already exists: change that one, or give this one another name", FieldError(added, "Name"));

        var renamed = await IssueWorld.PostWithVersionAsync(client, $"{Url}/{other.Id}/edit", Fields(existing.Name));
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Equal("A unit cost with this name already exists: change that one, or give this one another name", FieldError(await Html.ReadAsync(renamed), "Name"));
        Assert.Equal(other.Name, (await StoredUnitCostAsync(app, other.Id)).Name);
    }

    [Fact]
    public async Task The_edit_page_says_costs_already_made_keep_their_value_and_a_change_is_saved()
    {
        var world = await CreateAsync(app);
        var unitCost = await UnitCostAsync(app);
        var client = app.ClientFor(world.Administrator.Id);
        var url = $"{Url}/{unitCost.Id}/edit";

        var page = await client.GetDocumentAsync(url);
        Assert.Contains("keep the value they were made with", Text(page, "values-kept"), StringComparison.Ordinal);
        Assert.Equal(("250.00", "31", "3", "2025"), (page.QuerySelector("#Cost")!.GetAttribute("value"), page.QuerySelector("#SourceDateDay")!.GetAttribute("value"),
            page.QuerySelector("#SourceDateMonth")!.GetAttribute("value"), page.QuerySelector("#SourceDateYear")!.GetAttribute("value")));

        var response = await IssueWorld.PostWithVersionAsync(client, url, Fields(unitCost.Name, cost: "275.50", unit: "per call-out", borneBy: "Police", source: "", day: "", month: "", year: ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredUnitCostAsync(app, unitCost.Id);
        Assert.Equal((275.50m, (string?)null, (DateOnly?)null), (stored.Cost, stored.Source, stored.SourceDate));
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_and_the_first_kept()
    {
        var world = await CreateAsync(app);
        var unitCost = await UnitCostAsync(app);
        var first = app.ClientFor(world.Administrator.Id);
        var second = app.ClientFor(world.Administrator.Id);
        var url = $"{Url}/{unitCost.Id}/edit";
        var version = IssueWorld.VersionOn(await second.GetDocumentAsync(url));

        var saved = await first.PostFormAsync(url, [.. Fields(unitCost.Name, cost: "300", borneBy: "Police"), new("Version", version)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.PostFormAsync(url, [.. Fields(unitCost.Name, cost: "200", borneBy: "Police"), new("Version", version)]);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains("Someone else changed this unit cost", StringComparison.Ordinal) && e.Contains("£300.00", StringComparison.Ordinal));
        Assert.Equal("200", page.QuerySelector("#Cost")!.GetAttribute("value"));
        Assert.Equal(300m, (await StoredUnitCostAsync(app, unitCost.Id)).Cost);

        // Saving again is a deliberate choice: the form now carries the current version.
        var again = await second.PostFormAsync(url, [.. Fields(unitCost.Name, cost: "200", borneBy: "Police"), new("Version", IssueWorld.VersionOn(page))]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(200m, (await StoredUnitCostAsync(app, unitCost.Id)).Cost);
    }

    [Fact]
    public async Task A_unit_cost_is_retired_and_reinstated_never_deleted_and_retiring_twice_says_so()
    {
        var world = await CreateAsync(app);
        var unitCost = await UnitCostAsync(app);
        var client = app.ClientFor(world.Administrator.Id);
        var edit = $"{Url}/{unitCost.Id}/edit";

        var retired = await client.PostFormAsync(edit, [], $"{Url}/{unitCost.Id}/retire");
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.False((await StoredUnitCostAsync(app, unitCost.Id)).IsActive);
        var list = await client.GetDocumentAsync(Url);
        Assert.Contains("retired: it is no longer offered", Banner(list), StringComparison.Ordinal);
        Assert.Equal("Retired", IssueWorld.Text(list.QuerySelector($"tr[data-unit-cost-id='{unitCost.Id}'] [data-testid=status]")!.TextContent));
        var page = await client.GetDocumentAsync(edit);
        Assert.NotNull(page.QuerySelector("[data-testid=reinstate]"));
        Assert.Null(page.QuerySelector("[data-testid=retire]"));

        var twice = await client.PostFormAsync(edit, [], $"{Url}/{unitCost.Id}/retire");
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Contains($"{unitCost.Name} is already retired", IssueWorld.Text((await client.GetDocumentAsync(edit)).QuerySelector(".govuk-notification-banner")!.TextContent), StringComparison.Ordinal);

        var reinstated = await client.PostFormAsync(edit, [], $"{Url}/{unitCost.Id}/reinstate");
        Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        Assert.True((await StoredUnitCostAsync(app, unitCost.Id)).IsActive);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(edit, [], $"{Url}/999999/retire")).StatusCode);
    }
}

/// <summary>The unit-cost table before anything is in it (a database of its own).</summary>
public sealed class UnitCostEmptyTableTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task With_no_unit_costs_the_table_says_so_and_offers_to_add_one()
    {
        var admin = await app.Data.CreateUserAsync(Roles.Administrator);

        var list = await app.ClientFor(admin.Id).GetDocumentAsync("/admin/unit-costs");

        Assert.Contains("There are no unit costs yet", Text(list, "no-unit-costs"), StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("[data-testid=add-unit-cost]"));
        Assert.Null(list.QuerySelector("[data-testid=unit-costs]"));
    }
}
