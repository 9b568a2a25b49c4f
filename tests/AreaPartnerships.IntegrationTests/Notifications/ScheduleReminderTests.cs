using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Notifications;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>The scheduler's reminders about actions: due in two days and overdue, each once per action and due date.</summary>
public sealed class ScheduleReminderTests(ScheduleApp app) : IClassFixture<ScheduleApp>
{
    [Fact]
    public async Task An_open_action_due_in_two_days_gets_one_reminder_however_often_the_scheduler_runs()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        world.SetClock(10, new TimeOnly(8, 0));
        var group = await world.GroupAsync(world.People.AreaA);
        var issue = await world.IssueAsync(world.People.WardA1, world.People.AtLevel2);
        var action = await world.ActionAsync(world.People.CleansingUser.Id, world.Today.AddDays(2), group.Id, issueId: issue.Id);

        await app.RemindersAsync();
        await app.RemindersAsync();
        world.SetClock(10, new TimeOnly(18, 0));
        await app.RemindersAsync();

        var reminder = Assert.Single(await world.RemindersForAsync(action.Id));
        Assert.Equal(NotificationKind.ActionDueSoon, reminder.Kind);
        Assert.Equal($"due-soon:{action.Id}:{world.Today.AddDays(2):yyyy-MM-dd}", reminder.Key);
        Assert.Equal(world.People.CleansingUser.Id, reminder.RecipientUserId);
        Assert.Equal(issue.Id, reminder.IssueId);
        Assert.Equal(group.Id, reminder.TaskGroupId);
        Assert.Null(reminder.MeetingId);
        Assert.Equal(NotificationState.Pending, reminder.State);
        Assert.Equal(app.Clock.Now.UtcDateTime.Date, reminder.CreatedAt.Date);
    }

    [Fact]
    public async Task An_overdue_action_gets_one_reminder_for_its_due_date_and_another_when_a_new_date_passes()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        world.SetClock(20, new TimeOnly(8, 0));
        var meeting = await world.MeetingAsync(world.People.AreaA, world.Today.AddDays(-5));
        var action = await world.ActionAsync(world.People.PoliceUser.Id, world.Today.AddDays(-1), meetingId: meeting.Id);

        await app.RemindersAsync();
        world.SetClock(21, new TimeOnly(8, 0));
        await app.RemindersAsync();

        var overdue = Assert.Single(await world.RemindersForAsync(action.Id));
        Assert.Equal(NotificationKind.ActionOverdue, overdue.Kind);
        Assert.Equal(Reminders.OverdueKey(action.Id, world.Today.AddDays(-2)), overdue.Key);
        Assert.Equal(meeting.Id, overdue.MeetingId);
        Assert.Equal(world.People.PoliceUser.Id, overdue.RecipientUserId);

        // Given a new date, which passes too: a reminder for that date (and the two-days-before one on the way).
        var newDate = world.Today.AddDays(3);
        await app.Data.WithDbAsync(async db =>
        {
            var stored = await db.PlanActions.FindAsync(action.Id);
            stored!.Change(stored.Description, stored.OwnerId, newDate, null);
            await db.SaveChangesAsync();
        });
        world.SetClock(22, new TimeOnly(8, 0));
        await app.RemindersAsync();
        world.SetClock(25, new TimeOnly(8, 0));
        await app.RemindersAsync();
        await app.RemindersAsync();

        var reminders = await world.RemindersForAsync(action.Id);
        Assert.Equal(
            [Reminders.OverdueKey(action.Id, newDate.AddDays(-5)), Reminders.DueSoonKey(action.Id, newDate), Reminders.OverdueKey(action.Id, newDate)],
            reminders.Select(r => r.Key));
    }

    [Fact]
    public async Task Done_cancelled_not_yet_near_and_long_forgotten_actions_get_no_reminder()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        world.SetClock(40, new TimeOnly(8, 0));
        var group = await world.GroupAsync(world.People.AreaA);
        var owner = world.People.CleansingUser.Id;
        var done = await world.ActionAsync(owner, world.Today.AddDays(-1), group.Id, status: PlanActionStatus.Done);
        var cancelled = await world.ActionAsync(owner, world.Today.AddDays(2), group.Id, status: PlanActionStatus.Cancelled);
        var inThreeDays = await world.ActionAsync(owner, world.Today.AddDays(3), group.Id);
        var tomorrow = await world.ActionAsync(owner, world.Today.AddDays(1), group.Id);
        var today = await world.ActionAsync(owner, world.Today, group.Id);
        var ancient = await world.ActionAsync(owner, world.Today.AddDays(-(Reminders.OverdueLookBackDays + 1)), group.Id);
        var lastInWindow = await world.ActionAsync(owner, world.Today.AddDays(-Reminders.OverdueLookBackDays), group.Id, status: PlanActionStatus.Blocked);

        await app.RemindersAsync();

        foreach (var action in new[] { done, cancelled, inThreeDays, tomorrow, today, ancient })
        {
            Assert.Empty(await world.RemindersForAsync(action.Id));
        }

        Assert.Equal(NotificationKind.ActionOverdue, Assert.Single(await world.RemindersForAsync(lastInWindow.Id)).Kind);
    }

    [Fact]
    public async Task A_reminder_another_instance_writes_meanwhile_is_written_once_and_the_others_still_are()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        world.SetClock(60, new TimeOnly(8, 0));
        var group = await world.GroupAsync(world.People.AreaA);
        var actions = new List<PlanAction>();
        for (var i = 0; i < 4; i++)
        {
            actions.Add(await world.ActionAsync(world.People.CleansingUser.Id, i % 2 == 0 ? world.Today.AddDays(2) : world.Today.AddDays(-i), group.Id));
        }

        // This instance has read which reminders exist; before it writes any, another instance writes the first one.
        var first = actions[0];
        await using var instance = app.PausingInstance(
            sql => sql.Contains("FROM \"Notifications\"", StringComparison.Ordinal) && sql.Contains("\"Key\"", StringComparison.Ordinal),
            () => app.Data.WithDbAsync(async db =>
            {
                db.Notifications.Add(new Notification(NotificationKind.ActionDueSoon, app.Clock.Now.UtcDateTime)
                {
                    RecipientUserId = first.OwnerId,
                    PlanActionId = first.Id,
                    Key = Reminders.DueSoonKey(first.Id, first.DueOn),
                });
                await db.SaveChangesAsync();
            }));
        var written = await app.RemindersAsync(instance);
        await app.RemindersAsync();

        foreach (var action in actions)
        {
            Assert.Single(await world.RemindersForAsync(action.Id));
        }

        Assert.True(written >= actions.Count - 1, $"The pausing instance wrote {written}");
    }

    [Fact]
    public async Task Instances_running_at_once_write_each_reminder_once()
    {
        var world = await ScheduleWorld.CreateAsync(app);
        world.SetClock(70, new TimeOnly(8, 0));
        var group = await world.GroupAsync(world.People.AreaA);
        var actions = new List<PlanAction>();
        for (var i = 0; i < 6; i++)
        {
            actions.Add(await world.ActionAsync(world.People.CleansingUser.Id, i % 2 == 0 ? world.Today.AddDays(2) : world.Today.AddDays(-i), group.Id));
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => app.RemindersAsync())));

        foreach (var action in actions)
        {
            Assert.Single(await world.RemindersForAsync(action.Id));
        }
    }
}
