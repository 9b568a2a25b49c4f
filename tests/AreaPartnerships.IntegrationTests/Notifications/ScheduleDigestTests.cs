using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Infrastructure;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>The daily digest: at each person's UK time, once per person and day, what an area manager needs and what waits for them.</summary>
public sealed class ScheduleDigestTests(ScheduleApp app) : IClassFixture<ScheduleApp>
{
    [Fact]
    public async Task The_daily_digest_waits_for_the_persons_time_then_comes_once()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        var manager = world.People.AreaManagerA;
        await world.SetDigestTimeAsync(manager.Id, new TimeOnly(8, 30));
        world.SetClock(5, new TimeOnly(8, 0));
        var group = await world.GroupAsync(world.People.AreaA);
        await world.WaitingAsync(NotificationKind.AddedToTaskGroup, manager.Id, groupId: group.Id);

        await app.DigestsAsync();
        Assert.Empty(await world.RunsForAsync(manager.Id));
        world.SetClock(5, new TimeOnly(8, 29, 59));
        await app.DigestsAsync();
        Assert.Empty(await world.RunsForAsync(manager.Id));

        world.SetClock(5, new TimeOnly(8, 30));
        await app.DigestsAsync();
        await app.DigestsAsync();
        world.SetClock(5, new TimeOnly(23, 59));
        await app.DigestsAsync();

        var run = Assert.Single(await world.RunsForAsync(manager.Id));
        Assert.Equal((NotificationKind.DailyDigest, world.Today), (run.Kind, run.ForDate));
        var message = Assert.Single(await world.MessagesToAsync(manager.Id));
        Assert.Equal(run.OutboxMessageId, message.Id);
        Assert.Equal(NotificationKind.DailyDigest, message.Kind);
        Assert.Equal($"Your daily summary for {UkFormat.Date(world.Today)}", message.Subject);
        Assert.Equal(manager.Email, message.ToAddress);

