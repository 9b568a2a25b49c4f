using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.IntegrationTests.Meetings;
using AreaPartnerships.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>
/// The issue tests' people and places (<see cref="IssueWorld"/>, through <see cref="MeetingWorld"/> for meetings), and
/// the steps the notification content tests share: run the dispatcher, and read what it wrote to the outbox since a mark.
/// </summary>
public sealed class ContentWorld
{
    private ContentWorld(MeetingWorld meetings) => Meetings = meetings;

    public MeetingWorld Meetings { get; }

    public IssueWorld People => Meetings.People;

    public string AreaAName { get; private set; } = null!;

    public static async Task<ContentWorld> CreateAsync(AppFactory app)
    {
        var world = new ContentWorld(await MeetingWorld.CreateAsync(app));
        world.AreaAName = await app.WithDbAsync(db => db.Areas.Where(a => a.Id == world.People.AreaA).Select(a => a.Name).SingleAsync());
        return world;
    }

    /// <summary>One pass of the dispatcher; how many notifications it dealt with.</summary>
    public static async Task<int> DispatchAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Deals with everything pending so far (set-up's own notifications) and returns the mark to read from.</summary>
    public static async Task<(long Message, long Notification)> MarkAsync(AppFactory app)
    {
        await DispatchAsync(app);
        return await app.WithDbAsync(async db => (
            await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0,
            await db.Notifications.MaxAsync(n => (long?)n.Id) ?? 0));
    }

    /// <summary>Runs the dispatcher, then the e-mails written since the mark, oldest first.</summary>
    public static async Task<List<OutboxMessage>> SentSinceAsync(AppFactory app, (long Message, long Notification) mark)
    {
        await DispatchAsync(app);
        return await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id > mark.Message).OrderBy(m => m.Id).ToListAsync());
    }

    /// <summary>The notifications written since the mark, oldest first.</summary>
    public static Task<List<Notification>> NotificationsSinceAsync(AppFactory app, (long Message, long Notification) mark) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Id > mark.Notification).OrderBy(n => n.Id).ToListAsync());

    public static OutboxMessage To(IEnumerable<OutboxMessage> messages, ApplicationUser user) =>
        Assert.Single(messages, m => m.ToAddress == user.Email);

    public static string Id(int id) => IssueWorld.Id(id);

    public static Task SetPreferenceAsync(AppFactory app, int userId, NotificationKind kind, Delivery delivery) =>
        app.WithDbAsync(async db =>
        {
            db.NotificationPreferences.Add(new NotificationPreference(userId, kind, delivery));
            await db.SaveChangesAsync();
        });

    /// <summary>The link the e-mail gives, as the service's default address starts it.</summary>
    public static string Link(string path) => MailSettings.Defaults().ServiceAddress + path;

    public Task<ApplicationUser> UserAsync(AppFactory app, string role, bool disabled = false) =>
        app.WithDbAsync(async db =>
        {
            var user = await app.Data.CreateUserAsync(role, areaIds: role is Roles.AreaManager or Roles.SupportOfficer ? [People.AreaA] : null,
                wardIds: role == Roles.Councillor ? [People.WardA1] : null);
            if (disabled)
            {
                var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
                stored.IsDisabled = true;
                await db.SaveChangesAsync();
            }

            return user;
        });
}
