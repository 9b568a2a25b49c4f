using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Infrastructure;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>The partnership manager's weekly digest of the borough (a class of its own: it reads every area in its database).</summary>
public sealed class ScheduleWeeklyTests(ScheduleApp app) : IClassFixture<ScheduleApp>
{
    [Fact]
    public async Task The_weekly_digest_comes_on_Monday_at_the_partnership_managers_time_and_only_to_them()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        var people = world.People;
        // The Monday whose digest covers now (the steps below happen now, in real time): its 07:00 is within the next
        // seven days — today, when today is a Monday before 07:00 (the week looked back on starts at 07:00 last Monday).
        var nowUk = UkTime.FromUtc(DateTime.UtcNow);
        var today = DateOnly.FromDateTime(nowUk);
        var ahead = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var monday = today.AddDays(ahead == 0 && nowUk.TimeOfDay >= new TimeSpan(7, 0, 0) ? 7 : ahead);
        var areaA = await world.AreaNameAsync(people.AreaA);
        var areaB = await world.AreaNameAsync(people.AreaB);

        var stepped = await world.IssueAsync(people.WardA1, world.SteppedUpTo(IssueLevel.MultiAgency), title: "Organised fly-tipping from a yard");
        var secret = await world.IssueAsync(people.WardB1, world.SteppedUpTo(IssueLevel.Borough), confidential: true, title: "Exploitation at the Hidden Lane flats");
        await world.IssueAsync(people.WardA2, people.AtLevel2, title: "Only at Level 2");
        await world.IssueAsync(people.WardA1, world.Overdue);
        await world.IssueAsync(people.WardB1, world.Overdue);
        await world.IssueAsync(people.WardB1, world.Overdue);
        var budget = await world.BudgetAsync(people.AreaA, monday, 5000m);

        // The Sunday before and Monday before 07:00: nothing.
        app.Clock.SetUk(monday.AddDays(-1), new TimeOnly(9, 0));
        await app.DigestsAsync();
        app.Clock.SetUk(monday, new TimeOnly(6, 59));
        await app.DigestsAsync();
        Assert.Empty(await world.MessagesToAsync(people.PartnershipManager.Id, NotificationKind.WeeklyDigest));

        app.Clock.SetUk(monday, new TimeOnly(7, 0));
        await app.DigestsAsync();
        app.Clock.SetUk(monday.AddDays(1), new TimeOnly(9, 0));
        await app.DigestsAsync();
        app.Clock.SetUk(monday.AddDays(2), new TimeOnly(9, 0));
        await app.DigestsAsync();

        var message = Assert.Single(await world.MessagesToAsync(people.PartnershipManager.Id, NotificationKind.WeeklyDigest));
        var run = Assert.Single(await world.RunsForAsync(people.PartnershipManager.Id), r => r.Kind == NotificationKind.WeeklyDigest);
        Assert.Equal((monday, message.Id), (run.ForDate, run.OutboxMessageId));
        Assert.Equal($"The borough this week: {UkFormat.Date(monday)}", message.Subject);
        var body = message.Body;
        Assert.Contains("Issues stepped up to Level 3 or 4 in the last week: 2", body, StringComparison.Ordinal);
        Assert.Contains($"{stepped.Reference}: Organised fly-tipping from a yard: Level 3 on {UkFormat.Date(UkTime.DateOf(DateTime.UtcNow))}", body, StringComparison.Ordinal);
        Assert.Contains($"A confidential issue in {areaB}: Level 4", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Lane", body, StringComparison.Ordinal);
        Assert.DoesNotContain($"{secret.Reference}:", body, StringComparison.Ordinal); // only in its link
        Assert.DoesNotContain("Only at Level 2", body, StringComparison.Ordinal);
        Assert.Contains("Overdue issues by area: 3", body, StringComparison.Ordinal);
        Assert.Contains($"- {areaA}: 1", body, StringComparison.Ordinal);
        Assert.Contains($"- {areaB}: 2", body, StringComparison.Ordinal);
        Assert.Contains($"/issues?AreaId={people.AreaB}&Overdue=True", body, StringComparison.Ordinal);
        Assert.Contains($"- {areaA}: £0.00 spent of £5,000.00 (£5,000.00 left)", body, StringComparison.Ordinal);
        Assert.Contains($"/budgets/{budget.Id}", body, StringComparison.Ordinal);
        Assert.Contains($"- {areaB}: no allocation yet", body, StringComparison.Ordinal);

        // Nobody else gets the weekly digest.
        foreach (var other in new[] { people.AreaManagerA, people.AreaManagerB, people.SupportOfficerA, people.CouncillorA1 })
        {
            Assert.Empty(await world.MessagesToAsync(other.Id, NotificationKind.WeeklyDigest));
        }
    }
}
