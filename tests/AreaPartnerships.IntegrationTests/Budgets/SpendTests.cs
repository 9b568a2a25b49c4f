using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.IntegrationTests.Issues;
using static AreaPartnerships.IntegrationTests.Budgets.SpendWorld;
using static AreaPartnerships.IntegrationTests.Infrastructure.Html;

namespace AreaPartnerships.IntegrationTests.Budgets;

/// <summary>Journey 2: recording a quick-win spend, per role, with bad input and the rules on the form.</summary>
public sealed class SpendTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_area_manager_records_a_spend_and_the_budget_moves_with_one_ledger_entry()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 10_000m);
        await Setup.SpendDirectAsync(app, budget.Id, world.People.AreaManagerA.Id, 0.50m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var form = await client.GetDocumentAsync(NewUrl(budget.Id));
        Assert.Contains($"Balance for {ThisYear} before this spend: £9,999.50", IssueWorld.Text(form.QuerySelector("[data-testid=balance-before]")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(Id(Today.Day), form.QuerySelector("#SpentOnDay")!.GetAttribute("value"));
        Assert.Contains("optional, but encouraged", form.QuerySelector("label[for=IssueReference]")!.TextContent, StringComparison.Ordinal);

        var spend = await SpendAsync(app, client, budget.Id, "£250", purpose: "Skip hire");

        Assert.Equal((LedgerEntryKind.Spend, 250m, Today, "Acme Skips Ltd", "PO-1234", false, world.People.AreaManagerA.Id),
            (spend.Kind, spend.Amount, spend.SpentOn, spend.Payee, spend.Reference, spend.PayeeIsSensitive, spend.RecordedById));
        var stored = await StoredAsync(app, budget.Id);
        Assert.Equal((250.50m, 9_749.50m), (stored.Spent, stored.Balance));
    }

    [Fact]
    public async Task The_confirmation_gives_the_balance_after()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 10_000m);
        await Setup.SpendDirectAsync(app, budget.Id, world.People.AreaManagerA.Id, 0.50m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await client.PostFormAsync(NewUrl(budget.Id), SpendFields("250"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // The banner shows on the ledger page (the monitor's); any page renders TempData's success banner.
        var next = await client.GetDocumentAsync("/");
        Assert.Contains($"Spend of £250.00 recorded. Balance for {ThisYear}: £9,749.50", next.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partnership_manager_records_for_any_area_and_another_areas_manager_is_not_found()
    {
        var world = await CreateAsync(app);
        var budgetB = await world.BudgetAsync(app, 1_000m, world.People.AreaB);

        await SpendAsync(app, app.ClientFor(world.People.PartnershipManager.Id), budgetB.Id, "100");
        var managerA = app.ClientFor(world.People.AreaManagerA.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await managerA.GetAsync(new Uri(NewUrl(budgetB.Id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(managerA, NewUrl(budgetB.Id), SpendFields("100"))).StatusCode);

        Assert.Equal(100m, (await StoredAsync(app, budgetB.Id)).Spent);
        Assert.Single(await LedgerAsync(app, budgetB.Id));
    }

    [Fact]
    public async Task A_support_officer_sees_the_budget_but_may_not_spend_and_councillors_partners_and_the_administrator_get_nothing()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var officer = app.ClientFor(world.People.SupportOfficerA.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri(NewUrl(budget.Id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(officer, NewUrl(budget.Id), SpendFields("100"))).StatusCode);
        foreach (var user in new[] { world.People.CouncillorA1, world.People.PoliceUser })
        {
            var client = app.ClientFor(user.Id);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(NewUrl(budget.Id), UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, NewUrl(budget.Id), SpendFields("100"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/budgets/spend", UriKind.Relative))).StatusCode);
        }

        // The administrator sees every budget but records no spend.
        var admin = app.ClientFor(world.Administrator.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(admin, NewUrl(budget.Id), SpendFields("100"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri("/budgets/spend", UriKind.Relative))).StatusCode);
        Assert.Equal(0m, (await StoredAsync(app, budget.Id)).Spent);
        Assert.Empty(await LedgerAsync(app, budget.Id));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1e9")]
    [InlineData("1.005")]
    [InlineData("0")]
    public async Task An_amount_that_cannot_be_read_is_refused_on_the_field_and_nothing_typed_is_lost(string amount)
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await client.PostFormAsync(NewUrl(budget.Id), SpendFields(amount, payee: "Jo Bloggs", purpose: "Bus fares to the food bank", sensitive: true, reference: "R-77"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Enter the amount in pounds and pence, like 125.50", FieldError(page, "Amount"));
        Assert.Contains("Enter the amount in pounds and pence, like 125.50", Html.ErrorSummary(page));
        Assert.Equal(amount, page.QuerySelector("#Amount")!.GetAttribute("value"));
        Assert.Equal("Jo Bloggs", page.QuerySelector("#Payee")!.GetAttribute("value"));
        Assert.Equal("R-77", page.QuerySelector("#Reference")!.GetAttribute("value"));
        Assert.Equal("Bus fares to the food bank", page.QuerySelector("#Purpose")!.TextContent.Trim());
        Assert.True(page.QuerySelector("#PayeeIsSensitive")!.HasAttribute("checked"));
        Assert.Empty(await LedgerAsync(app, budget.Id));
    }

    [Theory]
    [InlineData("£1,000")]
    [InlineData("1000")]
    [InlineData("1,000.5")]
    public async Task Money_as_people_type_it_is_understood(string amount)
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 5_000m);

        var spend = await SpendAsync(app, app.ClientFor(world.People.AreaManagerA.Id), budget.Id, amount);

        Assert.Equal(amount == "1,000.5" ? 1000.50m : 1000m, spend.Amount);
    }

    [Fact]
    public async Task Missing_fields_are_each_refused_on_the_field()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);

        var response = await app.ClientFor(world.People.AreaManagerA.Id).PostFormAsync(NewUrl(budget.Id),
            [new("SpentOnDay", "31"), new("SpentOnMonth", "2"), new("SpentOnYear", Id(Today.Year)), new("Amount", ""), new("Payee", " "), new("Purpose", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(["Enter a real date for the spend, like 3 12 2026", "Enter the amount", "Enter who was paid", "Enter what the money was for"], Html.ErrorSummary(page));
        Assert.Equal("31", page.QuerySelector("#SpentOnDay")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_date_outside_the_budgets_year_is_refused_on_the_date_including_the_day_after_it_ends()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        foreach (var day in new[] { ThisYear.Starts.AddDays(-1), ThisYear.Ends.AddDays(1) })
        {
            var response = await client.PostFormAsync(NewUrl(budget.Id), SpendFields("10", on: day));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await Html.ReadAsync(response);
            Assert.StartsWith($"The date must be in the {ThisYear} financial year", FieldError(page, "SpentOnDay"), StringComparison.Ordinal);
        }

        await SpendAsync(app, client, budget.Id, "10");
        Assert.Single(await LedgerAsync(app, budget.Id));
    }

    [Fact]
    public async Task A_spend_beyond_the_balance_is_refused_with_the_balance_and_everything_typed_kept()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        await SpendAsync(app, client, budget.Id, "900.50");

        var response = await client.PostFormAsync(NewUrl(budget.Id), SpendFields("100", payee: "Skips R Us", purpose: "Second skip"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal($"There is £99.50 left in {ThisYear}'s budget: this would take it below £0.00", FieldError(page, "Amount"));
        Assert.Equal(("100", "Skips R Us"), (page.QuerySelector("#Amount")!.GetAttribute("value"), page.QuerySelector("#Payee")!.GetAttribute("value")));
        Assert.Contains($"Balance for {ThisYear} before this spend: £99.50", IssueWorld.Text(page.QuerySelector("[data-testid=balance-before]")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(900.50m, (await StoredAsync(app, budget.Id)).Spent);

        await SpendAsync(app, client, budget.Id, "99.50");
        Assert.Equal(0m, (await StoredAsync(app, budget.Id)).Balance);
    }

    [Fact]
    public async Task A_spend_serving_an_issue_goes_on_its_timeline_for_officers_but_not_for_the_wards_councillor()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var issue = await world.People.IssueAsync(app, world.People.AtLevel2);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var spend = await SpendAsync(app, client, budget.Id, "75", sensitive: true, issue: issue.Reference, purpose: "Bus fares", payee: "Jo Bloggs");

        Assert.Equal(issue.Id, spend.IssueId);
        var line = (await IssueWorld.EventsAsync(app, issue.Id))[^1];
        Assert.Equal((IssueEventKind.SpendRecorded, "Quick-win spend of £75.00 to a person", Visibility.Confidential, world.People.AreaManagerA.Id),
            (line.Kind, line.Summary, line.Visibility, line.ActorId));
        Assert.Equal(line.OccurredAt, (await IssueWorld.StoredAsync(app, issue.Id)).LastActivityAt);

        var officerView = IssueWorld.Timeline(await client.GetDocumentAsync($"/issues/{issue.Reference}"));
        Assert.Contains(officerView, t => t.Title.Contains("Quick-win spend of £75.00 to a person", StringComparison.Ordinal));
        Assert.DoesNotContain(officerView, t => t.Title.Contains("Jo Bloggs", StringComparison.Ordinal) || t.Description.Contains("Jo Bloggs", StringComparison.Ordinal));
        var councillorView = IssueWorld.Timeline(await app.ClientFor(world.People.CouncillorA1.Id).GetDocumentAsync($"/issues/{issue.Reference}"));
        Assert.DoesNotContain(councillorView, t => t.Title.Contains("Quick-win", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_issue_reference_that_is_not_a_visible_issue_in_the_area_is_refused_on_the_field()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var otherArea = await world.People.IssueAsync(app, wardId: world.People.WardB1);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        foreach (var reference in new[] { "AP-1999-99999", otherArea.Reference })
        {
            var response = await client.PostFormAsync(NewUrl(budget.Id), SpendFields("10", issue: reference));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await Html.ReadAsync(response);
            Assert.StartsWith($"There is no issue {reference} in this area that you can see", FieldError(page, "IssueReference"), StringComparison.Ordinal);
            Assert.Equal(reference, page.QuerySelector("#IssueReference")!.GetAttribute("value"));
        }

        Assert.Empty(await LedgerAsync(app, budget.Id));
    }

    [Fact]
    public async Task Choosing_an_area_goes_to_its_budget_and_a_year_with_no_allocation_says_who_sets_it()
    {
        var world = await CreateAsync(app);
        var budget = await world.BudgetAsync(app, 1_000m);
        var areaBName = await app.WithDbAsync(db => Task.FromResult(db.Areas.Single(a => a.Id == world.People.AreaB).Name));
        var manager = app.ClientFor(world.People.PartnershipManager.Id);

        var chosen = await manager.GetAsync(new Uri($"/budgets/spend?areaId={world.People.AreaA}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(NewUrl(budget.Id), chosen.Headers.Location!.OriginalString);

        var none = await manager.GetDocumentAsync($"/budgets/spend?areaId={world.People.AreaB}");
        Assert.Equal($"No allocation for {areaBName} in {ThisYear} yet: the partnership manager sets allocations. Nothing can be spent from the area's quick-win budget until then.",
            IssueWorld.Text(none.QuerySelector("[data-testid=no-allocation]")!.TextContent));

        // An area manager with one area goes straight to it; another area is not theirs.
        var own = await app.ClientFor(world.People.AreaManagerA.Id).GetAsync(new Uri("/budgets/spend", UriKind.Relative));
        Assert.Equal(NewUrl(budget.Id), own.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(world.People.AreaManagerA.Id).GetAsync(new Uri($"/budgets/spend?areaId={world.People.AreaB}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_budget_that_does_not_exist_is_not_found()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(NewUrl(999_999), UriKind.Relative))).StatusCode);
    }
}
