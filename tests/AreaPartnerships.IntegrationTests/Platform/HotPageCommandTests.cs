using System.Runtime.CompilerServices;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AreaPartnerships.IntegrationTests.Platform;

/// <summary>
/// Every hot page (the ones docs/performance.md benchmarks) runs a small, fixed number of SQL commands: the page's
/// own work, measured without the test scheme's sign-in. A page that starts counting rows one query at a time, or
/// grows a query per row, fails here long before a benchmark would show it.
/// </summary>
public sealed class HotPageCommandTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private static readonly ConditionalWeakTable<AppFactory, Task<IssueWorld>> Worlds = [];

    public static TheoryData<string, string, int> Pages() => new()
    {
        // The case list: total and page of rows (the filter options are reference data, kept in memory); a position read
        // by key adds the row it starts from, a nullable sort column crossing from empty to filled one more range.
        { Roles.PartnershipManager, "/issues", 2 },
        { Roles.PartnershipManager, "/issues?WardId={wardA1}&Status=Triaged", 2 },
        { Roles.PartnershipManager, "/issues?AreaId={areaA}&Level=3", 2 },
        { Roles.PartnershipManager, "/issues?Overdue=true&Sort=target&Dir=asc", 2 },
        { Roles.PartnershipManager, "/issues?After={second}", 3 },
        { Roles.PartnershipManager, "/issues?After={second}&Sort=level&Dir=desc", 4 },
        { Roles.PartnershipManager, "/issues?Last=true", 2 },
        { Roles.AreaManager, "/issues?OwnerId={managerA}", 2 },
        // A partner user's rule reads two things first: their confidentiality agreement and their organisation's task groups.
        { Roles.PartnerUser, "/issues", 4 },
        // The triage inbox: total and page of rows.
        { Roles.AreaManager, "/issues/triage", 2 },
        // An issue with its latest timeline entries: the issue, its timeline, duplicates, related issues, task groups it may join;
        // for those who see costs, its "Costs and value" panel (IssueValue: one command for quick wins, other costs, the estimate and its lines).
        { Roles.AreaManager, "/issues/{deep}", 7 },
        // Every role's home, kept from the request before (docs/decisions/0029): the data version only. Worked out again
        // (below), each reads a fixed number more.
        { Roles.PartnershipManager, "/", 1 },
        { Roles.AreaManager, "/", 1 },
        { Roles.SupportOfficer, "/", 1 },
        { Roles.Councillor, "/", 1 },
        { Roles.PartnerUser, "/", 1 },
        // Meetings: the area filter's options and a page of rows read by key; a position adds the row it starts from; a partner's
        // rule reads their agreement and their organisation's task groups first. My meetings: the upcoming and the past, each bounded.
        { Roles.AreaManager, "/meetings", 2 },
        { Roles.PartnershipManager, "/meetings?When=past&Type=Tasking", 2 },
        { Roles.AreaManager, "/meetings?After={meeting}", 3 },
        { Roles.PartnerUser, "/meetings", 4 },
        { Roles.Councillor, "/meetings/mine", 2 },
        { Roles.PartnerUser, "/meetings/mine", 4 },
        // Quick-win budgets: the monitor reads the areas, their budgets for the year and one aggregate over the year's
        // ledger grouped by budget; a ledger reads the budget, its allocation history and a page of entries (a position
        // read by key adds the entry it starts from).
        { Roles.PartnershipManager, "/budgets", 3 },
        { Roles.AreaManager, "/budgets", 3 },
        { Roles.AreaManager, "/budgets/{budget}", 3 },
        { Roles.PartnershipManager, "/budgets/{budget}?After={entry}", 4 },
        // Value for money, its report kept from the request before (docs/decisions/0029): the data version and the areas.
        // Worked out again (below), it adds the period's budgets and three reads grouped by issue (quick wins, other costs,
        // estimate lines) from which the sums and the distinct counts of issues are added up. The issues behind a figure: the areas, the
        // budgets, a page of issue ids, then for that page the issues, their quick wins, other costs, estimates and avoided.
        { Roles.PartnershipManager, "/value-for-money", 2 },
        { Roles.AreaManager, "/value-for-money", 2 },
        { Roles.AreaManager, "/value-for-money/issues", 8 },
        { Roles.AreaManager, "/value-for-money/issues?order=avoided", 8 },
        // The borough dashboard, its figures and the person's areas kept from the request before (docs/decisions/0029): the
        // data version only. Worked out again after a change, it reads a fixed number more (FigureMemoTests).
        { Roles.PartnershipManager, "/dashboard", 1 },
        { Roles.AreaManager, "/dashboard?Period=quarter", 1 },
    };

    /// <summary>The pages kept by the data version, worked out again after a change: the version, then the page's own reads.</summary>
    public static TheoryData<string, string, int> WorkedOutAgain() => new()
    {
        // Every role's home: the version; the scope's areas or wards with their counts in one command (the IssueCount summary,
        // overdue, follow-ups due); then each section one command (a count and its first few: two, the second skipped when the
        // count is nought). Area manager: + worklist (the three lists' first few together, groups needing attention and overdue
        // actions together, the first few actions), their open issues by level, next meetings, this year's budgets.
        { Roles.PartnershipManager, "/", 2 },
        { Roles.AreaManager, "/", 8 },
        // Support officer: + stale issues (count, oldest few), meetings to minute (count, latest few), the next meeting to start.
        { Roles.SupportOfficer, "/", 7 },
        // Councillor: wards with their open counts, + latest open issues, resolved in 30 days (read once: count and latest few).
        { Roles.Councillor, "/", 4 },
        // Partner: their rule (agreement, groups), organisation, open, overdue, led and referred counts (one read), + actions
        // (counts, first few), task groups, the latest issues their organisation leads or was referred, meetings.
        { Roles.PartnerUser, "/", 10 },
        // Value for money: the version, the areas, then its report.
        { Roles.PartnershipManager, "/value-for-money", 6 },
        { Roles.AreaManager, "/value-for-money", 6 },
        // The dashboard: the areas, the version, then its panels (FigureMemoTests).
        { Roles.PartnershipManager, "/dashboard", 14 },
        { Roles.AreaManager, "/dashboard?Period=quarter", 14 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task A_hot_page_runs_no_more_than_a_small_fixed_number_of_SQL_commands(string role, string url, int most) =>
        MeasureAsync(role, url, most, afterAChange: false);

    [Theory]
    [MemberData(nameof(WorkedOutAgain))]
    public Task A_kept_page_worked_out_again_after_a_change_runs_no_more_than_a_small_fixed_number_of_SQL_commands(string role, string url, int most) =>
        MeasureAsync(role, url, most, afterAChange: true);

    private async Task MeasureAsync(string role, string url, int most, bool afterAChange)
    {
        var w = await Worlds.GetValue(app, _ => WorldAsync());
        var user = role switch
        {
            Roles.PartnershipManager => w.PartnershipManager,
            Roles.AreaManager => w.AreaManagerA,
            Roles.SupportOfficer => w.SupportOfficerA,
            Roles.Councillor => w.CouncillorA1,
            _ => w.PoliceUser,
        };
        var references = await IssueWorld.ReadAsync(app, db => db.Issues.Where(i => i.AreaId == w.AreaA).OrderByDescending(i => i.RaisedAt).ThenByDescending(i => i.Id)
            .Select(i => i.Reference).ToListAsync());
        var path = url.Replace("{wardA1}", IssueWorld.Id(w.WardA1), StringComparison.Ordinal)
            .Replace("{areaA}", IssueWorld.Id(w.AreaA), StringComparison.Ordinal)
            .Replace("{managerA}", IssueWorld.Id(w.AreaManagerA.Id), StringComparison.Ordinal)
            .Replace("{second}", references[1], StringComparison.Ordinal)
            .Replace("{deep}", references[0], StringComparison.Ordinal)
            .Replace("{meeting}", IssueWorld.Id(await IssueWorld.ReadAsync(app, db => db.Meetings.Where(m => m.AreaId == w.AreaA).OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
                .Select(m => m.Id).Skip(3).FirstAsync())), StringComparison.Ordinal)
            .Replace("{budget}", IssueWorld.Id(await IssueWorld.ReadAsync(app, db => db.QuickWinBudgets.Where(b => b.AreaId == w.AreaA).OrderByDescending(b => b.Id).Select(b => b.Id).FirstAsync())), StringComparison.Ordinal)
            .Replace("{entry}", (await IssueWorld.ReadAsync(app, db => db.QuickWinSpends.Where(s => s.BudgetId == db.QuickWinBudgets.Where(b => b.AreaId == w.AreaA).OrderByDescending(b => b.Id).Select(b => b.Id).First())
                .OrderByDescending(s => s.SpentOn).ThenByDescending(s => s.Id).Select(s => s.Id).Skip(30).FirstAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var client = app.ClientFor(user.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        var signIn = await IssuePages.SignInCommandsAsync(app, client);
        if (afterAChange)
        {
            await app.WithDbAsync(db => DataVersion.MoveOnAsync(db, CancellationToken.None));
        }

        app.Commands.Reset();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var own = app.Commands.Count - signIn;

        output.WriteLine($"{role} GET {url}{(afterAChange ? " after a change" : string.Empty)}: {own} SQL commands (at most {most})");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(own, 1, most);
    }

    /// <summary>Area A with issues at every level and status, overdue ones and a deep timeline on the newest.</summary>
    private async Task<IssueWorld> WorldAsync()
    {
        var w = await IssueWorld.CreateAsync(app);
        for (var n = 0; n < 12; n++)
        {
            await w.IssueAsync(app);
            await w.IssueAsync(app, w.AtLevel1, confidential: n % 3 == 0);
            await w.IssueAsync(app, w.AtLevel2);
            var late = await w.IssueAsync(app, w.AtLevel3, wardId: w.WardA2);
            await IssueWorld.UpdateIssueAsync(app, late.Id, s => s.SetProperty(i => i.TargetDate, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3)));
            await w.IssueAsync(app, w.Resolved);
        }

        await w.IssueAsync(app, issue =>
        {
            w.AtLevel2(issue);
            for (var n = 0; n < 80; n++)
            {
                issue.AddNote($"Note {n}", Domain.Issues.Visibility.Everyone, w.AreaManagerA.Id, DateTime.UtcNow.AddMinutes(n));
            }
        });
        // Meetings in area A, upcoming and past, each inviting the police partner and the ward councillor: more than a page of each.
        await IssueWorld.ReadAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            for (var n = -40; n < 40; n++)
            {
                var starts = now.Date.AddDays(n).AddHours(10);
                var meeting = new Domain.Meetings.Meeting(n % 2 == 0 ? Domain.Meetings.MeetingType.Tasking : Domain.Meetings.MeetingType.Partnership, $"Meeting {n}", w.AreaA, null, null,
                    new Domain.Meetings.MeetingTime(starts, starts.AddHours(1)), "Civic Centre", null, null, n % 3 == 0, null, alreadyHappened: true, w.AreaManagerA.Id, now);
                meeting.Invite(new Domain.Meetings.Invitee(w.PoliceUser.Id, w.PoliceUser.DisplayName, false), false, w.AreaManagerA.Id, now);
                meeting.Invite(new Domain.Meetings.Invitee(w.CouncillorA1.Id, w.CouncillorA1.DisplayName, true), true, w.AreaManagerA.Id, now);
                db.Meetings.Add(meeting);
            }

            return await db.SaveChangesAsync();
        });
        // A quick-win budget in area A with more than two pages of spends (some on issues), a reversal, and budgets in other years.
        await IssueWorld.ReadAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            var year = Domain.Common.FinancialYear.Containing(Domain.Common.UkTime.DateOf(now));
            var issueIds = await db.Issues.Where(i => i.AreaId == w.AreaA).Select(i => i.Id).Take(10).ToListAsync();
            foreach (var other in new[] { year.StartYear - 1, year.StartYear + 1 })
            {
                db.QuickWinBudgets.Add(new Domain.Budgets.QuickWinBudget(w.AreaA, new Domain.Common.FinancialYear(other), 5_000m));
            }

            var budget = new Domain.Budgets.QuickWinBudget(w.AreaA, year, 100_000m);
            db.QuickWinBudgets.Add(budget);
            await db.SaveChangesAsync();
            db.AllocationChanges.Add(budget.FirstAllocation(w.PartnershipManager.Id, now));
            await db.SaveChangesAsync();
            Domain.Budgets.QuickWinSpend? first = null;
            for (var n = 0; n < 70; n++)
            {
                var tracked = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == budget.Id);
                var spend = tracked.Spend(new Domain.Budgets.SpendDetails(10m + n, year.Starts.AddDays(n % 20), $"Payee {n}", "Quick win", null, false,
                    n % 2 == 0 ? issueIds[n % issueIds.Count] : null), null, w.AreaManagerA.Id, now);
                await Web.Features.Budgets.LedgerStore.AppendAsync(db, spend, CancellationToken.None);
                first ??= spend;
            }

            var again = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == budget.Id);
            await Web.Features.Budgets.LedgerStore.AppendAsync(db, again.Adjust(first!, first!.Amount, null, "Paid twice", year.Starts, w.AreaManagerA.Id, now), CancellationToken.None);
            return 0;
        });
        return w;
    }
}
