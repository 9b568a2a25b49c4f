using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Features.HighlightReports;
using static AreaPartnerships.IntegrationTests.HighlightReports.HighlightWorld;

namespace AreaPartnerships.IntegrationTests.HighlightReports;

/// <summary>The quarter's reports side by side, and a report as CSV.</summary>
public sealed class HighlightListAndCsvTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_partnership_manager_sees_every_areas_report_for_the_quarter_side_by_side()
    {
        var w = await CreateAsync(app);
        await PostAsync(app.ClientFor(w.People.AreaManagerA.Id), w.ReportUrl, Texts("Cleared the fly-tip"), "submit");
        await PostAsync(app.ClientFor(w.People.AreaManagerB.Id), w.ReportUrlB, Texts("Started"));

        var page = await app.ClientFor(w.People.PartnershipManager.Id).GetDocumentAsync($"/highlight-reports?quarter={Quarter}");

        var a = page.QuerySelector($"tr[data-testid=report][data-area-id='{Id(w.AreaA)}']")!;
        var b = page.QuerySelector($"tr[data-testid=report][data-area-id='{Id(w.AreaB)}']")!;
        Assert.Equal("Submitted", Text(a.QuerySelector("[data-testid=status]")!.TextContent));
        Assert.StartsWith($"By {w.People.AreaManagerA.DisplayName} on ", Text(a.QuerySelector("[data-testid=submitted]")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("▼ 1 (from 5 to 4)", a.QuerySelector("[data-testid=raised]")!.GetAttribute("data-change"));
        Assert.Equal("▲ 2 (from 1 to 3)", a.QuerySelector("[data-testid=resolved]")!.GetAttribute("data-change"));
        Assert.Equal("▲ 1 (from 1 to 2)", a.QuerySelector("[data-testid=step-ups]")!.GetAttribute("data-change"));
        Assert.Equal("▲ 1 (from 0 to 1)", a.QuerySelector("[data-testid=step-downs]")!.GetAttribute("data-change"));
        Assert.Equal(w.ReportUrl, a.QuerySelector("a[data-testid=report-link]")!.GetAttribute("href"));
        // Area B: one issue raised and stepped up in the quarter; a draft.
        Assert.Equal("Draft", Text(b.QuerySelector("[data-testid=status]")!.TextContent));
        Assert.Equal("Not yet", Text(b.QuerySelector("[data-testid=submitted]")!.TextContent));
        Assert.Equal("▲ 1 (from 0 to 1)", b.QuerySelector("[data-testid=raised]")!.GetAttribute("data-change"));
        Assert.Equal("▲ 1 (from 0 to 1)", b.QuerySelector("[data-testid=step-ups]")!.GetAttribute("data-change"));
        Assert.Equal("/highlight-reports?quarter=2025-Q1", page.QuerySelector("a[data-testid=previous-quarter]")!.GetAttribute("href"));
        Assert.Equal("/highlight-reports?quarter=2025-Q3", page.QuerySelector("a[data-testid=next-quarter]")!.GetAttribute("href"));
        Assert.Contains("Quarter 2 of 2025/26 (July to September 2025)", page.QuerySelector(".govuk-caption-l")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_reports_headline_stays_as_submitted_while_a_drafts_moves()
    {
        var w = await CreateAsync(app);
        await PostAsync(app.ClientFor(w.People.AreaManagerA.Id), w.ReportUrl, Texts("Cleared the fly-tip"), "submit");

        await w.IssueAsync(app, w.People.WardA1, Uk(2025, 8, 25));
        await w.IssueAsync(app, w.People.WardB1, Uk(2025, 8, 25));
        var page = await app.ClientFor(w.People.PartnershipManager.Id).GetDocumentAsync($"/highlight-reports?quarter={Quarter}");

        Assert.Equal("▼ 1 (from 5 to 4)", page.QuerySelector($"tr[data-area-id='{Id(w.AreaA)}'] [data-testid=raised]")!.GetAttribute("data-change"));
        Assert.Equal("▲ 2 (from 0 to 2)", page.QuerySelector($"tr[data-area-id='{Id(w.AreaB)}'] [data-testid=raised]")!.GetAttribute("data-change"));
    }

    [Fact]
    public async Task Area_managers_and_support_officers_see_only_their_areas_not_started_until_written()
    {
        var w = await CreateAsync(app);

        foreach (var user in new[] { w.People.AreaManagerA, w.People.SupportOfficerA })
        {
            var page = await app.ClientFor(user.Id).GetDocumentAsync($"/highlight-reports?quarter={Quarter}");

            var row = Assert.Single(page.QuerySelectorAll("tr[data-testid=report]"));
            Assert.Equal(Id(w.AreaA), row.GetAttribute("data-area-id"));
            Assert.Equal("Not started", Text(row.QuerySelector("[data-testid=status]")!.TextContent));
            Assert.Equal("▼ 1 (from 5 to 4)", row.QuerySelector("[data-testid=raised]")!.GetAttribute("data-change"));
        }
    }

    [Fact]
    public async Task The_list_opens_on_the_current_quarter_and_a_quarter_that_cannot_be_read_is_not_found()
    {
        var w = await EmptyAsync(app);
        var client = app.ClientFor(w.People.PartnershipManager.Id);
        var current = FinancialQuarter.Containing(Domain.Common.UkTime.DateOf(DateTime.UtcNow));

        var page = await client.GetDocumentAsync("/highlight-reports");

        Assert.Contains(current.Name, page.QuerySelector(".govuk-caption-l")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/highlight-reports?quarter={current.Next}", page.QuerySelector("a[data-testid=next-quarter]")!.GetAttribute("href"));
        foreach (var bad in new[] { "2025-Q5", "2025Q1", "Q1-2025", "abc", "2025-Q1x" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"/highlight-reports?quarter={bad}"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"/highlight-reports/{Id(w.AreaA)}/{bad}"))).StatusCode);
        }
    }

    [Fact]
    public async Task The_report_links_to_the_previous_and_next_quarters_and_its_csv()
    {
        var w = await EmptyAsync(app);

        var page = await app.ClientFor(w.People.AreaManagerA.Id).GetDocumentAsync($"/highlight-reports/{Id(w.AreaA)}/2025-Q4");

        Assert.Equal($"/highlight-reports/{Id(w.AreaA)}/2025-Q3", page.QuerySelector("a[data-testid=previous-quarter]")!.GetAttribute("href"));
        Assert.Equal($"/highlight-reports/{Id(w.AreaA)}/2026-Q1", page.QuerySelector("a[data-testid=next-quarter]")!.GetAttribute("href"));
        Assert.Equal($"/highlight-reports/{Id(w.AreaA)}/2025-Q4.csv", page.QuerySelector("a[data-testid=csv]")!.GetAttribute("href"));
        Assert.Equal($"/highlight-reports?quarter=2025-Q4", page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_csv_gives_each_figure_this_quarter_the_previous_and_the_change_and_the_three_texts()
    {
        var w = await CreateAsync(app);
        await PostAsync(app.ClientFor(w.People.AreaManagerA.Id), w.ReportUrl, Texts("Cleared the fly-tip, finally", "=risky", "CCTV"));

        var response = await app.ClientFor(w.People.PartnershipManager.Id).GetAsync(Url(w.ReportUrl + ".csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"-{Quarter}.csv", response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var lines = await CsvLinesAsync(response);
        Assert.Equal("Section,Figure,This quarter,Previous quarter,Change", lines[0]);
        Assert.Contains("Issues raised and resolved,Raised: all levels,4,5,▼ 1 (from 5 to 4)", lines);
        Assert.Contains("Issues raised and resolved,Raised: Not yet triaged,0,2,▼ 2 (from 2 to 0)", lines);
        Assert.Contains("Step-ups and step-downs,Step-ups,2,1,▲ 1 (from 1 to 2)", lines);
        Assert.Contains("Task groups,Overdue actions,2,1,▲ 1 (from 1 to 2)", lines);
        Assert.Contains("Meetings held,All meetings held,4,2,▲ 2 (from 2 to 4)", lines);
        Assert.Contains("Quick wins and value for money,Quick-win spend in the quarter,650.00,300.00,▲ £350.00 (from £300.00 to £650.00)", lines);
        Assert.Contains("Quick wins and value for money,Avoided for every £1 spent,3.08,2.00,▲ £1.08 (from £2.00 per £1 to £3.08 per £1)", lines);
        Assert.Contains("Area plan priorities,Doorstep lending: active task groups (Being worked on),1,0,▲ 1 (from 0 to 1)", lines);
        Assert.Contains("Report,Status,Draft,,", lines);
        Assert.Contains("Area manager's report,Achievements,\"Cleared the fly-tip, finally\",,", lines);
        Assert.Contains("Area manager's report,Risks and issues,'=risky,,", lines);
        Assert.Contains("Area manager's report,Asks of the Borough Management Team,CCTV,,", lines);
    }

    [Fact]
    public async Task The_csv_of_a_submitted_report_gives_its_frozen_figures_and_when()
    {
        var w = await CreateAsync(app);
        await PostAsync(app.ClientFor(w.People.AreaManagerA.Id), w.ReportUrl, Texts("Done"), "submit");
        await w.IssueAsync(app, w.People.WardA1, Uk(2025, 8, 25));

        var lines = await CsvLinesAsync(await app.ClientFor(w.People.SupportOfficerA.Id).GetAsync(Url(w.ReportUrl + ".csv")));

        Assert.Contains("Issues raised and resolved,Raised: all levels,4,5,▼ 1 (from 5 to 4)", lines);
        Assert.Contains("Report,Status,Submitted,,", lines);
        Assert.Single(lines, l => l.StartsWith("Report,Figures as at,\"", StringComparison.Ordinal));
    }
}
