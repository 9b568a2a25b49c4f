using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// A task group's page as this person may see it: who leads it and when it is reviewed, its members, the
/// issues worked through it, its micro plan (overdue actions flagged) and its timeline, with the forms for
/// what they may do. Linked issues are those the person may see; the rest are only counted.
/// </summary>
public static class ViewTaskGroup
{
    public const int TimelineLimit = 200;

    public const int ActionLimit = 500;

    public sealed record Summary(
        int Id,
        string Name,
        int AreaId,
        string Area,
        string? Priority,
        int LeadUserId,
        string Lead,
        string LeadOrganisation,
        bool LedByPartner,
        DateOnly ReviewOn,
        TaskGroupStatus Status,
        string? ClosingSummary,
        DateTime CreatedAt,
        DateTime? ClosedAt);

    public sealed record Member(int UserId, string Name, string? Organisation, string? Role);

    public sealed record LinkedIssue(string Reference, string Title, IssueLevel? Level, IssueStatus Status, bool IsConfidential);

    public sealed record ActionRow(int Id, string Description, string Owner, string? OwnerOrganisation, DateOnly DueOn, PlanActionStatus Status, string? StatusReason, bool HasIssue, string? IssueReference)
    {
        public bool IsOpen => Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress or PlanActionStatus.Blocked;

        public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;
    }

    public sealed record TimelineEntry(string Summary, string? Body, string? Actor, DateTime OccurredAt);

    /// <summary>
    /// The page. <see cref="UserId"/> and <see cref="IssueReference"/> are the add-member and link-issue
    /// forms' fields, so a refused post shows the page again with what was chosen or typed.
    /// </summary>
    public sealed class Page
    {
        public int? UserId { get; set; }

        public string? IssueReference { get; set; }

        public required Summary Group { get; init; }

        public required IReadOnlyList<Member> Members { get; init; }

        public required IReadOnlyList<LinkedIssue> Issues { get; init; }

        /// <summary>Linked issues this person may not see (confidential ones, for a partner without an agreement).</summary>
        public required int HiddenIssues { get; init; }

        public required IReadOnlyList<ActionRow> Actions { get; init; }

        public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

        /// <summary>The timeline as the shared <c>_Timeline</c> partial draws it.</summary>
        public Infrastructure.Timeline TimelineView => new("timeline",
            [.. Timeline.Select(e => new Infrastructure.Timeline.Entry(e.Summary, e.Actor ?? "the system", e.OccurredAt,
                e.Body is null ? [] : [new Infrastructure.Timeline.Line(e.Body)]))]);

        public required IReadOnlyList<SelectListItem> Candidates { get; init; }

        public required DateOnly Today { get; init; }

        /// <summary>Change the group, its members and its issues, and close it.</summary>
        public required bool CanManage { get; init; }

        public required bool CanAddAction { get; init; }

        public bool IsActive => Group.Status == TaskGroupStatus.Active;

        public bool IsReviewOverdue => IsActive && Group.ReviewOn < Today;

        public int OverdueActions => Actions.Count(a => a.IsOverdue(Today));
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Page?> HandleAsync(Viewer viewer, int id, CancellationToken ct)
        {
            var group = await viewer.VisibleTaskGroups(db).AsNoTracking().Where(g => g.Id == id)
                .Select(g => new Summary(g.Id, g.Name, g.AreaId, g.Area.Name, g.Priority == null ? null : g.Priority.Title,
                    g.LeadUserId, g.LeadUser.DisplayName, g.LeadOrganisation.Name, g.LedByPartner, g.ReviewOn, g.Status, g.ClosingSummary,
                    g.CreatedAt, g.ClosedAt))
                .SingleOrDefaultAsync(ct);
            if (group is null)
            {
                TaskGroupStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var members = await db.TaskGroupMembers.AsNoTracking().Where(m => m.TaskGroupId == id)
                .OrderBy(m => m.User.DisplayName).ThenBy(m => m.UserId)
                .Select(m => new Member(m.UserId, m.User.DisplayName, m.User.Organisation == null ? null : m.User.Organisation.Name,
                    (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == m.UserId select r.Name).FirstOrDefault()))
                .ToListAsync(ct);

            var visibleIssues = viewer.VisibleIssues(db);
            var issues = await visibleIssues.Where(i => i.TaskGroupId == id)
                .OrderBy(i => i.Reference)
                .Select(i => new LinkedIssue(i.Reference, i.Title, i.Level, i.Status, i.IsConfidential))
                .ToListAsync(ct);
            var allLinked = await db.Issues.CountAsync(i => i.TaskGroupId == id, ct);

            // Open actions first, soonest due first; the linked issue's reference only where the person may see the issue.
            var actions = await db.PlanActions.AsNoTracking().Where(a => a.TaskGroupId == id)
                .OrderBy(a => a.Status == PlanActionStatus.Done || a.Status == PlanActionStatus.Cancelled ? 1 : 0)
                .ThenBy(a => a.DueOn).ThenBy(a => a.Id)
                .Take(ActionLimit)
                .Select(a => new ActionRow(a.Id, a.Description, a.Owner.DisplayName, a.Owner.Organisation == null ? null : a.Owner.Organisation.Name,
                    a.DueOn, a.Status, a.StatusReason, a.IssueId != null,
                    visibleIssues.Where(i => i.Id == a.IssueId).Select(i => i.Reference).FirstOrDefault()))
                .ToListAsync(ct);

            // Newest first by when it happened (rows are not always inserted in that order): one range seek on (TaskGroupId, OccurredAt, Id).
            var timeline = await db.TaskGroupEvents.AsNoTracking().Where(e => e.TaskGroupId == id)
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Take(TimelineLimit)
                .Select(e => new TimelineEntry(e.Summary, e.Body, db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(), e.OccurredAt))
                .ToListAsync(ct);

            var canManage = viewer.CanManage(group.AreaId);
            var isActive = group.Status == TaskGroupStatus.Active;
            IReadOnlyList<SelectListItem> candidates = [];
            if (canManage && isActive)
            {
                var memberIds = members.Select(m => m.UserId).ToList();
                var people = await TaskGroupChoices.Members(db, [group.AreaId]).Where(p => !memberIds.Contains(p.Id))
                    .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
                candidates = [new SelectListItem("Choose a person", ""), .. people.Select(p => new SelectListItem(p.Label, TaskGroupChoices.Value(p.Id)))];
            }

            return new Page
            {
                Group = group,
                Members = members,
                Issues = issues,
                HiddenIssues = allLinked - issues.Count,
                Actions = actions,
                Timeline = timeline,
                Candidates = candidates,
                Today = UkFormat.UkToday(clock),
                CanManage = canManage,
                CanAddAction = isActive && viewer.CanAddAction(group.AreaId, group.LeadUserId, members.Exists(m => m.UserId == viewer.UserId)),
            };
        }
    }

    public static string RoleName(string? role) => role is null ? "" : Roles.DisplayName(role);
}
