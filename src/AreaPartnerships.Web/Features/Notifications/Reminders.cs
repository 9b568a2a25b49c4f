using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// The scheduler's reminders about actions, in UK dates: an open action due in exactly <see cref="DaysBefore"/>
/// days gets <see cref="NotificationKind.ActionDueSoon"/>, and an open action past its due date gets
/// <see cref="NotificationKind.ActionOverdue"/>, each once per action and due date (a new due date is a new
/// reminder), to the action's owner. Each is a <see cref="Notification"/> with a unique <see cref="Notification.Key"/>:
/// the keys already written are skipped, and when two instances race for the same one the unique index lets one
/// in and the other carries on with the rest (each reminder is its own small save). Overdue actions are looked at
/// for <see cref="OverdueLookBackDays"/> days after their due date only, so switching this on does not send a
/// flood about long-forgotten actions. The dispatcher turns the notifications into e-mails or digest lines.
/// </summary>
public sealed class Reminders(AppDbContext db, TimeProvider clock, ILogger<Reminders> logger)
{
    public const int DaysBefore = 2;

    public const int OverdueLookBackDays = 30;

    /// <summary>Keys looked up at a time (an IN list each provider takes comfortably).</summary>
    private const int KeyBatch = 500;

    public static string DueSoonKey(int actionId, DateOnly dueOn) => $"due-soon:{actionId}:{dueOn:yyyy-MM-dd}";

    public static string OverdueKey(int actionId, DateOnly dueOn) => $"overdue:{actionId}:{dueOn:yyyy-MM-dd}";

    /// <summary>Writes the reminders due now that are not yet written; returns how many this pass wrote.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkFormat.UkToday(clock);
        var dueSoon = today.AddDays(DaysBefore);
        var overdueFrom = today.AddDays(-OverdueLookBackDays);

        // Open actions due on the one "due soon" day or in the overdue window: a range on DueOn and the open statuses,
        // only the columns a reminder copies.
        var actions = await db.PlanActions.AsNoTracking()
            .Where(a => (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked)
                && a.DueOn >= overdueFrom && a.DueOn <= dueSoon && (a.DueOn < today || a.DueOn == dueSoon))
            .Select(a => new { a.Id, a.OwnerId, a.DueOn, a.IssueId, a.MeetingId, a.TaskGroupId })
            .ToListAsync(ct);
        if (actions.Count == 0)
        {
            return 0;
        }

        var wanted = actions.Select(a => a.DueOn < today
                ? (Key: OverdueKey(a.Id, a.DueOn), Kind: NotificationKind.ActionOverdue, Action: a)
                : (Key: DueSoonKey(a.Id, a.DueOn), Kind: NotificationKind.ActionDueSoon, Action: a))
            .ToList();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in wanted.Select(w => w.Key).Chunk(KeyBatch))
        {
            written.UnionWith(await db.Notifications.AsNoTracking().Where(n => n.Key != null && batch.Contains(n.Key)).Select(n => n.Key!).ToListAsync(ct));
        }

        var added = 0;
        foreach (var (key, kind, action) in wanted.Where(w => !written.Contains(w.Key)))
        {
            var reminder = new Notification(kind, now)
            {
                RecipientUserId = action.OwnerId,
                PlanActionId = action.Id,
                IssueId = action.IssueId,
                MeetingId = action.MeetingId,
                TaskGroupId = action.TaskGroupId,
                Key = key,
            };
            db.Notifications.Add(reminder);
            try
            {
                await db.SaveChangesAsync(ct);
                added++;
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Another instance wrote this one first: it is written once, which is what matters.
                db.Entry(reminder).State = EntityState.Detached;
                logger.LogDebug("Reminder {Key} was written by another instance", key);
            }
        }

        return added;
    }
}
