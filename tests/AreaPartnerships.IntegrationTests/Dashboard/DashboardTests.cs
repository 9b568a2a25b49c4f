using System.Globalization;
using System.Net;
using static AreaPartnerships.IntegrationTests.Dashboard.DashboardWorld;

namespace AreaPartnerships.IntegrationTests.Dashboard;

/// <summary>
/// Every figure on the borough dashboard for area A over 1 May – 30 June 2025, against the count by hand of
/// <see cref="DashboardWorld"/>; who may see it and for which areas; the links behind the figures; the CSV; a bad date.
/// </summary>
public sealed class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Each_figure_for_an_area_and_a_period_is_the_hand_count()
    {
        var w = await CreateAsync(app);
        var page = await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync($"/dashboard?{Period}&AreaId={Id(w.AreaA.Id)}");
        var a = w.AreaA.Name;

        Assert.Equal("1 May 2025 to 30 June 2025", page.QuerySelector("[data-testid=period]")!.TextContent.Trim());
        Assert.Equal(a, page.QuerySelector("[data-testid=scope-areas]")!.TextContent.Trim());

        // Demand: raised by month and source (30 April's issue is outside the period; confidential ones count for officers).
        var raised = Table(page, "raised-by-source");
        Assert.Equal(["May 2025", "Jun 2025"], raised.Keys);
        Assert.Equal(["1", "1", "0", "0", "0", "2"], raised["May 2025"]);
        Assert.Equal(["1", "0", "1", "0", "0", "2"], raised["Jun 2025"]);
        Assert.Equal(["1", "0", "1", "0", "0", "2"], Table(page, "open-by-area-level")[a]);
        Assert.Equal(["0", "2", "0"], Table(page, "open-by-status").Values.Select(v => v[0]));

        // Pressure: both open issues are past their target; the referral's follow-up is due; manager A owns neither
        // (the police own the stepped-up one; a Level 1 referral has no owner) but chases the referral.
        Assert.Equal(["2", "2", "1"], Table(page, "pressure-by-area")[a]);
        var managers = Table(page, "pressure-by-manager");
        Assert.Equal([w.ManagerA.DisplayName], managers.Keys);
        Assert.Equal(["1", "1", "0", "0"], managers[w.ManagerA.DisplayName]);

        // Flows: 2 → 3 on 2 June, 3 → 2 on 15 June (area B's step-up is not here).
        Assert.Equal(["1", "1", "0"], Table(page, "flows-by-area")[a]);
        var moves = Table(page, "flows-between-levels");
        Assert.Equal(["0", "—", "1", "0"], moves["From Level 2"]);
        Assert.Equal(["0", "1", "—", "0"], moves["From Level 3"]);

        // Ageing: both open issues were raised in May 2025 (over six months ago); resolved in the period at Level 2: 4, 5 and 20 days.
        var ageing = Table(page, "ageing-by-level");
        Assert.Equal(["0", "0", "0", "0", "1"], ageing["Level 1"]);
        Assert.Equal(["0", "0", "0", "0", "1"], ageing["Level 3"]);
        Assert.Equal(["0", "0", "0", "0", "0"], ageing["Level 2"]);
        var resolved = Table(page, "days-to-resolve");
        Assert.Equal(["3", "5 days"], resolved["Level 2"]);
        Assert.Equal(["0", "None resolved"], resolved["Level 3"]);

        // Task groups: one led by a partner (past review, one overdue action), one by the council; area B's not here.
        Assert.Equal(["1", "1", "1", "1"], Table(page, "task-groups-by-area")[a]);

        // Meetings: two tasking and one community meeting held in the period (July's is after it), one open action arising.
        var meetings = page.QuerySelector("[data-testid='table-meetings-by-area'] thead")!.TextContent;
        Assert.Contains("Tasking", meetings, StringComparison.Ordinal);
        Assert.Equal(["2", "1", "3", "1"], Table(page, "meetings-by-area")[a]);

        // Money: the 2025/26 budget (the year the period ends in); nothing spent, so no ratio.
        Assert.Equal(["£5,000.00", "£0.00", "£5,000.00"], Table(page, "budgets-by-area")[a]);
        Assert.Equal(["No spend in this period"], Table(page, "value-for-money")["Avoided for every £1 spent"]);

        // Themes: cleaner, safer, greener and financial, month by month.
        var themes = Table(page, "themes-by-month");
        Assert.Equal(["1", "1", "0", "0", "0", "0", "0"], themes["May 2025"]);
        Assert.Equal(["1", "1", "0", "0", "0", "0", "0"], themes["Jun 2025"]);
    }

    [Fact]
    public async Task An_area_manager_sees_only_their_areas_and_nobody_else_sees_the_dashboard()
    {
        var w = await CreateAsync(app);
        var manager = app.ClientFor(w.ManagerA.Id);
        var own = await manager.GetDocumentAsync($"/dashboard?{Period}");

        // Only area A is counted: area B's step-up, issue and task group would change these if the scope leaked.
        Assert.Equal([w.AreaA.Name], Table(own, "flows-by-area").Keys);
        Assert.Equal(["1", "1", "0"], Table(own, "flows-by-area")[w.AreaA.Name]);
        Assert.Equal([w.AreaA.Name], Table(own, "task-groups-by-area").Keys);
        Assert.Equal(["1", "1", "0", "0", "0", "2"], Table(own, "raised-by-source")["May 2025"]);
        Assert.DoesNotContain(own.QuerySelectorAll("#AreaId option"), o => o.GetAttribute("value") == Id(w.AreaB.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri($"/dashboard?AreaId={Id(w.AreaB.Id)}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri($"/dashboard/flows-by-area.csv?AreaId={Id(w.AreaB.Id)}", UriKind.Relative))).StatusCode);

        // The support officer sees their area's figures too; the partnership manager sees both areas.
        Assert.Equal([w.AreaA.Name], Table(await app.ClientFor(w.SupportOfficerA.Id).GetDocumentAsync($"/dashboard?{Period}"), "flows-by-area").Keys);
        var borough = Table(await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync($"/dashboard?{Period}"), "flows-by-area");
        Assert.Equal(["1", "0", "-1"], borough[w.AreaB.Name]);

        foreach (var refused in new[] { w.Councillor, w.PoliceUser, w.Administrator })
        {
            var client = app.ClientFor(refused.Id);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/dashboard/raised-by-source.csv", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task A_figure_links_to_exactly_the_issues_it_counts()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.PartnershipManager.Id);
        var page = await client.GetDocumentAsync($"/dashboard?{Period}&AreaId={Id(w.AreaA.Id)}");

        async Task<string> ListAt(string? href)
        {
            Assert.NotNull(href);
            return (await client.GetDocumentAsync(href)).QuerySelector("main")!.TextContent;
        }

        // May's councillor issue: the stepped-up one, not June's confidential one nor area B's.
        var may = await ListAt(Link(page, "raised-by-source", "May 2025", 0));
        Assert.Contains(w.SteppedUp.Reference, may, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Confidential.Reference, may, StringComparison.Ordinal);
        Assert.DoesNotContain(w.InB.Reference, may, StringComparison.Ordinal);

        // Over six months old at Level 1: the referral.
        var old = await ListAt(Link(page, "ageing-by-level", "Level 1", 4));
        Assert.Contains(w.Referral.Reference, old, StringComparison.Ordinal);
        Assert.DoesNotContain(w.SteppedUp.Reference, old, StringComparison.Ordinal);

        // Overdue in area A: both open issues.
        var overdue = await ListAt(Link(page, "pressure-by-area", w.AreaA.Name, 1));
        Assert.Contains(w.SteppedUp.Reference, overdue, StringComparison.Ordinal);
        Assert.Contains(w.Referral.Reference, overdue, StringComparison.Ordinal);

        // A nought is not a link.
        Assert.Null(Link(page, "raised-by-source", "May 2025", 2));
    }

    [Fact]
    public async Task Each_table_downloads_as_csv_and_a_bad_date_is_refused_with_what_was_typed_kept()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.PartnershipManager.Id);

        var csv = await client.GetAsync(new Uri($"/dashboard/raised-by-source.csv?{Period}&AreaId={Id(w.AreaA.Id)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Month,Councillor,Resident,Partner,Community meeting,Officer,Total", "May 2025,1,1,0,0,0,2", "Jun 2025,1,0,1,0,0,2"], lines);

        var money = await (await client.GetAsync(new Uri($"/dashboard/budgets-by-area.csv?{Period}&AreaId={Id(w.AreaA.Id)}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains($"{w.AreaA.Name},5000,0,5000", money, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/dashboard/no-such-table.csv", UriKind.Relative))).StatusCode);

        var bad = await client.GetAsync(new Uri("/dashboard?Period=custom&FromDay=31&FromMonth=2&FromYear=2025&ToDay=30&ToMonth=6&ToYear=2025", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await Html.ReadAsync(bad);
        Assert.Contains("Enter the start of the period as a real date, for example 1 4 2026", Html.ErrorSummary(page));
        Assert.Equal("31", page.QuerySelector("#FromDay")!.GetAttribute("value"));
        Assert.Equal("custom", page.QuerySelector("input[name=Period][checked]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("[data-testid=panel-demand]"));
    }
}
