using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Web.Features.ValueForMoney;
using Microsoft.Extensions.DependencyInjection;
using static AreaPartnerships.IntegrationTests.ValueForMoney.ValueWorld;

namespace AreaPartnerships.IntegrationTests.ValueForMoney;

/// <summary>The value-for-money report over the standard case in <see cref="ValueWorld"/> (2024/25).</summary>
public sealed class ValueForMoneyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_headline_adds_spends_net_of_reversals_and_costs_in_the_period_and_medium_or_high_estimates()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.People.PartnershipManager.Id).GetDocumentAsync("/value-for-money?" + Period(w.AreaA));

        // 347 + 100 (no issue) + 300 − 300 + 400 − 150 + 200 (31 March); not 75 or 999 (1 April), not the withdrawn 50.
        Assert.Equal("£897.00", Cell(page, "[data-testid=total-spent]"));
        // 3,000 + 7,000 + 500: not the removed line, the low estimate, or the estimate made on 1 April.
        Assert.Equal("£10,500.00", Cell(page, "[data-testid=total-avoided]"));
        Assert.Equal("£11.71 avoided for every £1 spent", Cell(page, "[data-testid=ratio]"));
        Assert.StartsWith("2 issues", Cell(page, "[data-testid=total-issues]"), StringComparison.Ordinal);
        Assert.Equal("Not in the totals: low-confidence estimates £1,000.00 on 1 issue", Cell(page, "[data-testid=low-confidence]"));
        Assert.Equal("1 April 2024 to 31 March 2025", Cell(page, "[data-testid=period]"));
    }

    [Fact]
    public async Task The_headline_the_dashboard_reads_equals_the_reports_for_every_area_one_area_and_another_year()
    {
        var w = await CreateAsync(app);
        var filters = new ValueForMoneyReport.Filter[]
        {
            new(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31), [w.AreaA]),
            new(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31), [w.AreaB]),
            new(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31), [w.AreaA, w.AreaB]),
            new(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31), null),
            new(new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31), null),
            new(new DateOnly(2024, 10, 1), new DateOnly(2025, 4, 30), [w.AreaA]),
        };

        await using var scope = app.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ValueForMoneyReport.Handler>();
        foreach (var filter in filters)
        {
            var report = await handler.ReportAsync(filter, CancellationToken.None);
            var headline = await handler.HeadlineAsync(filter, CancellationToken.None);
            Assert.Equal((report.Total.Spent, report.Total.Avoided, report.LowConfidence.Avoided, report.Total.Ratio),
                (headline.Spent, headline.Avoided, headline.LowConfidenceAvoided, headline.Ratio));
            Assert.Equal(report.Shares, headline.Shares);
        }

        // The standard case, by hand: £897.00 spent and £10,500.00 avoided in area A in 2024/25, £1,000.00 at low confidence.
        var a = await handler.HeadlineAsync(filters[0], CancellationToken.None);
        Assert.Equal((897m, 10_500m, 1_000m), (a.Spent, a.Avoided, a.LowConfidenceAvoided));
    }

    [Fact]
    public async Task Breakdowns_by_level_theme_and_agency_and_the_council_and_partner_shares()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.People.PartnershipManager.Id).GetDocumentAsync("/value-for-money?" + Period(w.AreaA));

        Assert.Equal(("£347.00", "£10,000.00", "£28.82", "1"), Row(page, "by-level", "2"));
        Assert.Equal(("£450.00", "£500.00", "£1.11", "1"), Row(page, "by-level", "untriaged"));
        Assert.Equal(("£0.00", "£0.00", "No spend", "0"), Row(page, "by-level", "3"));
        Assert.Equal(("£100.00", "£0.00", "£0.00", "Not an issue"), Row(page, "by-level", "none"));
        Assert.Equal(("£347.00", "£10,000.00", "£28.82", "1"), Row(page, "by-theme", "ChildrenAndFamilies"));
        Assert.Equal(("£450.00", "£500.00", "£1.11", "1"), Row(page, "by-theme", "Housing"));
        Assert.Equal(("£697.00", "£3,000.00", "£4.30", "2"), Row(page, "by-agency", "CouncilService"));
        Assert.Equal(("£200.00", "£7,000.00", "£35.00", "2"), Row(page, "by-agency", "Police"));
        Assert.Equal(("£0.00", "£500.00", "No spend", "1"), Row(page, "by-agency", "Health"));
        Assert.Equal("£3,000.00", Cell(page, "[data-testid=shares] tr[data-row=Council] [data-testid=avoided]"));
        Assert.Equal("28.6%", Cell(page, "[data-testid=shares] tr[data-row=Council] [data-testid=share]"));
        Assert.Equal("£7,500.00", Cell(page, "[data-testid=shares] tr[data-row=Partners] [data-testid=avoided]"));
        Assert.Equal("71.4%", Cell(page, "[data-testid=shares] tr[data-row=Partners] [data-testid=share]"));
    }

    [Fact]
    public async Task The_period_boundary_counts_31_March_in_one_year_and_1_April_in_the_next()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.People.PartnershipManager.Id);

        var next = await client.GetDocumentAsync($"/value-for-money?from=2025-04-01&to=2026-03-31&areaId={Id(w.AreaA)}");
        var lastDay = await client.GetDocumentAsync($"/value-for-money?FromDay=31&FromMonth=3&FromYear=2025&ToDay=31&ToMonth=3&ToYear=2025&areaId={Id(w.AreaA)}");

        // 75 (spend) + 999 (police cost) on 1 April; the £9,999.00 estimate made that day.
        Assert.Equal("£1,074.00", Cell(next, "[data-testid=total-spent]"));
        Assert.Equal("£9,999.00", Cell(next, "[data-testid=total-avoided]"));
        Assert.Equal("£200.00", Cell(lastDay, "[data-testid=total-spent]"));
        Assert.Equal("£0.00", Cell(lastDay, "[data-testid=total-avoided]"));
    }

    [Fact]
    public async Task No_spend_in_the_period_says_so_instead_of_a_ratio_and_an_empty_period_says_nothing_happened()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.People.PartnershipManager.Id);

        var july = await client.GetDocumentAsync($"/value-for-money?from=2024-07-01&to=2024-07-01&areaId={Id(w.AreaA)}");
        var empty = await client.GetDocumentAsync($"/value-for-money?from=2020-04-01&to=2021-03-31&areaId={Id(w.AreaA)}");

        Assert.Equal("£10,000.00", Cell(july, "[data-testid=total-avoided]"));
        Assert.Equal("No spend in this period", Cell(july, "[data-testid=ratio]"));
        Assert.NotNull(empty.QuerySelector("[data-testid=empty]"));
        Assert.Null(empty.QuerySelector("[data-testid=headline]"));
    }

    [Theory]
    [InlineData("FromDay=31&FromMonth=2&FromYear=2025", "FromDay", "Enter the start of the period as a real date, for example 1 4 2026")]
    [InlineData("from=2025-03-31&to=2024-04-01", "ToDay", "The end of the period must be the same as or after the start")]
    [InlineData("from=yesterday", "FromDay", "Enter the start of the period as a real date, for example 1 4 2026")]
    public async Task A_bad_or_reversed_period_is_refused_on_the_field_keeping_what_was_typed(string query, string field, string message)
    {
        var w = await CreateAsync(app);

        var response = await app.ClientFor(w.People.PartnershipManager.Id).GetAsync(new Uri("/value-for-money?" + query, UriKind.Relative));
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.ErrorSummary(page));
        Assert.Contains(message, Cell(page, $"#{field}-error"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=headline]"));
        if (query.StartsWith("FromDay", StringComparison.Ordinal))
        {
            Assert.Equal("31", page.QuerySelector("#FromDay")!.GetAttribute("value"));
            Assert.Equal("2", page.QuerySelector("#FromMonth")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task The_default_period_is_this_financial_year_with_links_to_this_and_last()
    {
        var w = await CreateAsync(app);
        var year = Domain.Common.FinancialYear.Containing(Today);

        var page = await app.ClientFor(w.People.AreaManagerA.Id).GetDocumentAsync("/value-for-money");

        Assert.Equal($"{Web.Infrastructure.UkFormat.Date(year.Starts)} to {Web.Infrastructure.UkFormat.Date(year.Ends)}", Cell(page, "[data-testid=period]"));
        Assert.Equal("1", page.QuerySelector("#FromDay")!.GetAttribute("value"));
        Assert.Equal("4", page.QuerySelector("#FromMonth")!.GetAttribute("value"));
        Assert.Contains($"from={year.StartYear - 1}-04-01&to={year.StartYear}-03-31", page.QuerySelector("[data-testid=last-year]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_area_manager_sees_only_their_areas_and_a_forged_area_shows_nothing_of_it()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.People.AreaManagerA.Id);

        var own = await client.GetDocumentAsync("/value-for-money?" + Period());
        var forged = await client.GetDocumentAsync("/value-for-money?" + Period(w.AreaB));
        var issues = await client.GetDocumentAsync("/value-for-money/issues?" + Period(w.AreaB));
        var csv = await CsvLinesAsync(await client.GetAsync(new Uri("/value-for-money.csv?" + Period(w.AreaB), UriKind.Relative)));

        Assert.Equal("£897.00", Cell(own, "[data-testid=total-spent]"));
        Assert.Equal("£897.00", Cell(forged, "[data-testid=total-spent]"));
        Assert.Equal("£10,500.00", Cell(forged, "[data-testid=total-avoided]"));
        Assert.Null(forged.QuerySelector($"#AreaId-{w.AreaB}"));
        Assert.Null(issues.QuerySelector($"tr[data-reference='{w.Issue4.Reference}']"));
        Assert.NotNull(issues.QuerySelector($"tr[data-reference='{w.Issue1.Reference}']"));
        Assert.StartsWith("2024-04-01,2025-03-31,Total,All issues,897.00,10500.00,11.71,2,", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partnership_manager_sees_every_area_and_may_choose_some()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.People.PartnershipManager.Id);

        var both = await client.GetDocumentAsync("/value-for-money?" + Period(w.AreaA, w.AreaB));
        var justB = await client.GetDocumentAsync("/value-for-money?" + Period(w.AreaB));

        Assert.Equal("£5,897.00", Cell(both, "[data-testid=total-spent]"));
        Assert.Equal("£60,500.00", Cell(both, "[data-testid=total-avoided]"));
        Assert.Equal("£5,000.00", Cell(justB, "[data-testid=total-spent]"));
        Assert.Equal("£50,000.00", Cell(justB, "[data-testid=total-avoided]"));
        Assert.Equal("checked", both.QuerySelector($"#AreaId-{w.AreaB}")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task A_support_officer_sees_their_areas()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.People.SupportOfficerA.Id).GetDocumentAsync("/value-for-money?" + Period());

        Assert.Equal("£897.00", Cell(page, "[data-testid=total-spent]"));
    }

    [Theory]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    [InlineData(Roles.Administrator)]
    public async Task Councillors_partners_and_administrators_are_not_shown_the_report_or_its_exports(string role)
    {
        var w = await EmptyAsync(app);
        var client = app.ClientFor(w.User(role).Id);

        foreach (var url in new[] { "/value-for-money", "/value-for-money.csv", "/value-for-money/issues", "/value-for-money/issues.csv" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} returned {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Each_figure_links_to_the_issues_behind_it()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.People.PartnershipManager.Id);
        var report = await client.GetDocumentAsync("/value-for-money?" + Period(w.AreaA));
        var policeLink = report.QuerySelector("[data-testid=by-agency] tr[data-row=Police] th a")!.GetAttribute("href")!;

        var police = await client.GetDocumentAsync(policeLink);
        var level2 = await client.GetDocumentAsync("/value-for-money/issues?" + Period(w.AreaA) + "&level=2");
        var low = await client.GetDocumentAsync(report.QuerySelector("[data-testid=low-confidence] a")!.GetAttribute("href")!);
        var all = await client.GetDocumentAsync("/value-for-money/issues?" + Period(w.AreaA));

        Assert.Contains("agency=Police", policeLink, StringComparison.Ordinal);
        Assert.Equal([w.Issue1.Reference, w.Issue2.Reference], References(police));
        Assert.Equal("£0.00", Cell(police, $"tr[data-reference='{w.Issue1.Reference}'] [data-testid=spent]"));
        Assert.Equal("£7,000.00", Cell(police, $"tr[data-reference='{w.Issue1.Reference}'] [data-testid=avoided]"));
        Assert.Equal("£200.00", Cell(police, $"tr[data-reference='{w.Issue2.Reference}'] [data-testid=spent]"));
        Assert.Equal([w.Issue1.Reference], References(level2));
        Assert.Equal("£347.00", Cell(level2, "[data-testid=spent]"));
        Assert.Equal("£10,000.00", Cell(level2, "[data-testid=avoided]"));
        Assert.Equal("High confidence", Cell(level2, "[data-testid=confidence]"));
        Assert.Equal([w.Issue3.Reference], References(low));
        Assert.Equal("£1,000.00", Cell(low, "[data-testid=avoided]"));
        Assert.Equal("Low confidence", Cell(low, "[data-testid=confidence]"));
        Assert.Equal([w.Issue1.Reference, w.Issue2.Reference], References(all));
        Assert.Equal($"/issues/{w.Issue1.Reference}", all.QuerySelector($"tr[data-reference='{w.Issue1.Reference}'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_issues_behind_a_figure_are_paged_by_key_in_issue_order_or_most_avoided_first()
    {
        var w = await EmptyAsync(app);
        var budget = await w.BudgetAsync(app, w.AreaA, Year);
        var issues = new List<Domain.Issues.Issue>();
        for (var n = 1; n <= 27; n++)
        {
            var issue = await w.People.IssueAsync(app);
            issues.Add(issue);
            await w.SpendAsync(app, budget, 10m, new DateOnly(2024, 5, 1), issue.Id);
            await w.EstimateAsync(app, issue.Id, Domain.CostAvoidance.EstimateConfidence.High, new DateOnly(2024, 5, 1), (OrganisationKind.CouncilService, 100m * n, 1m));
        }

        var client = app.ClientFor(w.People.AreaManagerA.Id);
        var first = await client.GetDocumentAsync("/value-for-money/issues?" + Period());
        var second = await client.GetDocumentAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var back = await client.GetDocumentAsync(second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        var most = await client.GetDocumentAsync("/value-for-money/issues?" + Period() + "&order=avoided");
        var less = await client.GetDocumentAsync(most.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(issues.Take(25).Select(i => i.Reference), References(first));
        Assert.Equal(issues.Skip(25).Select(i => i.Reference), References(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Equal(References(first), References(back));
        Assert.Equal(Enumerable.Reverse(issues).Take(25).Select(i => i.Reference), References(most));
        Assert.Equal("£2,700.00", Cell(most, "[data-testid=avoided]"));
        Assert.Equal([issues[1].Reference, issues[0].Reference], References(less));
    }

    [Fact]
    public async Task The_report_csv_has_a_row_per_breakdown_with_plain_amounts_and_iso_dates()
    {
        var w = await CreateAsync(app);

        var response = await app.ClientFor(w.People.PartnershipManager.Id).GetAsync(new Uri("/value-for-money.csv?" + Period(w.AreaA), UriKind.Relative));
        var lines = await CsvLinesAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("From,To,Section,Label,Spent,Avoided,Avoided per £1 spent,Issues,Share of avoided (%)", lines[0]);
        Assert.Contains("2024-04-01,2025-03-31,Total,All issues,897.00,10500.00,11.71,2,", lines);
        Assert.Contains("2024-04-01,2025-03-31,Not in the totals,Low-confidence estimates,,1000.00,,1,", lines);
        Assert.Contains("2024-04-01,2025-03-31,Level,Level 2,347.00,10000.00,28.82,1,", lines);
        Assert.Contains("2024-04-01,2025-03-31,Level,Not yet triaged,450.00,500.00,1.11,1,", lines);
        Assert.Contains("2024-04-01,2025-03-31,Level,No linked issue,100.00,0.00,0.00,,", lines);
        Assert.Contains("2024-04-01,2025-03-31,Theme,Housing,450.00,500.00,1.11,1,", lines);
        Assert.Contains("2024-04-01,2025-03-31,Agency,Police,200.00,7000.00,35.00,2,", lines);
        Assert.Contains("2024-04-01,2025-03-31,Share of avoided,Council,,3000.00,,,28.6", lines);
        Assert.Contains("2024-04-01,2025-03-31,Share of avoided,Partners,,7500.00,,,71.4", lines);
    }

    [Fact]
    public async Task The_issues_csv_lists_every_issue_behind_the_figure()
    {
        var w = await CreateAsync(app);

        var response = await app.ClientFor(w.People.AreaManagerA.Id).GetAsync(new Uri("/value-for-money/issues.csv?" + Period() + "&agency=Police", UriKind.Relative));
        var lines = await CsvLinesAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Reference,Title,Area,Level,Theme,Spent,Avoided,Confidence", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{w.Issue1.Reference},", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Level 2,Children and families,0.00,7000.00,High", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Not yet triaged,Housing,200.00,0.00,Medium", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quick_win_monitor_links_to_the_report_for_those_who_see_it()
    {
        var w = await EmptyAsync(app);

        var manager = await app.ClientFor(w.People.AreaManagerA.Id).GetDocumentAsync("/budgets");
        var admin = await app.ClientFor(w.Administrator.Id).GetDocumentAsync("/budgets");

        Assert.Equal("/value-for-money", manager.QuerySelector("[data-testid=value-for-money-link]")!.GetAttribute("href"));
        Assert.Null(admin.QuerySelector("[data-testid=value-for-money-link]"));
    }

    private static List<string> References(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=issues] tr[data-reference]").Select(r => r.GetAttribute("data-reference")!)];
}
