using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// Stop working an issue through the group (the area's area manager or the partnership manager). On the
/// issue's timeline and the group's. A closed group's links are its history and stay.
/// </summary>
public static class UnlinkIssue
{
    /// <summary>Nothing is typed: the button carries the issue's reference in its address.</summary>
    public sealed class Form
    {
    }

    public sealed class Validator : AbstractValidator<Form>
    {
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Unlinks the issue; null when the person may not see the group or the issue is not linked to it.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, int id, string reference, CancellationToken ct)
        {
            var group = await TaskGroupStore.FindForChangeAsync(db, viewer, id, logger, ct);
            if (group is null)
            {
                return null;
            }

            if (!viewer.CanManage(group.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            var issue = await db.Issues.SingleOrDefaultAsync(i => i.Reference == reference && i.TaskGroupId == group.Id, ct);
            if (issue is null)
            {
                return null;
            }

            if (!group.IsActive)
            {
                throw new DomainException("This task group is closed: its linked issues are its history and stay linked");
            }

            TaskGroupStore.Unlink(issue, group, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            return await TaskGroupStore.SaveAsync(db, group, null, ct);
        }
    }
}
