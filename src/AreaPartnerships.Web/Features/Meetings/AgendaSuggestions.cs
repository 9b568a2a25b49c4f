using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Actions;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// "Suggest items" for a meeting's agenda. An area meeting: the area's issues stepped up in the last
/// <see cref="SteppedUpDays"/> days, its overdue open issues (open, past their target date, as the home page and the
/// issue list count them), the overdue open actions of its task groups and its active task groups past their review
/// date. A borough meeting: the open Level 3 and 4 issues of every area. Only what the person may see; nothing already
/// on the agenda; each list bounded.
/// </summary>
public static class AgendaSuggestions
{
    public const int SteppedUpDays = 28;
    public const int Limit = 25;

    /// <summary>One suggestion and what its "Add" button posts: an issue reference, a task group, or a free-text title.</summary>
    public sealed record Suggestion(string Text, string? Detail, string? Href, string? IssueReference, int? TaskGroupId, string? ItemTitle);

    public sealed record Section(string Id, string Heading, string Empty, IReadOnlyList<Suggestion> Items);

    public sealed record Model(int MeetingId, string MeetingTitle, bool CanAdd, IReadOnlyList<Section> Sections);

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Model?> LoadAsync(Viewer viewer, int meetingId, CancellationToken ct)
        {
            var meeting = await viewer.VisibleMeetings(db).AsNoTracking()
                .Where(m => m.Id == meetingId)
                .Select(m => new { m.Id, m.Title, m.AreaId, m.Status, Approved = m.MinutesApprovedAt != null })
                .SingleOrDefaultAsync(ct);
            if (meeting is null)
            {
                MeetingStore.LogNotVisible(logger, viewer, meetingId);
                return null;
            }

            if (!viewer.CanRunMeeting(meeting.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            var canAdd = meeting.Status != Domain.Meetings.MeetingStatus.Cancelled && !meeting.Approved;
            var onAgendaIssues = db.AgendaItems.Where(i => i.MeetingId == meetingId && i.IssueId != null).Select(i => i.IssueId!.Value);
            var onAgendaGroups = db.AgendaItems.Where(i => i.MeetingId == meetingId && i.TaskGroupId != null).Select(i => i.TaskGroupId!.Value);
            var titles = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).Select(i => i.Title).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var today = UkTime.DateOf(now);
            var issues = viewer.VisibleIssues(db).AsNoTracking()
                .Where(i => (i.Status == IssueStatus.New || i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress) && !onAgendaIssues.Contains(i.Id));

            static Suggestion OnIssue(string reference, string title, IssueLevel? level, string detail) =>
                new($"{reference}: {title}", level is { } l ? $"{IssueText.Level(l)}. {detail}" : detail, $"/issues/{reference}", reference, null, null);

            List<Section> sections;
            if (meeting.AreaId is not { } areaId)
            {
                var levels = await issues
                    .Where(i => i.Level >= IssueLevel.MultiAgency)
                    .OrderByDescending(i => i.Level).ThenBy(i => i.TargetDate).ThenBy(i => i.Id)
                    .Take(Limit)
                    .Select(i => new { i.Reference, i.Title, i.Level, Area = i.Area.Name, i.TargetDate })
                    .ToListAsync(ct);
                sections =
                [
                    new("borough", "Open Level 3 and 4 issues", "There are no open Level 3 or 4 issues to suggest.",
                        [.. levels.Select(i => OnIssue(i.Reference, i.Title, i.Level, $"{i.Area}{(i.TargetDate is { } due ? $", target {UkFormat.Date(due)}" : "")}"))]),
                ];
            }
            else
            {
                var since = now.AddDays(-SteppedUpDays);
                var steppedUp = db.IssueEvents.Where(e => e.Kind == IssueEventKind.SteppedUp && e.OccurredAt >= since).Select(e => e.IssueId);
                var stepped = await issues
                    .Where(i => i.AreaId == areaId && steppedUp.Contains(i.Id))
                    .OrderByDescending(i => i.Level).ThenBy(i => i.Id)
                    .Take(Limit)
                    .Select(i => new { i.Reference, i.Title, i.Level })
                    .ToListAsync(ct);
                var overdue = await issues
                    .Where(i => i.AreaId == areaId && i.TargetDate != null && i.TargetDate < today)
                    .OrderBy(i => i.TargetDate).ThenBy(i => i.Id)
                    .Take(Limit)
                    .Select(i => new { i.Reference, i.Title, i.Level, i.TargetDate })
                    .ToListAsync(ct);
                var groups = viewer.VisibleTaskGroups(db);
                // The area's active groups' actions, and actions arising from the area's meetings that belong to no group.
                var actions = await ActionStore.Visible(viewer, db).AsNoTracking()
                    .Where(a => (a.TaskGroupId != null
                            ? groups.Any(g => g.Id == a.TaskGroupId && g.AreaId == areaId && g.Status == TaskGroupStatus.Active)
                            : db.Meetings.Any(m => m.Id == a.MeetingId && m.AreaId == areaId))
                        && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked)
                        && a.DueOn < today)
                    .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
                    .Take(Limit)
                    .Select(a => new
                    {
                        a.Id,
                        a.Description,
                        Group = a.TaskGroup != null ? a.TaskGroup.Name : db.Meetings.Where(m => m.Id == a.MeetingId).Select(m => m.Title).FirstOrDefault() ?? "a meeting",
                        a.DueOn,
                        Owner = a.Owner.DisplayName,
                    })
                    .ToListAsync(ct);
                var review = await groups.AsNoTracking()
                    .Where(g => g.AreaId == areaId && g.Status == TaskGroupStatus.Active && g.ReviewOn < today && !onAgendaGroups.Contains(g.Id))
                    .OrderBy(g => g.ReviewOn).ThenBy(g => g.Id)
                    .Take(Limit)
                    .Select(g => new { g.Id, g.Name, g.ReviewOn })
                    .ToListAsync(ct);
                sections =
                [
                    new("stepped-up", $"Stepped up in the last {SteppedUpDays} days", "No issues were stepped up in the last 4 weeks.",
                        [.. stepped.Select(i => OnIssue(i.Reference, i.Title, i.Level, "Stepped up recently"))]),
                    new("overdue-issues", "Overdue issues", "No open issues are past their target date.",
                        [.. overdue.Where(i => stepped.All(s => s.Reference != i.Reference)).Select(i => OnIssue(i.Reference, i.Title, i.Level, $"Target date {UkFormat.Date(i.TargetDate!.Value)}"))]),
                    new("overdue-actions", "Overdue actions", "No actions are overdue.",
                        [.. actions.Select(a => ActionItem(a.Id, a.Description, a.Group, a.Owner, a.DueOn)).Where(s => !titles.Contains(s.ItemTitle!))]),
                    new("review", "Task groups past their review date", "No task groups are past their review date.",
                        [.. review.Select(g => new Suggestion(g.Name, $"Review date {UkFormat.Date(g.ReviewOn)}", $"/task-groups/{g.Id}", null, g.Id, null))]),
                ];
            }

            return new Model(meeting.Id, meeting.Title, canAdd, sections);
        }

        /// <summary>An overdue action is suggested as a free-text item naming it and its group.</summary>
        private static Suggestion ActionItem(int id, string description, string group, string owner, DateOnly dueOn)
        {
            var title = $"Overdue action: {ActionText.Brief(description)} ({group})";
            if (title.Length > Domain.Meetings.AgendaItem.TitleMaxLength)
            {
                title = string.Concat(title.AsSpan(0, Domain.Meetings.AgendaItem.TitleMaxLength - 1), "…");
            }

            return new Suggestion($"{ActionText.Brief(description)} ({group})", $"{owner}, due {UkFormat.Date(dueOn)}", $"/actions/{id}", null, null, title);
        }
    }
}
