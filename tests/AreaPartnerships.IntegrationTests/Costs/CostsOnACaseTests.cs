using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.IntegrationTests.Budgets;
using AreaPartnerships.IntegrationTests.Issues;
using static AreaPartnerships.IntegrationTests.Costs.CostWorld;
using static AreaPartnerships.IntegrationTests.Infrastructure.Html;

namespace AreaPartnerships.IntegrationTests.Costs;

/// <summary>Journey 4: costs on a case — who sees and records them, the two ways of entering one, bad input, withdrawal, the timeline.</summary>
public sealed class CostsOnACaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Officers_of_the_area_and_a_partner_who_sees_the_issue_see_its_costs()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);

        foreach (var user in new[] { world.People.PartnershipManager, world.People.AreaManagerA, world.People.SupportOfficerA, world.People.PoliceUser })
        {
            var page = await app.ClientFor(user.Id).GetDocumentAsync(CostsUrl(issue));
            Assert.Equal($"Costs on {issue.Reference}", IssueWorld.Text(page.QuerySelector("h1")!.TextContent));
            Assert.Equal(("£0.00", "£0.00", "£0.00"), (Text(page, "quick-wins"), Text(page, "other-costs"), Text(page, "total-spent")));
            Assert.Contains("No quick-win spend names this issue", Text(page, "no-quick-wins"), StringComparison.Ordinal);
            Assert.Contains("No other costs have been recorded", Text(page, "no-costs"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Councillors_administrators_another_areas_manager_and_an_uninvolved_partner_get_not_found_for_every_page_and_post()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var police = world.People.Police.Id;
        var cost = await RecordAsync(app, app.ClientFor(world.People.AreaManagerA.Id), issue, AmountFields(police));

        // The councillor sees the issue (their ward, not confidential) but never its costs.
        foreach (var user in new[] { world.People.CouncillorA1, world.Administrator, world.People.AreaManagerB, world.People.CleansingUser })
        {
            var client = app.ClientFor(user.Id);
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, CostsUrl(issue)));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, NewUrl(issue)));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, WithdrawUrl(issue, cost.Id)));
            Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, NewUrl(issue), AmountFields(police))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, WithdrawUrl(issue, cost.Id), [new("WithdrawnReason", "Forged")])).StatusCode);
        }

        var stored = Assert.Single(await CostsAsync(app, issue.Id));
        Assert.False(stored.IsWithdrawn);
    }

    [Fact]
    public async Task A_partner_who_sees_the_issue_may_not_record_or_withdraw_and_the_page_says_who_does()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var cost = await RecordAsync(app, app.ClientFor(world.People.AreaManagerA.Id), issue, AmountFields(world.People.Police.Id));
        var partner = app.ClientFor(world.People.PoliceUser.Id);

        var page = await partner.GetDocumentAsync(CostsUrl(issue));
        Assert.Contains("Only the area's officers", Text(page, "who-records"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=record-cost]"));
        Assert.Null(page.QuerySelector("[data-testid=withdraw-link]"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(partner, NewUrl(issue)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(partner, WithdrawUrl(issue, cost.Id)));
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(partner, NewUrl(issue), AmountFields(world.People.Police.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(partner, WithdrawUrl(issue, cost.Id), [new("WithdrawnReason", "Forged")])).StatusCode);
        Assert.Single(await CostsAsync(app, issue.Id));
        Assert.False((await CostsAsync(app, issue.Id))[0].IsWithdrawn);
    }

    [Fact]
    public async Task The_area_manager_records_a_cost_from_the_unit_cost_table_and_the_timeline_says_so()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app);
        var retired = await UnitCostAsync(app, "Old figure", retired: true);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var form = await client.GetDocumentAsync(NewUrl(issue));
        var options = form.QuerySelectorAll("#UnitCostId option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains($"{unitCost.Name}: £250.00 per call-out", options);
        Assert.DoesNotContain(options, o => o.StartsWith(retired.Name, StringComparison.Ordinal));
        Assert.Equal(Id(Today.Day), form.QuerySelector("#IncurredOnDay")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#conditional-Basis"));

        var response = await client.PostFormAsync(NewUrl(issue), UnitCostFields(world.People.Police.Id, unitCost.Id, quantity: "2"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cost = Assert.Single(await CostsAsync(app, issue.Id));
        Assert.Equal((500m, (decimal?)250m, (decimal?)2m, "per call-out", unitCost.Name, OrganisationKind.Police, world.People.Police.Id, Today, world.People.AreaManagerA.Id),
            (cost.Amount, cost.UnitCostAtTime, cost.Quantity, cost.Unit, cost.Description, cost.BorneBy, cost.OrganisationId, cost.IncurredOn, cost.RecordedById));
        var page = await client.GetDocumentAsync(CostsUrl(issue));
        Assert.Equal("Cost recorded: £500.00. This issue has cost £500.00 so far.", Banner(page));
        var row = page.QuerySelector($"[data-testid=costs] tr[data-cost-id='{cost.Id}']")!;
        Assert.Equal(("2 × £250.00 per call-out", world.People.Police.Name, "£500.00"),
            (IssueWorld.Text(row.QuerySelector("[data-testid=calculation]")!.TextContent), IssueWorld.Text(row.QuerySelector("[data-testid=organisation]")!.TextContent),
                IssueWorld.Text(row.QuerySelector("[data-testid=amount]")!.TextContent)));
        Assert.Equal(("£500.00", "£500.00"), (Text(page, "other-costs"), Text(page, "total-spent")));

        var line = Assert.Single(await CostEventsAsync(app, issue.Id));
        Assert.Equal(($"Cost recorded: {unitCost.Name}, £500.00", Visibility.Confidential, (int?)world.People.AreaManagerA.Id),
            (line.Summary, line.Visibility, line.ActorId));
        Assert.Equal($"Borne by {world.People.Police.Name}. 2 × £250.00 per call-out. Incurred on {AreaPartnerships.Web.Infrastructure.UkFormat.Date(Today)}.", line.Body);
        var timeline = IssueWorld.Timeline(await client.GetDocumentAsync($"/issues/{issue.Reference}"));
        Assert.Contains(timeline, t => t.Title.Contains($"Cost recorded: {unitCost.Name}, £500.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_support_officer_records_a_free_amount_and_the_banner_counts_quick_win_spend_too()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var budget = await BudgetAsync(app, world.People.AreaA);
        await Setup.SpendDirectAsync(app, budget.Id, world.People.AreaManagerA.Id, 100m, issue.Id);
        var client = app.ClientFor(world.People.SupportOfficerA.Id);

        var cost = await RecordAsync(app, client, issue, AmountFields(world.People.Cleansing.Id, amount: "£1,250.5", description: "Clearance of the alley"));

        Assert.Equal((1_250.50m, "Clearance of the alley", (int?)null, OrganisationKind.CouncilService), (cost.Amount, cost.Description, cost.UnitCostId, cost.BorneBy));
        var page = await client.GetDocumentAsync(CostsUrl(issue));
        Assert.Equal("Cost recorded: £1,250.50. This issue has cost £1,350.50 so far.", Banner(page));
        Assert.Equal("Amount entered", Text(page, "calculation"));
        Assert.Equal("Cost recorded: Clearance of the alley, £1,250.50", Assert.Single(await CostEventsAsync(app, issue.Id)).Summary);
    }

    [Fact]
    public async Task Without_javascript_both_sets_of_fields_are_posted_and_only_the_chosen_one_is_read()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var amount = await RecordAsync(app, client, issue, [.. AmountFields(world.People.Police.Id, amount: "75"), new("UnitCostId", ""), new("Quantity", "abc")]);
        Assert.Equal((75m, (int?)null), (amount.Amount, amount.UnitCostId));

        var fromTable = await RecordAsync(app, client, issue, [.. UnitCostFields(world.People.Police.Id, unitCost.Id, quantity: "1.5"), new("Amount", "abc")]);
        Assert.Equal((375m, (int?)unitCost.Id, unitCost.Name), (fromTable.Amount, fromTable.UnitCostId, fromTable.Description));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("10001")]
    [InlineData("1e3")]
    public async Task A_bad_quantity_is_refused_on_its_field_and_nothing_typed_is_lost(string quantity)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app);

        var response = await app.ClientFor(world.People.AreaManagerA.Id).PostFormAsync(NewUrl(issue),
            UnitCostFields(world.People.Police.Id, unitCost.Id, quantity: quantity, description: "Two visits"));
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter the quantity as a number more than 0 and up to 10,000, with no more than two decimal places, like 1 or 2.5", FieldError(page, "Quantity"));
        Assert.Equal(quantity, page.QuerySelector("#Quantity")!.GetAttribute("value"));
        Assert.Equal("Two visits", page.QuerySelector("#Description")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"#UnitCostId option[value='{unitCost.Id}'][selected]"));
        Assert.NotNull(page.QuerySelector($"#OrganisationId option[value='{world.People.Police.Id}'][selected]"));
        Assert.NotNull(page.QuerySelector("input[name=Basis][value=UnitCost][checked]"));
        Assert.Empty(await CostsAsync(app, issue.Id));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1e9")]
    [InlineData("12.345")]
    [InlineData("0.00")]
    public async Task A_bad_amount_is_refused_on_its_field_and_nothing_typed_is_lost(string amount)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);

        var response = await app.ClientFor(world.People.AreaManagerA.Id).PostFormAsync(NewUrl(issue), AmountFields(world.People.Police.Id, amount: amount));
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter the amount in pounds and pence, more than £0.00, like 125.50 or £1,250", FieldError(page, "Amount"));
        Assert.Equal(amount, page.QuerySelector("#Amount")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name=Basis][value=Amount][checked]"));
        Assert.Empty(await CostsAsync(app, issue.Id));
    }

    [Fact]
    public async Task Missing_choices_a_future_date_and_a_date_that_is_not_real_are_refused_on_their_fields()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var empty = await Html.ReadAsync(await client.PostFormAsync(NewUrl(issue), [new("IncurredOnDay", ""), new("Description", "")]));
        Assert.Equal(("Select the organisation that bore the cost", "Enter a real date for when the cost was incurred, like 3 12 2026", "Choose a unit cost from the table or enter an amount"),
            (FieldError(empty, "OrganisationId"), FieldError(empty, "IncurredOnDay"), FieldError(empty, "Basis")));

        var noDescription = await Html.ReadAsync(await client.PostFormAsync(NewUrl(issue), AmountFields(world.People.Police.Id, description: " ")));
        Assert.Equal("Describe the cost, like \"Two hours of a housing officer's time\"", FieldError(noDescription, "Description"));

        var noUnitCost = await Html.ReadAsync(await client.PostFormAsync(NewUrl(issue), [.. UnitCostFields(world.People.Police.Id, 0, quantity: "").Where(f => f.Key != "UnitCostId"), new("UnitCostId", "")]));
        Assert.Equal(("Select the unit cost", "Enter the quantity"), (FieldError(noUnitCost, "UnitCostId"), FieldError(noUnitCost, "Quantity")));

        var tomorrow = Today.AddDays(1);
        var future = await client.PostFormAsync(NewUrl(issue), AmountFields(world.People.Police.Id, on: tomorrow));
        var futurePage = await Html.ReadAsync(future);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("The date the cost was incurred must be today or in the past", FieldError(futurePage, "IncurredOnDay"));
        Assert.Equal(Id(tomorrow.Day), futurePage.QuerySelector("#IncurredOnDay")!.GetAttribute("value"));
        Assert.NotNull(futurePage.QuerySelector(".govuk-error-summary a[href='#IncurredOnDay']"));

        var unreal = await Html.ReadAsync(await client.PostFormAsync(NewUrl(issue),
            [.. AmountFields(world.People.Police.Id).Where(f => !f.Key.StartsWith("IncurredOn", StringComparison.Ordinal)), new("IncurredOnDay", "31"), new("IncurredOnMonth", "2"), new("IncurredOnYear", "2026")]));
        Assert.Equal("Enter a real date for when the cost was incurred, like 3 12 2026", FieldError(unreal, "IncurredOnDay"));
        Assert.Equal("31", unreal.QuerySelector("#IncurredOnDay")!.GetAttribute("value"));
        Assert.Empty(await CostsAsync(app, issue.Id));
    }

    [Fact]
    public async Task A_retired_unit_cost_is_not_offered_and_a_cost_made_with_it_keeps_its_value_after_the_value_changes()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app);
        var officer = app.ClientFor(world.People.AreaManagerA.Id);
        var cost = await RecordAsync(app, officer, issue, UnitCostFields(world.People.Police.Id, unitCost.Id, quantity: "2"));
        var admin = app.ClientFor(world.Administrator.Id);
        var edit = $"/admin/unit-costs/{unitCost.Id}/edit";

        var changed = await IssueWorld.PostWithVersionAsync(admin, edit,
            [new("Name", unitCost.Name), new("Cost", "400"), new("Unit", "per call-out"), new("BorneBy", "Police")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(edit, [], $"/admin/unit-costs/{unitCost.Id}/retire")).StatusCode);

        var page = await officer.GetDocumentAsync(CostsUrl(issue));
        Assert.Equal("2 × £250.00 per call-out", Text(page, "calculation"));
        Assert.Equal(("£500.00", "£500.00"), (Text(page, "amount"), Text(page, "total-spent")));
        Assert.Equal(500m, Assert.Single(await CostsAsync(app, issue.Id)).Amount);

        var form = await officer.GetDocumentAsync(NewUrl(issue));
        Assert.Null(form.QuerySelector($"#UnitCostId option[value='{unitCost.Id}']"));
        var refused = await officer.PostFormAsync(NewUrl(issue), UnitCostFields(world.People.Police.Id, unitCost.Id, quantity: "1"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal($"{unitCost.Name} has been retired: choose another unit cost or enter an amount", FieldError(await Html.ReadAsync(refused), "UnitCostId"));
        Assert.Equal([cost.Id], (await CostsAsync(app, issue.Id)).Select(c => c.Id));
    }

    [Fact]
    public async Task Quick_win_spends_on_the_issue_appear_with_a_sensitive_payee_withheld_from_partners_and_the_ledger_linked_only_for_officers()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var budget = await BudgetAsync(app, world.People.AreaA);
        var skip = await Setup.SpendDirectAsync(app, budget.Id, world.People.AreaManagerA.Id, 250m, issue.Id, payee: "Acme Skips Ltd", purpose: "Skip hire");
        var person = await Setup.SpendDirectAsync(app, budget.Id, world.People.AreaManagerA.Id, 40m, issue.Id, sensitive: true, payee: "Jane Resident", purpose: "Garden tools");
        await world.ReverseAsync(app, skip);
        await Setup.SpendDirectAsync(app, budget.Id, world.People.AreaManagerA.Id, 999m, purpose: "Another issue's spend");

        var officerPage = await app.ClientFor(world.People.AreaManagerA.Id).GetDocumentAsync(CostsUrl(issue));
        var partnerPage = await app.ClientFor(world.People.PoliceUser.Id).GetDocumentAsync(CostsUrl(issue));

        foreach (var page in new[] { officerPage, partnerPage })
        {
            Assert.Equal(3, page.QuerySelectorAll("[data-testid=quick-win-spends] tbody tr").Length);
            Assert.Equal(("£40.00", "£40.00", "£40.00"), (Text(page, "quick-wins"), Text(page, "quick-wins-net"), Text(page, "total-spent")));
            var kinds = page.QuerySelectorAll("[data-testid=quick-win-spends] [data-testid=kind]").Select(k => k.TextContent.Trim()).ToList();
            Assert.Contains("Reversal", kinds);
        }

        Assert.Equal("Jane Resident", IssueWorld.Text(officerPage.QuerySelector($"tr[data-spend-id='{person.Id}'] [data-testid=payee]")!.TextContent));
        Assert.Equal("Withheld", IssueWorld.Text(partnerPage.QuerySelector($"tr[data-spend-id='{person.Id}'] [data-testid=payee]")!.TextContent));
        Assert.DoesNotContain("Jane Resident", partnerPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Acme Skips Ltd", IssueWorld.Text(partnerPage.QuerySelector($"tr[data-spend-id='{skip.Id}'] [data-testid=payee]")!.TextContent));
        Assert.NotNull(officerPage.QuerySelector($"[data-testid=ledger-link][href='/budgets/{budget.Id}']"));
        Assert.Null(partnerPage.QuerySelector("[data-testid=ledger-link]"));
    }

    [Fact]
    public async Task A_cost_is_withdrawn_with_a_reason_stops_counting_stays_on_the_record_and_withdrawing_twice_says_so()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var kept = await RecordAsync(app, client, issue, AmountFields(world.People.Police.Id, amount: "30", description: "Phone calls"));
        var cost = await RecordAsync(app, client, issue, AmountFields(world.People.Police.Id, amount: "64", description: "Entered twice"));

        var noReason = await client.PostFormAsync(WithdrawUrl(issue, cost.Id), [new("WithdrawnReason", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Say why the cost is withdrawn, like \"Entered twice\"", FieldError(await Html.ReadAsync(noReason), "WithdrawnReason"));

        var response = await client.PostFormAsync(WithdrawUrl(issue, cost.Id), [new("WithdrawnReason", "Recorded twice by mistake")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await CostsAsync(app, issue.Id)).Single(c => c.Id == cost.Id);
        Assert.Equal(("Recorded twice by mistake", (int?)world.People.AreaManagerA.Id, true), (stored.WithdrawnReason, stored.WithdrawnById, stored.IsWithdrawn));
        var page = await client.GetDocumentAsync(CostsUrl(issue));
        Assert.Equal("Cost withdrawn: £64.00. This issue has cost £30.00 so far.", Banner(page));
        Assert.Equal(("£30.00", "£30.00"), (Text(page, "other-costs"), Text(page, "total-spent")));
        Assert.Null(page.QuerySelector($"[data-testid=costs] tr[data-cost-id='{cost.Id}']"));
        Assert.NotNull(page.QuerySelector($"[data-testid=costs] tr[data-cost-id='{kept.Id}']"));
        var withdrawn = page.QuerySelector($"[data-testid=withdrawn-costs] tr[data-cost-id='{cost.Id}'] [data-testid=withdrawn]")!;
        Assert.Contains("Withdrawn Recorded twice by mistake", IssueWorld.Text(withdrawn.TextContent), StringComparison.Ordinal);

        var confirm = await client.GetDocumentAsync(WithdrawUrl(issue, cost.Id));
        Assert.Contains("This cost was withdrawn by", Text(confirm, "already-withdrawn"), StringComparison.Ordinal);
        Assert.Null(confirm.QuerySelector("#WithdrawnReason"));
        var twice = await client.PostFormAsync(WithdrawUrl(issue, kept.Id), [new("WithdrawnReason", "Again")], WithdrawUrl(issue, cost.Id));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("This cost has already been withdrawn: nothing has been changed", Html.ErrorSummary(await Html.ReadAsync(twice)));
        Assert.Equal("Recorded twice by mistake", (await CostsAsync(app, issue.Id)).Single(c => c.Id == cost.Id).WithdrawnReason);

        var lines = await CostEventsAsync(app, issue.Id);
        Assert.Equal(["Cost recorded: Phone calls, £30.00", "Cost recorded: Entered twice, £64.00", "Cost withdrawn: Entered twice, £64.00"], lines.Select(l => l.Summary));
        Assert.Equal("Recorded twice by mistake", lines[^1].Body);
    }

    [Fact]
    public async Task A_cost_on_another_issue_is_not_found_through_this_ones_address()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var other = await world.IssueAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var cost = await RecordAsync(app, client, other, AmountFields(world.People.Police.Id));

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, WithdrawUrl(issue, cost.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, WithdrawUrl(issue, cost.Id), [new("WithdrawnReason", "Wrong issue")])).StatusCode);
        Assert.False(Assert.Single(await CostsAsync(app, other.Id)).IsWithdrawn);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, "/issues/AP-1999-99999/costs"));
    }
}
