using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Link an open Level 2 issue to one of its area's active task groups from the issue page, or end the link.
/// The area's area manager and the partnership manager may. The issue's timeline and the group's record it
/// (<see cref="TaskGroupStore.Link"/>, as from the group's page), saved together.
/// </summary>
public static class LinkTaskGroup
{
    public sealed class Form : IVersionedForm
    {
        public int? TaskGroupId { get; set; }

        public Guid Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator() => RuleFor(f => f.TaskGroupId).NotNull().WithMessage("Select the task group");
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Links the issue (or, with no group given, ends its link); null when the person may not see the issue.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, string reference, int? taskGroupId, Guid version, CancellationToken ct)
        {
            var issue = await IssueStore.FindForChangeAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            if (!viewer.CanTriage(issue.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            if (await IssueStore.IsStaleAsync(db, issue, version, ct) is { } stale)
            {
                return stale;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var groupId = taskGroupId ?? issue.TaskGroupId
                ?? throw new DomainException($"{issue.Reference} is not linked to a task group", nameof(Form.TaskGroupId));
            var group = await db.TaskGroups.SingleOrDefaultAsync(g => g.Id == groupId && g.AreaId == issue.AreaId, ct)
                ?? throw new DomainException("Select an active task group in the issue's area", nameof(Form.TaskGroupId));

            if (taskGroupId is null)
            {
                DomainErrors.Rekey(() => TaskGroupStore.Unlink(issue, group, viewer.UserId, now), ("IssueReference", nameof(Form.TaskGroupId)));
            }
            else
            {
                if (group.Status != TaskGroupStatus.Active)
                {
                    throw new DomainException("Select an active task group in the issue's area", nameof(Form.TaskGroupId));
                }

                DomainErrors.Rekey(() => TaskGroupStore.Link(issue, group, viewer.UserId, now), ("IssueReference", nameof(Form.TaskGroupId)));
            }

            return await IssueStore.SaveAsync(db, issue, version, ct);
        }
    }
}
