using System.Globalization;
using System.Net;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.Web.Features.Budgets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AreaPartnerships.IntegrationTests.Dashboard.DashboardWorld;

namespace AreaPartnerships.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's figures are kept between requests, keyed by the data version (docs/decisions/0029): a kept page is
/// served without reading a figure, and is never served after a change to what it counted — a save, the ledger's
/// conditional update, or a meeting starting — nor to someone counting other areas. The role homes are kept the same
/// way, each for its own person.
/// </summary>
public sealed class FigureMemoTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A client signed in as <paramref name="userId"/> to an app whose clock the test moves.</summary>
    private ClockedApp Clocked(int userId)
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var factory = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, Id(userId));
        return new ClockedApp(factory, clock, client);
    }

    /// <summary>A scheduled hour-long tasking meeting in area A (its title returned), with no attendance recorded.</summary>
    private async Task<string> TaskingAsync(DashboardWorld w, TestClock clock, DateTime startsAt)
    {
        var title = TestData.Unique("Tasking");
        await app.WithDbAsync(async db =>
        {
            db.Meetings.Add(new Meeting(MeetingType.Tasking, title, w.AreaA.Id, null, null, new MeetingTime(startsAt, startsAt.AddHours(1)),
                "Council House", null, "Tasking", false, null, alreadyHappened: false, w.ManagerA.Id, clock.UtcNow));
            await db.SaveChangesAsync();
        });
        return title;
    }

    private sealed record ClockedApp(WebApplicationFactory<Program> Factory, TestClock Clock, HttpClient Client) : IDisposable
    {
        public void Dispose()
        {
            Client.Dispose();
            Factory.Dispose();
        }
    }

    [Fact]
    public async Task A_kept_page_is_served_without_reading_the_figures_until_a_change_and_then_counts_it()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.PartnershipManager.Id);
        var url = $"/dashboard?{Period}&AreaId={Id(w.AreaA.Id)}";
        var a = w.AreaA.Name;
        Assert.Equal(["1", "0", "1", "0", "0", "2"], Table(await client.GetDocumentAsync(url), "open-by-area-level")[a]);

        // Kept: the data version, nothing else (the person's areas are kept by it too).
        var signIn = await IssuePages.SignInCommandsAsync(app, client);
        app.Commands.Reset();
        var kept = await client.GetDocumentAsync(url);
        Assert.Equal(1, app.Commands.Count - signIn);
        Assert.Equal(["1", "0", "1", "0", "0", "2"], Table(kept, "open-by-area-level")[a]);

        // A new issue in area A (a save): counted on the next request, which reads the figures again.
        await app.WithDbAsync(async db =>
        {
            var ward = await db.Wards.AsNoTracking().FirstAsync(x => x.AreaId == w.AreaA.Id);
            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            db.Issues.Add(new Issue(TestData.Unique("AP-M"), TestData.Unique("New issue"), "Something needs doing.", ward, category, IssueSource.Resident, w.ManagerA.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        app.Commands.Reset();
        var changed = await client.GetDocumentAsync(url);
        // Read again: the areas, the version, then the figures in a fixed number of commands whatever the number of issues
        // (the month summary; the open-issue dates; the open counts; the area managers; task groups and their overdue
        // actions; meetings held, the next to start, and open actions arising; budgets; value for money; the themes).
        Assert.InRange(app.Commands.Count - signIn, 3, 14);
        Assert.Equal(["1", "0", "1", "0", "1", "3"], Table(changed, "open-by-area-level")[a]);

        // A spend (the ledger moves the budget's Spent by a conditional UPDATE, outside the change tracker): counted too.
        await app.WithDbAsync(async db =>
        {
            var budget = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.AreaId == w.AreaA.Id);
            var spend = budget.Spend(new SpendDetails(120m, new DateOnly(2025, 6, 3), "Acme Skips Ltd", "Skip for the clear-up", null, false, null),
                null, w.ManagerA.Id, DateTime.UtcNow);
            await LedgerStore.AppendAsync(db, spend, CancellationToken.None);
        });
        Assert.Equal(["£5,000.00", "£120.00", "£4,880.00"], Table(await client.GetDocumentAsync(url), "budgets-by-area")[a]);
    }

    [Fact]
    public async Task The_partnership_manager_s_home_counts_are_kept_until_a_change_and_then_count_it()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.PartnershipManager.Id);
        int OpenIn(AngleSharp.Html.Dom.IHtmlDocument home) => int.Parse(home.QuerySelectorAll("[data-testid=home-scope] tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Contains(w.AreaA.Name, StringComparison.Ordinal))
            .QuerySelector("td[data-column=Open]")!.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Equal(2, OpenIn(await client.GetDocumentAsync("/")));

        // Kept: the data version only.
        var signIn = await IssuePages.SignInCommandsAsync(app, client);
        app.Commands.Reset();
        Assert.Equal(2, OpenIn(await client.GetDocumentAsync("/")));
        Assert.Equal(1, app.Commands.Count - signIn);

        await app.WithDbAsync(async db =>
        {
            var ward = await db.Wards.AsNoTracking().FirstAsync(x => x.AreaId == w.AreaA.Id);
            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            db.Issues.Add(new Issue(TestData.Unique("AP-M"), TestData.Unique("New issue"), "Something needs doing.", ward, category, IssueSource.Resident, w.ManagerA.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        Assert.Equal(3, OpenIn(await client.GetDocumentAsync("/")));
    }

    [Fact]
    public async Task Every_role_s_home_is_kept_for_that_person_alone_until_a_change_and_then_counts_it()
    {
        var w = await CreateAsync(app);
        static IReadOnlyDictionary<string, int> Open(AngleSharp.Html.Dom.IHtmlDocument home) => home.QuerySelectorAll("[data-testid=home-scope] tbody tr:not([data-testid=home-total])")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim().Split('\n')[0].Trim(),
                r => int.Parse(r.QuerySelector("td[data-column=Open]")!.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        var managerA = app.ClientFor(w.ManagerA.Id);
        var councillor = app.ClientFor(w.Councillor.Id);
        var police = app.ClientFor(w.PoliceUser.Id);
        Assert.Equal(2, Open(await managerA.GetDocumentAsync("/"))[w.AreaA.Name]);
        var ward = Assert.Single(Open(await councillor.GetDocumentAsync("/"))).Key;
        var policeOpen = Assert.Single(Open(await police.GetDocumentAsync("/"))).Value;

        // Kept for each of them: the data version only, and each still sees their own (asked straight after one another).
        foreach (var client in new[] { managerA, councillor, police })
        {
            var signIn = await IssuePages.SignInCommandsAsync(app, client);
            app.Commands.Reset();
            await client.GetDocumentAsync("/");
            Assert.Equal(1, app.Commands.Count - signIn);
        }

        Assert.Equal([w.AreaA.Name], Open(await managerA.GetDocumentAsync("/")).Keys);
        Assert.Equal([w.AreaB.Name], Open(await app.ClientFor(w.ManagerB.Id).GetDocumentAsync("/")).Keys);
        Assert.Equal([ward], Open(await councillor.GetDocumentAsync("/")).Keys);
        Assert.Equal(policeOpen, Assert.Single(Open(await police.GetDocumentAsync("/"))).Value);

        // A new issue in the councillor's ward, led by the police: counted on each home's next request.
        await app.WithDbAsync(async db =>
        {
            var wardA = await db.Wards.AsNoTracking().FirstAsync(x => x.AreaId == w.AreaA.Id);
            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            var police = await db.Users.Where(u => u.Id == w.PoliceUser.Id).Select(u => new { u.OrganisationId, u.DisplayName }).SingleAsync();
            var organisation = await db.Organisations.Where(o => o.Id == police.OrganisationId).Select(o => o.Name).SingleAsync();
            var issue = new Issue(TestData.Unique("AP-M"), TestData.Unique("New issue"), "Something needs doing.", wardA, category, IssueSource.Resident, w.ManagerA.Id, DateTime.UtcNow);
            issue.Triage(IssueLevel.MultiAgency, "Police to lead", new Assignment(w.PoliceUser.Id, police.DisplayName, police.OrganisationId, organisation), w.ManagerA.Id, DateTime.UtcNow, 30);
            db.Issues.Add(issue);
            await db.SaveChangesAsync();
        });
        Assert.Equal(3, Open(await managerA.GetDocumentAsync("/"))[w.AreaA.Name]);
        Assert.Equal(3, Open(await councillor.GetDocumentAsync("/"))[ward]);
        Assert.Equal(policeOpen + 1, Assert.Single(Open(await police.GetDocumentAsync("/"))).Value);
    }

    [Fact]
    public async Task A_meeting_ending_leaves_a_kept_home_s_next_meetings_with_no_change_to_the_data()
    {
        var w = await CreateAsync(app);
        using var clocked = Clocked(w.ManagerA.Id);
        var (clock, client) = (clocked.Clock, clocked.Client);

        var today = clock.UkToday;
        var title = await TaskingAsync(w, clock, clock.UtcNow.AddMinutes(10));
        string NextMeetings(AngleSharp.Html.Dom.IHtmlDocument home) => home.QuerySelector("[data-testid=next-meetings]")!.TextContent;
        Assert.Contains(title, NextMeetings(await client.GetDocumentAsync("/")), StringComparison.Ordinal);

        // Started, not ended: still next. Ended, with nothing saved: gone.
        var version = await app.WithDbAsync(db => DataVersion.ReadAsync(db, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Contains(title, NextMeetings(await client.GetDocumentAsync("/")), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromMinutes(41));
        if (clock.UkToday != today)
        {
            return; // Run just before UK midnight: the new day is a new key anyway, so this case proves nothing.
        }

        Assert.Equal(version, await app.WithDbAsync(db => DataVersion.ReadAsync(db, CancellationToken.None)));
        Assert.DoesNotContain(title, NextMeetings(await client.GetDocumentAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_starting_joins_a_kept_support_officer_s_meetings_to_minute_with_no_change_to_the_data()
    {
        var w = await CreateAsync(app);
        using var clocked = Clocked(w.SupportOfficerA.Id);
        var (clock, client) = (clocked.Clock, clocked.Client);

        var today = clock.UkToday;
        var title = await TaskingAsync(w, clock, clock.UtcNow.AddMinutes(10));
        string ToMinute(AngleSharp.Html.Dom.IHtmlDocument home) => home.QuerySelector("[data-testid=to-minute]")!.TextContent;
        Assert.DoesNotContain(title, ToMinute(await client.GetDocumentAsync("/")), StringComparison.Ordinal);

        var version = await app.WithDbAsync(db => DataVersion.ReadAsync(db, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(11));
        if (clock.UkToday != today)
        {
            return; // Run just before UK midnight: the new day is a new key anyway, so this case proves nothing.
        }

        Assert.Equal(version, await app.WithDbAsync(db => DataVersion.ReadAsync(db, CancellationToken.None)));
        Assert.Contains(title, ToMinute(await client.GetDocumentAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_is_kept_for_one_person_s_areas_is_never_shown_to_someone_counting_others()
    {
        var w = await CreateAsync(app);
        var everyArea = Table(await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync($"/dashboard?{Period}"), "flows-by-area");
        Assert.Contains(w.AreaB.Name, everyArea.Keys);

        // The same address, straight after: each manager sees their own area only, and the partnership manager every area again.
        var managerA = await app.ClientFor(w.ManagerA.Id).GetDocumentAsync($"/dashboard?{Period}");
        Assert.Equal([w.AreaA.Name], Table(managerA, "flows-by-area").Keys);
        Assert.Equal("Your areas", managerA.QuerySelector("[data-testid=scope-areas]")!.TextContent.Trim());
        Assert.Equal([w.AreaB.Name], Table(await app.ClientFor(w.ManagerB.Id).GetDocumentAsync($"/dashboard?{Period}"), "flows-by-area").Keys);
        var again = await app.ClientFor(w.PartnershipManager.Id).GetDocumentAsync($"/dashboard?{Period}");
        Assert.Contains(w.AreaB.Name, Table(again, "flows-by-area").Keys);
        Assert.Equal("Every area", again.QuerySelector("[data-testid=scope-areas]")!.TextContent.Trim());

        // A manager moved from area A to area B counts area B at once (the change to their areas is a save).
        await app.WithDbAsync(async db =>
        {
            db.UserAreas.RemoveRange(db.UserAreas.Where(x => x.UserId == w.ManagerA.Id));
            db.UserAreas.Add(new UserArea { UserId = w.ManagerA.Id, AreaId = w.AreaB.Id });
            await db.SaveChangesAsync();
        });
        Assert.Equal([w.AreaB.Name], Table(await app.ClientFor(w.ManagerA.Id).GetDocumentAsync($"/dashboard?{Period}"), "flows-by-area").Keys);
    }

    [Fact]
    public async Task A_meeting_starting_is_counted_as_held_with_no_change_to_the_data()
    {
        var w = await CreateAsync(app);
        using var clocked = Clocked(w.PartnershipManager.Id);
        var (clock, client) = (clocked.Clock, clocked.Client);

        var today = clock.UkToday;
        await TaskingAsync(w, clock, clock.UtcNow.AddHours(1));
        var url = $"/dashboard?Period=custom&FromDay=1&FromMonth={today.Month}&FromYear={today.Year}&ToDay={today.Day}&ToMonth={today.Month}&ToYear={today.Year}&AreaId={Id(w.AreaA.Id)}";
        var before = Table(await client.GetDocumentAsync(url), "meetings-by-area")[w.AreaA.Name];
        Assert.Equal(["0", "1"], before);

        // An hour and a minute later, with nothing saved: the meeting has been held.
        var version = await app.WithDbAsync(db => DataVersion.ReadAsync(db, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(61));
        if (clock.UkToday != today)
        {
            return; // Run just before UK midnight: the new day is a new key anyway, so this case proves nothing.
        }

        Assert.Equal(version, await app.WithDbAsync(db => DataVersion.ReadAsync(db, CancellationToken.None)));
        Assert.Equal(["1", "1", "1"], Table(await client.GetDocumentAsync(url), "meetings-by-area")[w.AreaA.Name]);
    }

    [Fact]
    public async Task The_data_version_moves_with_every_saved_change_a_figure_could_count_and_only_then()
    {
        var w = await CreateAsync(app);
        Task<long> Version() => app.WithDbAsync(db => DataVersion.ReadAsync(db, CancellationToken.None));

        var start = await Version();
        await app.WithDbAsync(async db =>
        {
            db.EndedSessions.Add(new EndedSession(Guid.NewGuid(), DateTime.UtcNow, DateTime.UtcNow.AddDays(1)));
            await db.SaveChangesAsync();
        });
        Assert.Equal(start, await Version());

        await app.WithDbAsync(async db =>
        {
            var issue = await db.Issues.SingleAsync(i => i.Id == w.SteppedUp.Id);
            issue.AddNote("A note", Visibility.Everyone, w.ManagerA.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        Assert.Equal(start + 1, await Version());

        // A save that fails moves nothing.
        var refused = await app.WithDbAsync(async db =>
        {
            // Two people read the budget with £5,000 left and each spends £4,000: the second is refused at the ledger.
            var budget = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.AreaId == w.AreaA.Id);
            var asReadByAnother = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.AreaId == w.AreaA.Id);
            var spend = budget.Spend(new SpendDetails(4_000m, new DateOnly(2025, 6, 3), "Acme Skips Ltd", "Skip", null, false, null), null, w.ManagerA.Id, DateTime.UtcNow);
            var other = asReadByAnother.Spend(new SpendDetails(4_000m, new DateOnly(2025, 6, 3), "Acme Skips Ltd", "Skip", null, false, null), null, w.ManagerA.Id, DateTime.UtcNow);
            await LedgerStore.AppendAsync(db, spend, CancellationToken.None);
            db.ChangeTracker.Clear();
            return await Assert.ThrowsAsync<DomainException>(() => LedgerStore.AppendAsync(db, other, CancellationToken.None));
        });
        Assert.Contains("left in", refused.Message, StringComparison.Ordinal);
        Assert.Equal(start + 2, await Version());
    }
}
