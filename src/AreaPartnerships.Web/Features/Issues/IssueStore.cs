using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>The two steps every change to an issue shares: find it (only if the person may see it) and save it under concurrency control.</summary>
public static class IssueStore
{
    /// <summary>
    /// The issue, tracked for change, if the person may see it; otherwise null, and the attempt is logged
    /// (a guessed reference gets "not found", so existence is not revealed).
    /// </summary>
    public static async Task<Issue?> FindForChangeAsync(AppDbContext db, Viewer viewer, string reference, ILogger logger, CancellationToken ct)
    {
        var id = await viewer.VisibleIssues(db).Where(i => i.Reference == reference).Select(i => (int?)i.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            LogNotVisible(logger, viewer, reference);
            return null;
        }

        // Who acts on it now, so a change of assignment records old → new names on the timeline.
        return await db.Issues
            .Include(i => i.Owner).Include(i => i.LeadOrganisation).Include(i => i.ReferredOrganisation).Include(i => i.TaskGroup)
            .SingleAsync(i => i.Id == id, ct);
    }

    public static void LogNotVisible(ILogger logger, Viewer viewer, string reference) =>
        logger.LogWarning("User {UserId} ({Role}) asked for issue {Reference}, which does not exist or they may not see", viewer.UserId, viewer.Role, reference);

    /// <summary>
    /// Saves the change if nobody else changed the issue since the form was read (its <paramref name="version"/>).
    /// Handlers call <see cref="IsStaleAsync"/> first, so a stale form meets the conflict message rather than a rule
    /// the other person's change now breaks; the concurrency token catches a change made in between.
    /// </summary>
    public static Task<SaveResult> SaveAsync(AppDbContext db, Issue issue, Guid version, CancellationToken ct) =>
        VersionedSave.SaveAsync(db, issue, version, ConflictText(db, issue.Id), ct);

    /// <summary>The conflict to report when the form was read before the issue's last change (null when it is current).</summary>
    public static Task<SaveResult?> IsStaleAsync(AppDbContext db, Issue issue, Guid version, CancellationToken ct) =>
        VersionedSave.IsStaleAsync(db, issue, version, ConflictText(db, issue.Id), ct);

    /// <summary>
    /// The issue, untracked, if the person may see it (null otherwise, logged): for an append, which adds to
    /// its timeline with <see cref="Append"/> and never saves the issue row itself.
    /// </summary>
    public static async Task<Issue?> FindForAppendAsync(AppDbContext db, Viewer viewer, string reference, ILogger logger, CancellationToken ct)
    {
        var issue = await viewer.VisibleIssues(db).AsNoTracking().SingleOrDefaultAsync(i => i.Reference == reference, ct);
        if (issue is null)
        {
            LogNotVisible(logger, viewer, reference);
        }

        return issue;
    }

    /// <summary>
    /// Appending is not editing: adds what the issue's methods just recorded (a note, an action's progress) to
    /// the unit of work as new timeline rows only. The issue (read untracked) is not saved, so an append never
    /// conflicts with another append or with an edit, and does not move the issue's version: a form read
    /// before a note can still be saved. After saving, <see cref="MarkActivityAsync"/> moves the one column an
    /// append touches. See docs/decisions/0013-appending-is-not-editing.md.
    /// </summary>
    public static DateTime Append(AppDbContext db, Issue issue)
    {
        if (db.Entry(issue).State != EntityState.Detached)
        {
            throw new InvalidOperationException("An append reads the issue untracked: its row is not saved.");
        }

        db.IssueEvents.AddRange(issue.Events);
        return issue.Events.Max(e => e.OccurredAt);
    }

    /// <summary>Moves the issue's last activity forward to <paramref name="at"/> (never back), in one statement, outside the version check.</summary>
    public static Task MarkActivityAsync(AppDbContext db, int issueId, DateTime at, CancellationToken ct) =>
        db.Issues.Where(i => i.Id == issueId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LastActivityAt, i => i.LastActivityAt < at ? at : i.LastActivityAt), ct);

    /// <summary>Saves an append to the issue's timeline (<see cref="Append"/>) and its activity time in one transaction.</summary>
    public static async Task AppendAsync(AppDbContext db, Issue issue, CancellationToken ct)
    {
        var latest = Append(db, issue);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await MarkActivityAsync(db, issue.Id, latest, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>How an issue reads in a conflict: its level and status, and who last changed it (from its timeline).</summary>
    public static ConflictText ConflictText(AppDbContext db, int issueId) => new(
        "issue",
        v => Describe(v.GetValue<IssueLevel?>(nameof(Issue.Level)), v.GetValue<IssueStatus>(nameof(Issue.Status))),
        ct => LastChangeAsync(db, issueId, ct),
        "The linked issue or task group");

    /// <summary>The latest change to the issue itself on its timeline: not a note or an action's progress, which are appended.</summary>
    private static Task<EditConflict.Change?> LastChangeAsync(AppDbContext db, int issueId, CancellationToken ct) =>
        db.IssueEvents.AsNoTracking()
            .Where(e => e.IssueId == issueId && e.Kind != IssueEventKind.NoteAdded && e.Kind != IssueEventKind.ActionUpdated)
            .OrderByDescending(e => e.Id)
            .Select(e => new EditConflict.Change(db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone else", e.OccurredAt))
            .FirstOrDefaultAsync(ct);

    private static IEnumerable<string> Describe(IssueLevel? level, IssueStatus status) =>
    [
        level is { } l ? Issue.LevelName(l) : "not triaged",
        $"status {Issue.StatusName(status).ToLowerInvariant()} (the timeline shows every change)",
    ];
}
