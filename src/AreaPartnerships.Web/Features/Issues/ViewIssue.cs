using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>An issue's summary and its timeline, as far as this person may see them, with the actions they may take.</summary>
public static class ViewIssue
{
    public const int TimelineLimit = 500;

    public sealed record Summary(
        int Id,
        string Reference,
        string Title,
        string Description,
        string Ward,
        int WardId,
        string Area,
        int AreaId,
        string Category,
        IssueSource Source,
        string RaisedBy,
        DateTime RaisedAt,
        string? Address,
        string? Postcode,
        string? OnBehalfOfName,
        string? OnBehalfOfContact,
        IssueLevel? Level,
        IssueStatus Status,
        int? OwnerId,
        string? Owner,
        int? LeadOrganisationId,
        string? LeadOrganisation,
        int? ReferredOrganisationId,
        string? ReferredOrganisation,
        DateOnly? FollowUpOn,
        DateTime? ReferralConfirmedAt,
        int? TaskGroupId,
        string? TaskGroup,
        bool IsConfidential,
        DateOnly? TargetDate,
        string? Outcome,
        string? DuplicateOf,
        int StepUpCount,
        int StepDownCount,
        Guid Version);

    public sealed record TimelineEntry(IssueEventKind Kind, string Summary, string? Actor, DateTime OccurredAt, string? Field, string? OldValue, string? NewValue, string? Body, Visibility Visibility);

    public sealed record Model(Summary Issue, IReadOnlyList<TimelineEntry> Timeline, Viewer Viewer, bool IsOverdue)
    {
        /// <summary>Active task groups of the issue's area it may be linked to (for the area's managers, when it is an open Level 2 issue).</summary>
        public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> LinkableTaskGroups { get; init; } = [];

        /// <summary>Whether the person may open the linked task group's page.</summary>
        public bool SeesTaskGroup { get; init; }

        /// <summary>A Level 1 referral whose follow-up date is today or past, not yet confirmed (<see cref="FollowUps"/>).</summary>
        public bool IsFollowUpDue { get; init; }

        public bool CanLinkTaskGroup => Issue.Level == IssueLevel.Partnership && Issue.Status is IssueStatus.Triaged or IssueStatus.InProgress
            && Viewer.CanTriage(Issue.AreaId);

        public bool CanTriage => Issue.Status == IssueStatus.New && Viewer.CanTriage(Issue.AreaId);

        public bool CanChangeLevel => Issue.Level is not null && Issue.Status is IssueStatus.Triaged or IssueStatus.InProgress && Viewer.CanTriage(Issue.AreaId);

        /// <summary>Whether this person has any status move to make now (the "Update status" page would offer one).</summary>
        public bool CanWork => WorkIssue.MovesFor(Viewer, Issue.AreaId, Issue.OwnerId, Issue.LeadOrganisationId, Issue.ReferredOrganisationId,
            Issue.Level, Issue.Status, Issue.ReferralConfirmedAt).Count > 0;
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Model?> HandleAsync(Viewer viewer, string reference, CancellationToken ct)
        {
            var summary = await viewer.VisibleIssues(db).Where(i => i.Reference == reference)
                .Select(i => new Summary(
                    i.Id, i.Reference, i.Title, i.Description, i.Ward.Name, i.WardId, i.Area.Name, i.AreaId, i.Category.Name, i.Source,
                    i.RaisedBy.DisplayName, i.RaisedAt, i.Address, i.Postcode, i.OnBehalfOfName, i.OnBehalfOfContact,
                    i.Level, i.Status, i.OwnerId, i.Owner == null ? null : i.Owner.DisplayName,
                    i.LeadOrganisationId, i.LeadOrganisation == null ? null : i.LeadOrganisation.Name,
                    i.ReferredOrganisationId, i.ReferredOrganisation == null ? null : i.ReferredOrganisation.Name,
                    i.FollowUpOn, i.ReferralConfirmedAt, i.TaskGroupId, i.TaskGroup == null ? null : i.TaskGroup.Name, i.IsConfidential, i.TargetDate, i.Outcome,
                    viewer.VisibleIssues(db).Where(d => d.Id == i.DuplicateOfId).Select(d => d.Reference).FirstOrDefault(),
                    i.StepUpCount, i.StepDownCount, i.Version))
                .SingleOrDefaultAsync(ct);
            if (summary is null)
            {
                IssueStore.LogNotVisible(logger, viewer, reference);
                return null;
            }

            if (!viewer.SeesConfidential)
            {
                // The resident's details are personal data: officers and partners with an agreement only.
                summary = summary with { OnBehalfOfName = null, OnBehalfOfContact = null };
            }

            // One range seek on (IssueId, Id), newest first.
            var timeline = await viewer.VisibleEvents(db, summary.Id)
                .OrderByDescending(e => e.Id)
                .Take(TimelineLimit)
                .Select(e => new TimelineEntry(e.Kind, e.Summary,
                    db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                    e.OccurredAt, e.Field, e.OldValue, e.NewValue, e.Body, e.Visibility))
                .ToListAsync(ct);

            var today = UkFormat.UkToday(clock);
            var overdue = summary.Status is IssueStatus.New or IssueStatus.Triaged or IssueStatus.InProgress && summary.TargetDate < today;
            var model = new Model(summary, timeline, viewer, overdue);
            var taskGroupId = summary.TaskGroupId;
            return model with
            {
                IsFollowUpDue = FollowUps.IsDue(summary.Status, summary.FollowUpOn, summary.ReferralConfirmedAt, today),
                SeesTaskGroup = taskGroupId is not null && await viewer.VisibleTaskGroups(db).AnyAsync(g => g.Id == taskGroupId, ct),
                LinkableTaskGroups = model.CanLinkTaskGroup
                    ? await db.TaskGroups.AsNoTracking()
                        .Where(g => g.AreaId == summary.AreaId && g.Status == TaskGroupStatus.Active && g.Id != taskGroupId)
                        .OrderBy(g => g.Name)
                        .Select(g => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(g.Name, g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                        .ToListAsync(ct)
                    : [],
            };
        }
    }
}