        // The next day: not before 08:30 again; then a run of its own (nothing to say now, so no e-mail).
        world.SetClock(6, new TimeOnly(8, 0));
        await app.DigestsAsync();
        Assert.Single(await world.RunsForAsync(manager.Id));
        world.SetClock(6, new TimeOnly(8, 30));
        await app.DigestsAsync();
        Assert.Equal(2, (await world.RunsForAsync(manager.Id)).Count);
        Assert.Single(await world.MessagesToAsync(manager.Id));
    }

    [Fact]
    public async Task The_digest_time_is_UK_time_across_the_clock_changes()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        var (manager, areaId) = await world.LoneAreaManagerAsync();
        var group = await world.GroupAsync(areaId);

        // 29 March 2026, the first day of British Summer Time: 07:00 in the UK is 06:00 UTC.
        app.Clock.Now = new DateTimeOffset(2026, 3, 29, 5, 0, 0, TimeSpan.Zero);
        await world.WaitingAsync(NotificationKind.AddedToTaskGroup, manager.Id, groupId: group.Id);
        app.Clock.Now = new DateTimeOffset(2026, 3, 29, 5, 59, 59, TimeSpan.Zero);
        await app.DigestsAsync();
        Assert.Empty(await world.MessagesToAsync(manager.Id));
        app.Clock.Now = new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero);
        await app.DigestsAsync();
        var spring = Assert.Single(await world.MessagesToAsync(manager.Id));
        Assert.Equal("Your daily summary for 29 March 2026", spring.Subject);
        Assert.Equal(new DateTime(2026, 3, 29, 6, 0, 0, DateTimeKind.Utc), spring.CreatedAt);

        // 24 October 2026, the last day of summer time: 07:00 is 06:00 UTC.
        app.Clock.Now = new DateTimeOffset(2026, 10, 24, 5, 0, 0, TimeSpan.Zero);
        await world.WaitingAsync(NotificationKind.AddedToTaskGroup, manager.Id, groupId: group.Id);
        app.Clock.Now = new DateTimeOffset(2026, 10, 24, 5, 59, 0, TimeSpan.Zero);
        await app.DigestsAsync();
        Assert.Single(await world.MessagesToAsync(manager.Id));
        app.Clock.Now = new DateTimeOffset(2026, 10, 24, 6, 0, 0, TimeSpan.Zero);
        await app.DigestsAsync();
        Assert.Equal("Your daily summary for 24 October 2026", (await world.MessagesToAsync(manager.Id))[^1].Subject);

        // 25 October 2026, back on Greenwich Mean Time: 07:00 is 07:00 UTC, not an hour before.
        app.Clock.Now = new DateTimeOffset(2026, 10, 25, 5, 0, 0, TimeSpan.Zero);
        await world.WaitingAsync(NotificationKind.AddedToTaskGroup, manager.Id, groupId: group.Id);
        app.Clock.Now = new DateTimeOffset(2026, 10, 25, 6, 30, 0, TimeSpan.Zero);
        await app.DigestsAsync();
        Assert.Equal(2, (await world.MessagesToAsync(manager.Id)).Count);
        app.Clock.Now = new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero);
        await app.DigestsAsync();
        var autumn = await world.MessagesToAsync(manager.Id);
        Assert.Equal(3, autumn.Count);
        Assert.Equal("Your daily summary for 25 October 2026", autumn[^1].Subject);
        Assert.Equal(new DateTime(2026, 10, 25, 7, 0, 0, DateTimeKind.Utc), autumn[^1].CreatedAt);
        Assert.Equal([new DateOnly(2026, 3, 29), new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25)], (await world.RunsForAsync(manager.Id)).Select(r => r.ForDate));
    }

    [Fact]
    public async Task Instances_building_the_same_digests_at_once_make_one_run_and_one_email_per_person()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        var manager = world.People.AreaManagerA;
        var partner = world.People.PoliceUser;
        world.SetClock(3, new TimeOnly(9, 0));
        var group = await world.GroupAsync(world.People.AreaA);
        var forManager = await world.WaitingAsync(NotificationKind.AddedToTaskGroup, manager.Id, groupId: group.Id);
        var forPartner = await world.WaitingAsync(NotificationKind.AddedToTaskGroup, partner.Id, groupId: group.Id);

        // This instance has read whose digests are due; before it builds any, another instance builds them all.
        await using var instance = app.PausingInstance(
            sql => sql.Contains("FROM \"AspNetUsers\"", StringComparison.Ordinal) && sql.Contains("\"DigestRuns\"", StringComparison.Ordinal),
            async () => Assert.True(await app.DigestsAsync() >= 2));
        Assert.Equal(0, await app.DigestsAsync(instance));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => app.DigestsAsync())));

        foreach (var (person, waiting) in new[] { (manager, forManager), (partner, forPartner) })
        {
            var run = Assert.Single(await world.RunsForAsync(person.Id));
            var message = Assert.Single(await world.MessagesToAsync(person.Id));
            Assert.Equal(run.OutboxMessageId, message.Id);
            var stored = await world.StoredAsync(waiting.Id);
            Assert.Equal(NotificationState.InDigest, stored.State);
            Assert.Equal(run.Id, stored.DigestRunId);
        }
    }

    [Fact]
    public async Task An_area_managers_digest_counts_and_lists_only_their_areas()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        var people = world.People;
        world.SetClock(20, new TimeOnly(8, 0));
        var areaA = await world.AreaNameAsync(people.AreaA);

        var waiting = await world.IssueAsync(people.WardA1, title: "Fly-tipping behind the Park Street shops");
        var secret = await world.IssueAsync(people.WardA2, confidential: true, title: "Dealing from the flat at 12 Hidden Lane");
        var followUp = await world.IssueAsync(people.WardA1, world.FollowUpDue, title: "Mattress dumped on Elm Road");
        var overdue = await world.IssueAsync(people.WardA2, world.Overdue, title: "Youths gathering at the rec");
        var groupA = await world.GroupAsync(people.AreaA);
        var late = await world.ActionAsync(people.PoliceUser.Id, world.Today.AddDays(-2), groupA.Id, description: "Patrol the rec on Friday evenings");
        await world.ActionAsync(people.PoliceUser.Id, world.Today.AddDays(1), groupA.Id, description: "Not late yet");
        var tasking = await world.MeetingAsync(people.AreaA, world.Today.AddDays(3), title: "Tasking for the Park Street area");
        await world.MeetingAsync(people.AreaA, world.Today.AddDays(4), confidential: true, title: "Operation Nightjar briefing");
        await world.MeetingAsync(people.AreaA, world.Today.AddDays(9), title: "Too far ahead");

        // Area B has one of each too: none of it is area A's manager's business.
        var inB = await world.IssueAsync(people.WardB1, title: "Graffiti on the canal bridge");
        var followUpB = await world.IssueAsync(people.WardB1, world.FollowUpDue, title: "Sofa on Canal Street");
        var overdueB = await world.IssueAsync(people.WardB1, world.Overdue, title: "Speeding on the ring road");
        var groupB = await world.GroupAsync(people.AreaB);
        await world.ActionAsync(people.PoliceUser.Id, world.Today.AddDays(-3), groupB.Id, description: "Speed checks on the ring road");
        await world.MeetingAsync(people.AreaB, world.Today.AddDays(2), title: "Tasking for the canal side");

        await app.DigestsAsync();

        var message = Assert.Single(await world.MessagesToAsync(people.AreaManagerA.Id));
        var body = message.Body;
        Assert.Equal($"Your daily summary for {UkFormat.Date(world.Today)}", message.Subject);
        Assert.Contains("New issues waiting for triage: 2", body, StringComparison.Ordinal);
        Assert.Contains($"{waiting.Reference}: Fly-tipping behind the Park Street shops (raised {UkFormat.Date(waiting.RaisedAt)})", body, StringComparison.Ordinal);
        Assert.Contains($"/issues/{waiting.Reference}", body, StringComparison.Ordinal);
        Assert.Contains($"A confidential issue in {areaA}", body, StringComparison.Ordinal);
        Assert.Contains("Referrals to follow up: 1", body, StringComparison.Ordinal);
        Assert.Contains($"{followUp.Reference}: Mattress dumped on Elm Road (follow up on", body, StringComparison.Ordinal);
        Assert.Contains("Overdue issues: 1", body, StringComparison.Ordinal);
        Assert.Contains($"{overdue.Reference}: Youths gathering at the rec (target date", body, StringComparison.Ordinal);
        Assert.Contains("Overdue actions: 1", body, StringComparison.Ordinal);
        Assert.Contains($"“Patrol the rec on Friday evenings”, {people.PoliceUser.DisplayName}, due {UkFormat.Date(world.Today.AddDays(-2))}", body, StringComparison.Ordinal);
        Assert.Contains($"/actions/{late.Id}", body, StringComparison.Ordinal);
        Assert.Contains("Meetings in the next week: 2", body, StringComparison.Ordinal);
        Assert.Contains($"{UkFormat.Date(world.Today.AddDays(3))} at 10am: Tasking for the Park Street area", body, StringComparison.Ordinal);
        Assert.Contains($"/meetings/{tasking.Id}", body, StringComparison.Ordinal);
        Assert.Contains($"A confidential meeting in {areaA}", body, StringComparison.Ordinal);

        foreach (var never in new[] { secret.Title, $"{secret.Reference}:", "Hidden Lane", "Operation Nightjar", "Too far ahead", "Not late yet", inB.Reference, followUpB.Reference, overdueB.Reference,
                     "ring road", "canal" })
        {
            Assert.DoesNotContain(never, body, StringComparison.OrdinalIgnoreCase);
        }

        // Area B's manager gets area B's, and nothing of area A's.
        var bodyB = Assert.Single(await world.MessagesToAsync(people.AreaManagerB.Id)).Body;
        Assert.Contains("New issues waiting for triage: 1", bodyB, StringComparison.Ordinal);
        Assert.Contains(inB.Reference, bodyB, StringComparison.Ordinal);
        Assert.Contains("Overdue actions: 1", bodyB, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting.Reference, bodyB, StringComparison.Ordinal);
        Assert.DoesNotContain("Park Street", bodyB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_notifications_become_lines_of_the_digest_and_are_marked_in_it()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        var people = world.People;
        var partner = people.PoliceUser;
        world.SetClock(30, new TimeOnly(7, 0));
        var group = await world.GroupAsync(people.AreaA);
        var action = await world.ActionAsync(partner.Id, world.Today.AddDays(2), group.Id, description: "Visit the households on Williams Street");
        var meeting = await world.MeetingAsync(people.AreaA, world.Today.AddDays(5), title: "Community meeting at the library");
        var dueSoon = await world.WaitingAsync(NotificationKind.ActionDueSoon, partner.Id, actionId: action.Id, groupId: group.Id);
        var invitation = await world.WaitingAsync(NotificationKind.MeetingInvitation, partner.Id, meetingId: meeting.Id);
        var added = await world.WaitingAsync(NotificationKind.AddedToTaskGroup, partner.Id, groupId: group.Id);

        await app.DigestsAsync();

        var run = Assert.Single(await world.RunsForAsync(partner.Id));
        var body = Assert.Single(await world.MessagesToAsync(partner.Id)).Body;
        Assert.Contains("Also for you", body, StringComparison.Ordinal);
        Assert.Contains($"- An action of yours is due in two days: “Visit the households on Williams Street”, due {UkFormat.Date(world.Today.AddDays(2))}", body, StringComparison.Ordinal);
        Assert.Contains($"/actions/{action.Id}", body, StringComparison.Ordinal);
        Assert.Contains($"- You are invited to a meeting: Community meeting at the library, {UkFormat.Date(world.Today.AddDays(5))} at 10am", body, StringComparison.Ordinal);
        Assert.Contains($"/meetings/{meeting.Id}", body, StringComparison.Ordinal);
        Assert.Contains($"- You are added to a task group: {group.Name} in {await world.AreaNameAsync(people.AreaA)}", body, StringComparison.Ordinal);
        Assert.Contains($"/task-groups/{group.Id}", body, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting for triage", body, StringComparison.Ordinal); // not an area manager
        foreach (var n in new[] { dueSoon, invitation, added })
        {
            var stored = await world.StoredAsync(n.Id);
            Assert.Equal((NotificationState.InDigest, run.Id), (stored.State, stored.DigestRunId));
        }

        // Something that arrives after today's digest waits for tomorrow's.
        var later = await world.WaitingAsync(NotificationKind.ActionAssigned, partner.Id, actionId: action.Id, groupId: group.Id);
        await app.DigestsAsync();
        Assert.Equal(NotificationState.AwaitingDigest, (await world.StoredAsync(later.Id)).State);
        world.SetClock(31, new TimeOnly(7, 0));
        await app.DigestsAsync();
        var messages = await world.MessagesToAsync(partner.Id);
        Assert.Equal(2, messages.Count);
        Assert.Contains("- An action is assigned to you: “Visit the households on Williams Street”", messages[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("You are invited", messages[1].Body, StringComparison.Ordinal);
        Assert.Equal(NotificationState.InDigest, (await world.StoredAsync(later.Id)).State);
    }

    [Fact]
    public async Task Nothing_confidential_is_written_and_a_councillor_never_hears_of_a_confidential_issue()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        var people = world.People;
        var councillor = people.CouncillorA1;
        world.SetClock(40, new TimeOnly(7, 30));
        var open = await world.IssueAsync(people.WardA1, people.AtLevel2, title: "Broken street lights on Elm Road");
        var secret = await world.IssueAsync(people.WardA1, people.AtLevel2, confidential: true, title: "Cuckooing at 4 Hidden Lane");
        var group = await world.GroupAsync(people.AreaA);
        var secretAction = await world.ActionAsync(councillor.Id, world.Today.AddDays(2), group.Id, issueId: secret.Id, description: "Check on the tenant at Hidden Lane");
        var told = await world.WaitingAsync(NotificationKind.RaisedIssueStatusChanged, councillor.Id, issueId: open.Id, detail: "Triaged");
        var dropped = await world.WaitingAsync(NotificationKind.RaisedIssueStatusChanged, councillor.Id, issueId: secret.Id, detail: "Triaged");
        var droppedAction = await world.WaitingAsync(NotificationKind.ActionDueSoon, councillor.Id, actionId: secretAction.Id, issueId: secret.Id, groupId: group.Id);

        // An officer is told of the confidential ones, without their titles.
        var manager = people.AreaManagerA;
        await world.WaitingAsync(NotificationKind.IssueAssigned, manager.Id, issueId: secret.Id);
        await world.WaitingAsync(NotificationKind.ActionDueSoon, manager.Id, actionId: secretAction.Id, issueId: secret.Id, groupId: group.Id);

        await app.DigestsAsync();

        var body = Assert.Single(await world.MessagesToAsync(councillor.Id)).Body;
        Assert.Contains($"- An issue you raised changes status: {open.Reference}: Broken street lights on Elm Road, now triaged", body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Reference, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Lane", body, StringComparison.Ordinal);
        Assert.DoesNotContain("confidential", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NotificationState.InDigest, (await world.StoredAsync(told.Id)).State);
        foreach (var n in new[] { dropped, droppedAction })
        {
            var stored = await world.StoredAsync(n.Id);
            Assert.Equal(NotificationState.Skipped, stored.State);
            Assert.Null(stored.DigestRunId);
        }

        var managerBody = Assert.Single(await world.MessagesToAsync(manager.Id)).Body;
        Assert.Contains($"- An issue is assigned to you: A confidential issue in {await world.AreaNameAsync(people.AreaA)}", managerBody, StringComparison.Ordinal);
        Assert.Contains($"- An action of yours is due in two days: An action about a confidential matter, due {UkFormat.Date(world.Today.AddDays(2))}", managerBody, StringComparison.Ordinal);
        Assert.Contains($"/issues/{secret.Reference}", managerBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Lane", managerBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Cuckooing", managerBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_to_say_the_digest_is_recorded_but_no_email_is_sent()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        var (manager, _) = await world.LoneAreaManagerAsync();
        world.SetClock(50, new TimeOnly(12, 0));

        await app.DigestsAsync();
        await app.DigestsAsync();

        var run = Assert.Single(await world.RunsForAsync(manager.Id));
        Assert.Equal((NotificationKind.DailyDigest, world.Today), (run.Kind, run.ForDate));
        Assert.Null(run.OutboxMessageId);
        Assert.Empty(await world.MessagesToAsync(manager.Id));
    }

    [Fact]
    public async Task A_disabled_account_gets_no_digest()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        var (manager, areaId) = await world.LoneAreaManagerAsync();
        world.SetClock(55, new TimeOnly(9, 0));
        var group = await world.GroupAsync(areaId);
        await world.WaitingAsync(NotificationKind.AddedToTaskGroup, manager.Id, groupId: group.Id);
        await app.Data.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(manager.Id))!.IsDisabled = true;
            await db.SaveChangesAsync();
        });

        await app.DigestsAsync();

        Assert.Empty(await world.RunsForAsync(manager.Id));
        Assert.Empty(await world.MessagesToAsync(manager.Id));
    }
}
