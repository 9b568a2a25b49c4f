using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>
/// One database per test class, two ways in: <see cref="Data"/> (the ordinary test app, for building data with the
/// usual builders) and <see cref="Clocked"/> (the same app over the same database with <see cref="Clock"/> as its
/// clock, which runs the scheduler's steps).
/// </summary>
public sealed class ScheduleApp : IDisposable
{
    public ScheduleApp() =>
        Clocked = Data.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock)));

    public AppFactory Data { get; } = new();

    public TestClock Clock { get; } = new();

    public WebApplicationFactory<Program> Clocked { get; }

    /// <summary>One pass of the reminders in a scope of its own (as one instance's worker would).</summary>
    public Task<int> RemindersAsync(WebApplicationFactory<Program>? instance = null) => RunAsync<Reminders>(instance ?? Clocked, (r, ct) => r.RunOnceAsync(ct));

    /// <summary>One pass of the digests in a scope of its own.</summary>
    public Task<int> DigestsAsync(WebApplicationFactory<Program>? instance = null) => RunAsync<Digests>(instance ?? Clocked, (d, ct) => d.RunOnceAsync(ct));

    /// <summary>
    /// A second instance of the clocked app over the same database whose passes pause once, just after the first command
    /// <paramref name="after"/> picks out has been read, while <paramref name="meanwhile"/> runs (another instance's work):
    /// a race, made to happen at the worst moment every time rather than by luck.
    /// </summary>
    public WebApplicationFactory<Program> PausingInstance(Func<string, bool> after, Func<Task> meanwhile) =>
        Clocked.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(new Meanwhile(after, meanwhile)))));

    private static async Task<int> RunAsync<T>(WebApplicationFactory<Program> instance, Func<T, CancellationToken, Task<int>> step)
        where T : notnull
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<T>(), CancellationToken.None);
    }

    /// <summary>Once the command <c>after</c> picks out has run, runs <c>meanwhile</c> before this context's next command (once).</summary>
    private sealed class Meanwhile(Func<string, bool> after, Func<Task> meanwhile) : DbCommandInterceptor
    {
        private int _state;

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData,
            System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (after(command.CommandText))
            {
                Interlocked.CompareExchange(ref _state, 1, 0);
            }

            return ValueTask.FromResult(result);
        }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await PauseAsync();
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await PauseAsync();
            return result;
        }

        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            await PauseAsync();
            return result;
        }

        private async Task PauseAsync()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 1) == 1)
            {
                await meanwhile();
            }
        }
    }

    public void Dispose()
    {
        Clocked.Dispose();
        Data.Dispose();
    }
}

/// <summary>
/// <see cref="IssueWorld"/> (areas A and B, one person per role scoped to area A, area B's manager) plus the makings of
/// digests and reminders: issues in each state, task groups, actions, meetings, budgets and notifications waiting for
/// a digest. Dates are built from <see cref="TestClock"/>'s UK today where the scheduler compares them.
/// </summary>
public sealed class ScheduleWorld
{
    private ScheduleWorld(ScheduleApp app, IssueWorld people)
    {
        App = app;
        People = people;
    }

    public ScheduleApp App { get; }

    public IssueWorld People { get; }

    private AppFactory Data => App.Data;

    public static async Task<ScheduleWorld> CreateAsync(ScheduleApp app) => new(app, await IssueWorld.CreateAsync(app.Data));

    /// <summary>The clock at <paramref name="days"/> days after today (UK), at <paramref name="time"/> UK time.</summary>
    public void SetClock(int days, TimeOnly time) => App.Clock.SetUk(UkTime.DateOf(DateTime.UtcNow).AddDays(days), time);

    public DateOnly Today => App.Clock.UkToday;

    public Task<TaskGroup> GroupAsync(int areaId) => People.CreateTaskGroupAsync(Data, areaId);

    public Task<PlanAction> ActionAsync(int ownerId, DateOnly dueOn, int? groupId = null, int? meetingId = null, int? issueId = null, string? description = null,
        PlanActionStatus? status = null) =>
        Data.WithDbAsync(async db =>
        {
            var action = new PlanAction(description ?? TestData.Unique("Clear the alley behind Park Street"), ownerId, dueOn, groupId, meetingId, issueId);
            if (status is { } s)
            {
                action.PostUpdate(null, s, s is PlanActionStatus.Cancelled or PlanActionStatus.Blocked ? "Waiting on the landlord" : null, DateOnly.FromDateTime(DateTime.UtcNow), ownerId, DateTime.UtcNow);
            }

            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            return action;
        });

    public Task<Issue> IssueAsync(int wardId, Action<Issue>? then = null, bool confidential = false, string? title = null) =>
        Data.Data.CreateIssueAsync(wardId, People.AreaManagerA.Id, confidential, then, title);

