using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.IntegrationTests.Issues;
using static AreaPartnerships.IntegrationTests.Estimates.EstimateWorld;
using static AreaPartnerships.IntegrationTests.Infrastructure.Html;

namespace AreaPartnerships.IntegrationTests.Estimates;

/// <summary>Journey 5: an issue's cost-avoidance estimate, per role, with its arithmetic, bad input, removal, the version conflict and the issue page's panel.</summary>
public sealed class EstimateTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_area_manager_makes_an_estimate_line_by_line_and_the_page_shows_the_arithmetic()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var care = await UnitCostAsync(app, 259_000m);
        var latePath = await UnitCostAsync(app, 26_197m, "Late path of a comparable family", "per family");
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var empty = await client.GetDocumentAsync(Url(issue));
        Assert.Contains("There is no estimate for this issue yet", Cell(empty, "[data-testid=no-estimate]"), StringComparison.Ordinal);
        Assert.Contains("A child in care for a year × 1 × 10%", Cell(empty, "[data-testid=no-estimate]"), StringComparison.Ordinal);
        Assert.Contains($"{care.Name}: £259,000.00 per child per year (Council service)", empty.QuerySelectorAll("#UnitCostId option").Select(o => o.TextContent));

        Assert.Equal($"Line added: {care.Name} × 1 × 10% = £25,900.00. Estimated avoided: £25,900.00.", await AddLineAsync(client, issue, care.Id, "1", "10%"));
        Assert.Equal($"Line added: {latePath.Name} × 1 × 100% = £26,197.00. Estimated avoided: £52,097.00.", await AddLineAsync(client, issue, latePath.Id, "1", "100", "The comparable family's path"));

        var page = await client.GetDocumentAsync(Url(issue));
        var row = page.QuerySelector($"[data-testid=lines] tr[data-line-id]")!;
        Assert.Equal([care.Name, "£259,000.00", "1", "10%", "Council service", "£25,900.00"],
            new[] { "name", "unit-cost", "quantity", "chance", "agency", "amount" }.Select(c => IssueWorld.Text(row.QuerySelector($"[data-testid={c}]")!.TextContent)));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=lines] [data-testid=remove]").Length);
        Assert.StartsWith("£52,097.00", Cell(page, "dd[data-testid=avoided]"), StringComparison.Ordinal);
        Assert.Contains("Low confidence", Cell(page, "dd[data-testid=avoided]"), StringComparison.Ordinal);
        Assert.Equal("£52,097.00", Cell(page, "dd[data-testid=difference]"));

        var stored = (await StoredAsync(app, issue.Id))!;
        Assert.Equal((52_097m, EstimateConfidence.Low, 2), (stored.Avoided, stored.Confidence, stored.Lines.Count));
        Assert.Equal((259_000m, 1m, 0.1m, 25_900m, OrganisationKind.CouncilService), (stored.Lines[0].UnitCostAtTime, stored.Lines[0].Quantity, stored.Lines[0].Probability, stored.Lines[0].Amount, stored.Lines[0].BorneBy));
    }

    [Theory]
    [InlineData("2.5", "12.5%", "1000", "£312.50")]
    [InlineData("1", "1 in 3", "100", "£33.33")]
    [InlineData("1", "10", "0.05", "£0.01")]
    [InlineData("3", "0.5%", "0.99", "£0.01")]
    public async Task Amounts_are_unit_cost_times_quantity_times_chance_to_the_penny_half_away_from_zero(string quantity, string chance, string cost, string amount)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app, decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture), "Police call-out", "per call-out", OrganisationKind.Police);

        var banner = await AddLineAsync(app.ClientFor(world.People.AreaManagerA.Id), issue, unitCost.Id, quantity, chance);

        Assert.EndsWith($"= {amount}. Estimated avoided: {amount}.", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_officers_and_the_partnership_manager_may_change_it_and_another_areas_manager_gets_not_found()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app, 100m);

        await AddLineAsync(app.ClientFor(world.People.SupportOfficerA.Id), issue, unitCost.Id);
        await AddLineAsync(app.ClientFor(world.People.PartnershipManager.Id), issue, unitCost.Id);

        var other = app.ClientFor(world.People.AreaManagerB.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(Url(issue), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(other, LinesUrl(issue), LineFields(unitCost.Id))).StatusCode);
        Assert.Equal(20m, (await StoredAsync(app, issue.Id))!.Avoided);
    }

    [Fact]
    public async Task A_partner_who_sees_the_issue_reads_the_estimate_but_may_not_change_it()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app, 100m);
        await AddLineAsync(app.ClientFor(world.People.AreaManagerA.Id), issue, unitCost.Id);
        var lineId = (await StoredAsync(app, issue.Id))!.Lines[0].Id;
        var police = app.ClientFor(world.People.PoliceUser.Id);

        var page = await police.GetDocumentAsync(Url(issue));

        Assert.Equal("£10.00", Cell(page, "[data-testid=lines] [data-testid=amount]"));
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Contains("Only the area's officers", Cell(page, "[data-testid=who-changes]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(police, LinesUrl(issue), LineFields(unitCost.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(police, RemoveUrl(issue, lineId), [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForgePostAsync(police, Url(issue), [new("Confidence", "High"), new("Version", Guid.Empty.ToString())])).StatusCode);
        Assert.Equal(10m, (await StoredAsync(app, issue.Id))!.Avoided);
    }

    [Fact]
    public async Task A_partner_who_cannot_see_the_issue_councillors_and_the_administrator_get_not_found_and_councillors_no_panel()
    {
        var world = await CreateAsync(app);
        var issue = await world.People.IssueAsync(app, world.People.AtLevel2);
        var unitCost = await UnitCostAsync(app, 100m);

        foreach (var user in new[] { world.People.CleansingUser, world.People.CouncillorA1, world.Administrator })
        {
            var client = app.ClientFor(user.Id);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(Url(issue), UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ForgePostAsync(client, LinesUrl(issue), LineFields(unitCost.Id))).StatusCode);
        }

        var councillorPage = await app.ClientFor(world.People.CouncillorA1.Id).GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Null(councillorPage.QuerySelector("[data-testid=value-panel]"));
        Assert.Null(await StoredAsync(app, issue.Id));
    }

    [Theory]
    [InlineData("abc", "Chance", "Enter the chance as a percentage more than 0 and up to 100, like 10%, or as \"1 in 10\"")]
    [InlineData("0", "Chance", "Enter the chance as a percentage more than 0 and up to 100, like 10%, or as \"1 in 10\"")]
    [InlineData("101%", "Chance", "Enter the chance as a percentage more than 0 and up to 100, like 10%, or as \"1 in 10\"")]
    [InlineData("12.555", "Chance", "Enter the chance as a percentage more than 0 and up to 100, like 10%, or as \"1 in 10\"")]
    [InlineData("1 in 0", "Chance", "Enter the chance as a percentage more than 0 and up to 100, like 10%, or as \"1 in 10\"")]
    [InlineData("", "Chance", "Enter the chance it would have happened, like 10%")]
    public async Task A_chance_that_cannot_be_read_is_refused_on_the_field_and_nothing_typed_is_lost(string chance, string field, string message)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app, 100m);

        var response = await app.ClientFor(world.People.AreaManagerA.Id).PostFormAsync(Url(issue), LineFields(unitCost.Id, "2.5", chance, "Kept note"), LinesUrl(issue));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(message, FieldError(page, field));
        Assert.Equal([message], Html.ErrorSummary(page));
        Assert.Equal(chance, page.QuerySelector("#Chance")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal("2.5", page.QuerySelector("#Quantity")!.GetAttribute("value"));
        Assert.Equal("Kept note", page.QuerySelector("#Note")!.TextContent.Trim());
        Assert.Equal(IssueWorld.Id(unitCost.Id), page.QuerySelector("#UnitCostId option[selected]")!.GetAttribute("value"));
        Assert.Null(await StoredAsync(app, issue.Id));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("1e3")]
    [InlineData("10001")]
    public async Task A_quantity_that_cannot_be_read_is_refused_on_the_field_and_kept(string quantity)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app, 100m);

        var response = await app.ClientFor(world.People.AreaManagerA.Id).PostFormAsync(Url(issue), LineFields(unitCost.Id, quantity, "10%"), LinesUrl(issue));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Enter the quantity as a number more than 0, like 1 or 2.5", FieldError(page, "Quantity"));
        Assert.Equal(quantity, page.QuerySelector("#Quantity")!.GetAttribute("value"));
        Assert.Equal("10%", page.QuerySelector("#Chance")!.GetAttribute("value"));
        Assert.Null(await StoredAsync(app, issue.Id));
    }

    [Fact]
    public async Task A_retired_unit_cost_is_refused_on_the_field_and_not_offered()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var retired = await UnitCostAsync(app, 100m, "Old call-out", retired: true);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        Assert.DoesNotContain((await client.GetDocumentAsync(Url(issue))).QuerySelectorAll("#UnitCostId option"), o => o.GetAttribute("value") == IssueWorld.Id(retired.Id));
        var response = await client.PostFormAsync(Url(issue), LineFields(retired.Id), LinesUrl(issue));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{retired.Name} has been retired: choose another unit cost", FieldError(await Html.ReadAsync(response), "UnitCostId"));
        Assert.Null(await StoredAsync(app, issue.Id));
    }

    [Fact]
    public async Task Changing_the_unit_costs_value_afterwards_does_not_change_the_line()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var care = await UnitCostAsync(app, 259_000m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        await AddLineAsync(client, issue, care.Id);

        await ChangeValueAsync(app, care.Id, 300_000m);

        var page = await client.GetDocumentAsync(Url(issue));
        Assert.Equal("£259,000.00", Cell(page, "[data-testid=lines] [data-testid=unit-cost]"));
        Assert.Equal("£25,900.00", Cell(page, "[data-testid=lines] [data-testid=amount]"));
        Assert.Equal(25_900m, (await StoredAsync(app, issue.Id))!.Avoided);
    }

    [Fact]
    public async Task A_line_taken_out_stops_counting_stays_on_the_record_and_goes_on_the_timeline()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var care = await UnitCostAsync(app, 259_000m);
        var callOut = await UnitCostAsync(app, 500m, "Police call-out", "per call-out", OrganisationKind.Police);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        await AddLineAsync(client, issue, care.Id);
        await AddLineAsync(client, issue, callOut.Id, "2", "50%");
        var lineId = (await StoredAsync(app, issue.Id))!.Lines.Single(l => l.UnitCostId == callOut.Id).Id;

        var response = await client.PostFormAsync(Url(issue), [], RemoveUrl(issue, lineId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(Url(issue));
        Assert.Equal($"Line taken out: {callOut.Name} × 2 × 50% = £500.00. Estimated avoided: £25,900.00.", Banner(page));
        Assert.Single(page.QuerySelectorAll("[data-testid=lines] tbody tr"));
        Assert.Contains($"{callOut.Name} × 2 × 50% = £500.00 (Police), added by {world.People.AreaManagerA.DisplayName}", Cell(page, "[data-testid=removed]"), StringComparison.Ordinal);
        Assert.Contains($"taken out by {world.People.AreaManagerA.DisplayName}", Cell(page, "[data-testid=removed]"), StringComparison.Ordinal);
        var stored = (await StoredAsync(app, issue.Id))!;
        Assert.Equal((25_900m, 2), (stored.Avoided, stored.Lines.Count));
        Assert.NotNull(stored.Lines.Single(l => l.Id == lineId).RemovedAt);

        // Taking it out again: it is already out, and nothing changes.
        var again = await client.PostFormAsync(Url(issue), [], RemoveUrl(issue, lineId));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["That line has already been removed"], Html.ErrorSummary(await Html.ReadAsync(again)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(Url(issue), [], RemoveUrl(issue, lineId + 1000))).StatusCode);
        Assert.Equal(25_900m, (await StoredAsync(app, issue.Id))!.Avoided);

        var timeline = IssueWorld.Timeline(await client.GetDocumentAsync($"/issues/{issue.Reference}"));
        Assert.Equal($"Estimate line taken out: {callOut.Name} × 2 × 50% = £500.00 Confidential", timeline[0].Title);
        Assert.Equal($"Estimate line added: {callOut.Name} × 2 × 50% = £500.00 Confidential", timeline[1].Title);
        Assert.Contains("Estimated avoided: £26,400.00.", timeline[1].Description, StringComparison.Ordinal);
        Assert.Equal($"Estimate line added: {care.Name} × 1 × 10% = £25,900.00 Confidential", timeline[2].Title);
    }

    [Fact]
    public async Task Lines_added_at_the_same_moment_are_all_kept_and_the_total_counts_each_once()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var unitCost = await UnitCostAsync(app, 1_000m);
        var clients = new[] { world.People.AreaManagerA, world.People.SupportOfficerA, world.People.PartnershipManager }.Select(u => app.ClientFor(u.Id)).ToList();

        // The first change makes the estimate: three people making it at once all add to the one estimate.
        var first = await Task.WhenAll(clients.Select(c => c.PostFormAsync(Url(issue), LineFields(unitCost.Id, chance: "10%"), LinesUrl(issue))));
        var second = await Task.WhenAll(clients.Select(c => c.PostFormAsync(Url(issue), LineFields(unitCost.Id, chance: "20%"), LinesUrl(issue))));

        Assert.All(first.Concat(second), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var stored = (await StoredAsync(app, issue.Id))!;
        Assert.Equal((6, 900m), (stored.Lines.Count, stored.Avoided));
        Assert.Equal(6, (await IssueWorld.EventsAsync(app, issue.Id)).Count(e => e.Kind == IssueEventKind.CostEstimateRecorded));
    }

    [Fact]
    public async Task The_method_and_confidence_are_saved_with_a_timeline_entry()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var care = await UnitCostAsync(app, 259_000m);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        await AddLineAsync(client, issue, care.Id);

        var response = await IssueWorld.PostWithVersionAsync(client, Url(issue), [new("Method", "Barnet's comparable family"), new("Confidence", "Medium")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(Url(issue));
        Assert.Equal("Estimate confidence set to medium", Banner(page));
        Assert.Contains("Medium confidence", Cell(page, "[data-testid=confidence]"), StringComparison.Ordinal);
        Assert.Contains("comparable case", Cell(page, "[data-testid=confidence]"), StringComparison.Ordinal);
        Assert.Contains("Barnet's comparable family", Cell(page, "[data-testid=method]"), StringComparison.Ordinal);
        Assert.True(page.QuerySelector("input[name=Confidence][value=Medium]")!.HasAttribute("checked"));
        var stored = (await StoredAsync(app, issue.Id))!;
        Assert.Equal(("Barnet's comparable family", EstimateConfidence.Medium), (stored.Method, stored.Confidence));
        var entry = IssueWorld.Timeline(await client.GetDocumentAsync($"/issues/{issue.Reference}"))[0];
        Assert.Equal(("Estimate confidence set to medium Confidential", "Barnet's comparable family"), (entry.Title, entry.Description));
        var events = await IssueWorld.EventsAsync(app, issue.Id);
        Assert.All(events.Where(e => e.Kind == IssueEventKind.CostEstimateRecorded), e => Assert.Equal(Visibility.Confidential, e.Visibility));
    }

    [Fact]
    public async Task Setting_the_method_first_makes_the_estimate_and_saving_it_unchanged_records_nothing()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var unchanged = await IssueWorld.PostWithVersionAsync(client, Url(issue), [new("Method", " "), new("Confidence", "Low")]);
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        Assert.Equal("Nothing has changed: the method and confidence are as they were", Banner(await client.GetDocumentAsync(Url(issue))));
        Assert.Null(await StoredAsync(app, issue.Id));

        var response = await IssueWorld.PostWithVersionAsync(client, Url(issue), [new("Method", "Published unit costs"), new("Confidence", "High")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await StoredAsync(app, issue.Id))!;
        Assert.Equal(("Published unit costs", EstimateConfidence.High, 0m), (stored.Method, stored.Confidence, stored.Avoided));
        Assert.Single(await IssueWorld.EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.CostEstimateRecorded);

        var missing = await client.PostFormAsync(Url(issue), [new("Method", "x"), new("Confidence", "Sure")]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("Choose how confident the estimate is: low, medium or high", FieldError(await Html.ReadAsync(missing), "Confidence"));
    }

    [Fact]
    public async Task A_concurrent_change_to_the_method_and_confidence_is_refused_with_what_it_now_says_and_nothing_typed_is_lost()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var care = await UnitCostAsync(app, 259_000m);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        await AddLineAsync(manager, issue, care.Id);
        var read = IssueWorld.VersionOn(await manager.GetDocumentAsync(Url(issue)));

        var other = await IssueWorld.PostWithVersionAsync(app.ClientFor(world.People.PartnershipManager.Id), Url(issue), [new("Method", "Their method"), new("Confidence", "High")]);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        var response = await manager.PostFormAsync(Url(issue), [new("Method", "My method"), new("Confidence", "Medium"), new("Version", read)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        var message = Assert.Single(Html.ErrorSummary(page));
        Assert.Contains($"{world.People.PartnershipManager.DisplayName} changed this estimate", message, StringComparison.Ordinal);
        Assert.Contains("It now reads: confidence high; method “Their method”; estimated avoided £25,900.00", message, StringComparison.Ordinal);
        Assert.Equal("My method", page.QuerySelector("#Method")!.TextContent.Trim());
        Assert.True(page.QuerySelector("input[name=Confidence][value=Medium]")!.HasAttribute("checked"));
        var stored = (await StoredAsync(app, issue.Id))!;
        Assert.Equal(("Their method", EstimateConfidence.High), (stored.Method, stored.Confidence));

        // Saving again, deliberately, from the refreshed version replaces theirs.
        Assert.Equal(stored.Version.ToString(), page.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        var again = await manager.PostFormAsync(Url(issue), [new("Method", "My method"), new("Confidence", "Medium"), new("Version", stored.Version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(EstimateConfidence.Medium, (await StoredAsync(app, issue.Id))!.Confidence);
    }

    [Fact]
    public async Task The_issue_page_shows_spent_avoided_and_the_difference_by_agency_with_the_council_first()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var care = await UnitCostAsync(app, 259_000m);
        var callOut = await UnitCostAsync(app, 500m, "Police call-out", "per call-out", OrganisationKind.Police);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        var before = await manager.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Equal("No costs or estimate recorded yet.", Cell(before, "[data-testid=no-value]"));
        Assert.Equal("Make an estimate", Cell(before, "[data-testid=estimate-link]"));

        await world.QuickWinAsync(app, issue.Id, 347m);
        await world.OtherCostAsync(app, issue.Id, world.People.Police, 100m);
        await AddLineAsync(manager, issue, care.Id);
        await AddLineAsync(manager, issue, callOut.Id, "2", "50%");

        foreach (var user in new[] { world.People.AreaManagerA, world.People.PoliceUser })
        {
            var page = await app.ClientFor(user.Id).GetDocumentAsync($"/issues/{issue.Reference}");
            Assert.Equal("£447.00", Cell(page, "[data-testid=value-panel] dd[data-testid=spent]"));
            Assert.Equal("£26,400.00 Low confidence", Cell(page, "[data-testid=value-panel] dd[data-testid=avoided]"));
            Assert.Equal("£25,953.00", Cell(page, "[data-testid=value-panel] dd[data-testid=difference]"));
            Assert.Equal(
                [["Council service", "£347.00", "£25,900.00", "£25,553.00"], ["Police", "£100.00", "£500.00", "£400.00"]],
                AgencyRows(page, "value-by-agency"));
            Assert.Equal("View the estimate", Cell(page, "[data-testid=estimate-link]"));
            Assert.Equal($"/issues/{issue.Reference}/costs", page.QuerySelector("[data-testid=costs-link]")!.GetAttribute("href"));
        }

        var estimate = await manager.GetDocumentAsync(Url(issue));
        Assert.Equal([["Council service", "£347.00", "£25,900.00", "£25,553.00"], ["Police", "£100.00", "£500.00", "£400.00"]], AgencyRows(estimate, "by-agency"));
        Assert.Equal("£25,900.00 (98.1%)", Cell(estimate, "[data-testid=council-share]"));
        Assert.Equal("£500.00 (1.9%)", Cell(estimate, "[data-testid=partners-share]"));
        Assert.StartsWith("£447.00", Cell(estimate, "dd[data-testid=spent]"), StringComparison.Ordinal);
    }
}
