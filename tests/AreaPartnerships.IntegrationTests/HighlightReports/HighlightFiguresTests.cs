using static AreaPartnerships.IntegrationTests.HighlightReports.HighlightWorld;

namespace AreaPartnerships.IntegrationTests.HighlightReports;

/// <summary>Every figure of area A's report for 2025-Q2 against 2025-Q1, hand-computed from <see cref="HighlightWorld"/>.</summary>
public sealed class HighlightFiguresTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Issues_raised_and_resolved_by_level_are_compared_with_the_previous_quarter()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.People.PartnershipManager.Id).GetDocumentAsync(w.ReportUrl);

        // This quarter: T2 (1); T1, T4 confidential (2); T3 stepped up to 3 (1). Not T5 (00:30 on 1 October, UK) or area B's.
        // Previous: P2 (1); P1 and P4 (stepped down to 2 since) (2); P3 and P5 (23:30 on 30 June, UK) not triaged (2).
        Assert.Equal(("1", "1", "No change (1)"), Figure(page, "raised-1"));
        Assert.Equal(("2", "2", "No change (2)"), Figure(page, "raised-2"));
        Assert.Equal(("1", "0", "▲ 1 (from 0 to 1)"), Figure(page, "raised-3"));
        Assert.Equal(("0", "0", "No change (0)"), Figure(page, "raised-4"));
        Assert.Equal(("0", "2", "▼ 2 (from 2 to 0)"), Figure(page, "raised-0"));
        Assert.Equal(("4", "5", "▼ 1 (from 5 to 4)"), Figure(page, "raised"));

        // Each raised count links to the case list of exactly those issues (the area, the level now, raised in the quarter).
        var client = app.ClientFor(w.People.PartnershipManager.Id);
        Assert.Equal("4 issues", await WardProfiles.WardWorld.ListTotalAsync(client, FigureLink(page, "raised")!));
        Assert.Equal("2 issues", await WardProfiles.WardWorld.ListTotalAsync(client, FigureLink(page, "raised-2")!));
        Assert.Null(FigureLink(page, "raised-4"));

        // Resolved: T2 (Level 1), T1 and P1 (Level 2) this quarter; P2 (Level 1) before.
        Assert.Equal(("1", "1", "No change (1)"), Figure(page, "resolved-1"));
        Assert.Equal(("2", "0", "▲ 2 (from 0 to 2)"), Figure(page, "resolved-2"));
        Assert.Equal(("3", "1", "▲ 2 (from 1 to 3)"), Figure(page, "resolved"));
    }

    [Fact]
    public async Task Step_ups_step_downs_and_each_flow_between_levels()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.People.AreaManagerA.Id).GetDocumentAsync(w.ReportUrl);

        // T3 went 1 → 2 → 3 and P4 came 3 → 2 this quarter; P4 went 2 → 3 before. Area B's step-up is not counted.
        Assert.Equal(("2", "1", "▲ 1 (from 1 to 2)"), Figure(page, "step-ups"));
        Assert.Equal(("1", "0", "▲ 1 (from 0 to 1)"), Figure(page, "step-downs"));
        Assert.Equal(("1", "0", "▲ 1 (from 0 to 1)"), Figure(page, "flow-1-2"));
        Assert.Equal(("1", "1", "No change (1)"), Figure(page, "flow-2-3"));
        Assert.Equal(("1", "0", "▲ 1 (from 0 to 1)"), Figure(page, "flow-3-2"));
        Assert.Equal(["flow-1-2", "flow-2-3", "flow-3-2"],
            page.QuerySelectorAll("[data-testid=section-flows] tr[data-key^=flow-]").Select(r => r.GetAttribute("data-key")));
    }

    [Fact]
    public async Task Task_groups_actions_done_open_and_overdue()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.People.AreaManagerA.Id).GetDocumentAsync(w.ReportUrl);

        // Active at the end: G1 and G3 now (G2 closed 15 August); G1 and G2 at the end of June.
        Assert.Equal(("2", "2", "No change (2)"), Figure(page, "active-task-groups"));
        // Done: 10 August (G1) and 2 July (G2) now; 14 May before.
        Assert.Equal(("2", "1", "▲ 1 (from 1 to 2)"), Figure(page, "actions-done"));
        // Due in the quarter and still open: 1 September now; 10 June before.
        Assert.Equal(("1", "1", "No change (1)"), Figure(page, "actions-open"));
        // Overdue: 1 September and 10 June now; 10 June at the end of June. Area B's overdue action is not counted.
        Assert.Equal(("2", "1", "▲ 1 (from 1 to 2)"), Figure(page, "overdue-actions"));
        // The task group list shows the groups active today: not this quarter's figure, so no link.
        Assert.Null(FigureLink(page, "active-task-groups"));
    }

    [Fact]
    public async Task Meetings_held_by_type_each_a_link_to_the_meetings_list()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.People.SupportOfficerA.Id).GetDocumentAsync(w.ReportUrl);

        Assert.Equal(("1", "1", "No change (1)"), Figure(page, "meetings-Partnership"));
        // 12 August and 9 September; not the one cancelled on 20 September, nor area B's.
        Assert.Equal(("2", "1", "▲ 1 (from 1 to 2)"), Figure(page, "meetings-Tasking"));
        Assert.Equal(("1", "0", "▲ 1 (from 0 to 1)"), Figure(page, "meetings-Community"));
        Assert.Equal(("4", "2", "▲ 2 (from 2 to 4)"), Figure(page, "meetings"));
        Assert.Empty(page.QuerySelectorAll("tr[data-key=meetings-TaskGroup]"));
        Assert.Equal($"/meetings?Area={Id(w.AreaA)}&Type=Tasking&When=past&FromDay=1&FromMonth=7&FromYear=2025&ToDay=30&ToMonth=9&ToYear=2025",
            FigureLink(page, "meetings-Tasking"));

        var list = await app.ClientFor(w.People.SupportOfficerA.Id).GetDocumentAsync(FigureLink(page, "meetings-Tasking")!);
        var rows = list.QuerySelectorAll("table tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Single(rows, r => r.TextContent.Contains("Cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quick_win_spend_allocation_remaining_and_value_for_money()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.People.PartnershipManager.Id).GetDocumentAsync(w.ReportUrl);

        // £500 + £200 − £50 this quarter; £300 before. Not 5 October's £1,000, nor area B's £4,000.
        Assert.Equal(("£650.00", "£300.00", "▲ £350.00 (from £300.00 to £650.00)"), Figure(page, "quick-win-spent"));
        Assert.Equal($"/budgets/{Id(w.BudgetA.Id)}", FigureLink(page, "quick-win-spent"));
        Assert.Equal(("£10,000.00", "£10,000.00", "No change (£10,000.00)"), Figure(page, "quick-win-allocation"));
        // £10,000 − £950 by 30 September; − £300 by 30 June.
        Assert.Equal(("£9,050.00", "£9,700.00", "▼ £650.00 (from £9,700.00 to £9,050.00)"), Figure(page, "quick-win-remaining"));
        // The value-for-money report for the area and each quarter: spends, and estimates of £2,000 (T1) and £600 (P1).
        Assert.Equal(("£650.00", "£300.00", "▲ £350.00 (from £300.00 to £650.00)"), Figure(page, "value-spent"));
        Assert.Equal(("£2,000.00", "£600.00", "▲ £1,400.00 (from £600.00 to £2,000.00)"), Figure(page, "value-avoided"));
        Assert.Equal(("£3.08 per £1", "£2.00 per £1", "▲ £1.08 (from £2.00 per £1 to £3.08 per £1)"), Figure(page, "value-ratio"));
        Assert.Equal(("1", "1", "No change (1)"), Figure(page, "value-issues"));
        Assert.Equal($"/value-for-money?from=2025-07-01&to=2025-09-30&areaId={Id(w.AreaA)}", FigureLink(page, "value-avoided"));

        var value = await app.ClientFor(w.People.PartnershipManager.Id).GetDocumentAsync(FigureLink(page, "value-avoided")!);
        Assert.Equal("£2,000.00", Text(value.QuerySelector("[data-testid=total-avoided]")!.TextContent));
    }

    [Fact]
    public async Task The_area_plan_priorities_with_their_status_and_task_groups_against_the_previous_quarter()
    {
        var w = await CreateAsync(app);

        var page = await app.ClientFor(w.People.AreaManagerA.Id).GetDocumentAsync(w.ReportUrl);

        var rows = page.QuerySelectorAll("[data-testid=priorities] tr[data-testid=priority]");
        Assert.Equal(["Williams Street ASB", "Doorstep lending", "Fly-tipping hot spots"], rows.Select(r => Text(r.QuerySelector("th")!.TextContent)));
        Assert.Equal(["Being worked on, with overdue actions (2 overdue)", "Being worked on", "No active task group"],
            rows.Select(r => Text(r.QuerySelector("[data-testid=priority-status]")!.TextContent)));
        // G1 only now (G2 closed); G1 and G2 at the end of June. G3 set up in August.
        Assert.Equal(["▼ 1 (from 2 to 1)", "▲ 1 (from 0 to 1)", "No change (0)"],
            rows.Select(r => r.QuerySelector("[data-testid=change]")!.GetAttribute("data-change")));
        Assert.Contains(w.People.Police.Name, rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_area_with_nothing_in_either_quarter_shows_no_change_everywhere()
    {
        var w = await EmptyAsync(app);

        var page = await app.ClientFor(w.People.AreaManagerA.Id).GetDocumentAsync(w.ReportUrl);

        Assert.Equal(("0", "0", "No change (0)"), Figure(page, "raised"));
        Assert.Equal(("None", "None", "Not comparable"), Figure(page, "quick-win-allocation"));
        Assert.Equal(("No spend", "No spend", "Not comparable"), Figure(page, "value-ratio"));
        Assert.NotNull(page.QuerySelector("[data-testid=no-priorities]"));
        Assert.Equal("Not started", Text(page.QuerySelector("[data-testid=status]")!.TextContent));
    }

    [Fact]
    public async Task The_report_asks_the_database_a_fixed_number_of_questions()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.People.AreaManagerA.Id);
        await client.GetDocumentAsync(w.ReportUrl);

        app.Commands.Reset();
        await client.GetDocumentAsync(w.ReportUrl);
        var full = app.Commands.Count;

        var empty = await EmptyAsync(app);
        var other = app.ClientFor(empty.People.AreaManagerA.Id);
        await other.GetDocumentAsync(empty.ReportUrl);
        app.Commands.Reset();
        await other.GetDocumentAsync(empty.ReportUrl);
        Assert.Equal(full, app.Commands.Count);
        Assert.True(full <= 30, $"{full} commands");
    }
}
