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
    /// Handlers call <see cref="IsStale"/> first, so a stale form meets the conflict message rather than a rule
    /// the other person's change now breaks; the concurrency token catches a change made in between.
    /// </summary>
    public static async Task<SaveResult> SaveAsync(AppDbContext db, Issue issue, Guid version, CancellationToken ct)
    {
        db.Entry(issue).Property(i => i.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(issue.Id);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var conflict = await EditConflict.FromAsync(ex, "issue", v => Describe(
                v.GetValue<IssueLevel?>(nameof(Issue.Level)), v.GetValue<IssueStatus>(nameof(Issue.Status)), v.GetValue<DateTime>(nameof(Issue.LastActivityAt))));
            return SaveResult.ConflictOrMissing(issue.Id, conflict);
        }
    }

    /// <summary>The conflict to report when the form was read before the issue's last change (null when it is current).</summary>
    public static SaveResult? IsStale(Issue issue, Guid version) =>
        issue.Version == version
            ? null
            : SaveResult.ConflictOrMissing(issue.Id, EditConflict.For("issue", Describe(issue.Level, issue.Status, issue.LastActivityAt), issue.Version));

    private static IEnumerable<string> Describe(IssueLevel? level, IssueStatus status, DateTime lastActivityAt) =>
    [
        $"level {(level is { } l ? Issue.LevelName(l) : "not set")}",
        $"status {Issue.StatusName(status).ToLowerInvariant()}",
        $"last activity {UkFormat.DateAndTime(lastActivityAt)} (see the timeline)",
    ];
}