    /// <summary>Triaged at Level 2 long enough ago that its target date (30 days on) has passed.</summary>
    public Action<Issue> Overdue => issue =>
        issue.Triage(IssueLevel.Partnership, "Needs the partnership", new Assignment(People.AreaManagerA.Id, People.AreaManagerA.DisplayName), People.AreaManagerA.Id,
            DateTime.UtcNow.AddDays(-45), 30);

    /// <summary>Triaged at Level 1, referred to street cleansing, with a follow-up date already passed (and a target date ahead).</summary>
    public Action<Issue> FollowUpDue => issue =>
        issue.Triage(IssueLevel.FrontLine, "A simple job",
            new Assignment(ReferredOrganisationId: People.Cleansing.Id, ReferredOrganisationName: People.Cleansing.Name,
                FollowUpOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)),
            People.AreaManagerA.Id, DateTime.UtcNow.AddDays(-2), 30);

    /// <summary>Triaged at Level 2 and stepped up to <paramref name="level"/> now.</summary>
    public Action<Issue> SteppedUpTo(IssueLevel level) => issue =>
    {
        issue.Triage(IssueLevel.Partnership, "Needs the partnership", new Assignment(People.AreaManagerA.Id, People.AreaManagerA.DisplayName), People.AreaManagerA.Id,
            DateTime.UtcNow.AddDays(-2), 30);
        issue.StepUp(level, "Needs more than the partnership", People.PoliceLead, People.AreaManagerA.Id, DateTime.UtcNow, 90);
    };

    /// <summary>A meeting in the area (or the borough) starting at 10:00 UK time on <paramref name="on"/>.</summary>
    public Task<Meeting> MeetingAsync(int? areaId, DateOnly on, bool confidential = false, string? title = null) =>
        Data.WithDbAsync(async db =>
        {
            var time = new MeetingTime(UkTime.ToUtc(on, new TimeOnly(10, 0))!.Value, UkTime.ToUtc(on, new TimeOnly(11, 30))!.Value);
            var meeting = new Meeting(areaId is null ? MeetingType.BoroughManagementTeam : MeetingType.Tasking, title ?? TestData.Unique("Tasking meeting"), areaId, null, null, time,
                "Civic Centre", null, "The area's issues", confidential, null, alreadyHappened: on < UkTime.DateOf(DateTime.UtcNow), People.AreaManagerA.Id, DateTime.UtcNow);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting;
        });

    public Task<QuickWinBudget> BudgetAsync(int areaId, DateOnly day, decimal allocation) =>
        Data.WithDbAsync(async db =>
        {
            var budget = new QuickWinBudget(areaId, FinancialYear.Containing(day), allocation);
            db.QuickWinBudgets.Add(budget);
            await db.SaveChangesAsync();
            return budget;
        });

    /// <summary>A notification for the person, already waiting for their daily digest (as the dispatcher leaves it).</summary>
    public Task<Notification> WaitingAsync(NotificationKind kind, int userId, int? issueId = null, int? actionId = null, int? meetingId = null, int? groupId = null,
        string? detail = null) =>
        Data.WithDbAsync(async db =>
        {
            var at = App.Clock.Now.UtcDateTime.AddHours(-1);
            var notification = new Notification(kind, at)
            {
                RecipientUserId = userId,
                IssueId = issueId,
                PlanActionId = actionId,
                MeetingId = meetingId,
                TaskGroupId = groupId,
                Detail = detail,
            };
            notification.WaitForDigest(at);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return notification;
        });

    public Task SetDigestTimeAsync(int userId, TimeOnly at) =>
        Data.WithDbAsync(async db =>
        {
            var profile = new NotificationProfile(userId);
            profile.SetDigestTime(at);
            db.NotificationProfiles.Add(profile);
            await db.SaveChangesAsync();
        });

    /// <summary>An area manager of a new area of their own (nothing in it yet).</summary>
    public async Task<(ApplicationUser Manager, int AreaId)> LoneAreaManagerAsync()
    {
        var area = await Data.Data.CreateAreaAsync();
        return (await Data.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id]), area.Id);
    }

    public Task<List<OutboxMessage>> MessagesToAsync(int userId, NotificationKind? kind = null) =>
        Data.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientUserId == userId && (kind == null || m.Kind == kind)).OrderBy(m => m.Id).ToListAsync());

    public Task<List<DigestRun>> RunsForAsync(int userId) =>
        Data.WithDbAsync(db => db.DigestRuns.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id).ToListAsync());

    public Task<List<Notification>> RemindersForAsync(int actionId) =>
        Data.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.PlanActionId == actionId && n.Key != null).OrderBy(n => n.Id).ToListAsync());

    public Task<Notification> StoredAsync(long notificationId) =>
        Data.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == notificationId));

    public Task<string> AreaNameAsync(int areaId) =>
        Data.WithDbAsync(db => db.Areas.Where(a => a.Id == areaId).Select(a => a.Name).SingleAsync());
}
