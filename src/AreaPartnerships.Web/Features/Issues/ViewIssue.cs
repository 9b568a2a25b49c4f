using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.Costs;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>An issue's summary and its timeline, as far as this person may see them, with the actions they may take.</summary>
public static class ViewIssue
{
    /// <summary>The page shows the latest entries of the timeline; the rest are a link away (<see cref="FullTimelineLimit"/>).</summary>
    public const int TimelineLimit = 50;

    /// <summary>The most entries the full timeline shows.</summary>
    public const int FullTimelineLimit = 1000;

    /// <summary>At most this many duplicates, and related issues, are listed on an issue.</summary>
    public const int OtherIssuesLimit = 100;

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
        IssueTheme Theme,
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

    /// <summary>Another issue shown on this one (a duplicate of it, or a related issue), only ever one this person may see.</summary>
    public sealed record OtherIssue(string Reference, string Title, IssueStatus Status);

    /// <summary>A related issue with why it is related; <see cref="LinkId"/> for removing the link.</summary>
    public sealed record RelatedIssue(int LinkId, string Reference, string Title, IssueStatus Status, string Reason);

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

        /// <summary>Where the page was opened from (the back link goes there).</summary>
        public IssueOrigin From { get; init; }

        /// <summary>The timeline shown is the latest <see cref="TimelineLimit"/> entries and there are older ones.</summary>
        public bool HasOlderEntries { get; init; }

        /// <summary>Issues withdrawn as duplicates of this one (those this person may see).</summary>
        public IReadOnlyList<OtherIssue> Duplicates { get; init; } = [];

        /// <summary>Issues linked to this one as related (those this person may see).</summary>
        public IReadOnlyList<RelatedIssue> Related { get; init; } = [];

        /// <summary>The link form's fields as posted (shown again after a refused post).</summary>
        public string? RelatedReference { get; init; }

        /// <summary>The link form's reason as posted.</summary>
        public string? LinkReason { get; init; }

        /// <summary>The issue's spent, avoided and their split by agency: for those who see costs on a case (<see cref="CostAccess"/>), otherwise null.</summary>
        public IssueValueSummary? Value { get; init; }

        /// <summary>Link related issues and remove links: the area's officers.</summary>
        public bool CanLinkIssues => Viewer.CanLinkIssues(Issue.AreaId);

        /// <summary>The timeline as the shared <c>_Timeline</c> partial draws it.</summary>
        public Timeline TimelineView => new("timeline",
        [
            .. Timeline.Select(e => new Timeline.Entry(e.Summary, e.Actor ?? "the system", e.OccurredAt,
            [
                .. e.Field is not null && (e.OldValue is not null || e.NewValue is not null)
                    ? [new Timeline.Line($"{e.Field}: {e.OldValue ?? "none"} → {e.NewValue ?? "none"}")]
                    : Array.Empty<Timeline.Line>(),
                .. e.Body is not null ? [new Timeline.Line(e.Body)] : Array.Empty<Timeline.Line>(),
            ],
            e.Visibility == Visibility.Confidential)),
        ]);

        public bool CanChangeLevel => Issue.Level is not null && Issue.Status is IssueStatus.Triaged or IssueStatus.InProgress && Viewer.CanTriage(Issue.AreaId);

        /// <summary>Whether this person has any status move to make now (the "Update status" page would offer one).</summary>
        public bool CanWork => WorkIssue.MovesFor(Viewer, Issue.AreaId, Issue.OwnerId, Issue.LeadOrganisationId, Issue.ReferredOrganisationId,
            Issue.Level, Issue.Status, Issue.ReferralConfirmedAt).Count > 0;
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Model?> HandleAsync(Viewer viewer, string reference, CancellationToken ct, bool fullTimeline = false)
        {
            var summary = await viewer.VisibleIssues(db).Where(i => i.Reference == reference)
                .Select(i => new Summary(
                    i.Id, i.Reference, i.Title, i.Description, i.Ward.Name, i.WardId, i.Area.Name, i.AreaId, i.Category.Name,
                    i.Category.Theme,
                    i.Source,
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

            // Newest first by when it happened (rows are not always inserted in that order): one range seek on (IssueId, OccurredAt, Id),
            // one entry more than is shown, to know whether there are older ones.
            var limit = fullTimeline ? FullTimelineLimit : TimelineLimit;
            var timeline = await viewer.VisibleEvents(db, summary.Id)
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Take(limit + 1)
                .Select(e => new TimelineEntry(e.Kind, e.Summary,
                    db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                    e.OccurredAt, e.Field, e.OldValue, e.NewValue, e.Body, e.Visibility))
                .ToListAsync(ct);

            var today = UkFormat.UkToday(clock);
            var overdue = summary.Status is IssueStatus.New or IssueStatus.Triaged or IssueStatus.InProgress && summary.TargetDate < today;
            var older = timeline.Count > limit;
            var model = new Model(summary, older ? timeline[..limit] : timeline, viewer, overdue) { HasOlderEntries = older && !fullTimeline };
            var taskGroupId = summary.TaskGroupId;
            var issueId = summary.Id;
            var visible = viewer.VisibleIssues(db);
            return model with
            {
                IsFollowUpDue = FollowUps.IsDue(summary.Status, summary.FollowUpOn, summary.ReferralConfirmedAt, today),
                // Seeks on DuplicateOfId and on each column of the link; the other issue only when this person may see it.
                Duplicates = await visible.Where(d => d.DuplicateOfId == issueId)
                    .OrderBy(d => d.RaisedAt).ThenBy(d => d.Id)
                    .Take(OtherIssuesLimit)
                    .Select(d => new OtherIssue(d.Reference, d.Title, d.Status))
                    .ToListAsync(ct),
                Related = await (
                    from link in db.IssueLinks.AsNoTracking()
                    where link.IssueId == issueId || link.OtherIssueId == issueId
                    join other in visible on (link.IssueId == issueId ? link.OtherIssueId : link.IssueId) equals other.Id
                    orderby link.LinkedAt, link.Id
                    select new RelatedIssue(link.Id, other.Reference, other.Title, other.Status, link.Reason))
                    .Take(OtherIssuesLimit)
                    .ToListAsync(ct),
                Value = viewer.SeesCosts ? await IssueValue.ForIssueAsync(db, issueId, ct) : null,
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
