using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// Take a person off an active group (the area's area manager or the partnership manager). The lead cannot
/// be removed while they lead; actions they own stay theirs (the micro plan shows them). On the timeline.
/// </summary>
public static class RemoveMember
{
    /// <summary>Nothing is typed: the button carries the member in its address.</summary>
    public sealed class Form
    {
        [BindNever]
        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Removes the member; null when the person may not see the group or the user is not a member of it.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, int id, int userId, Form form, CancellationToken ct)
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

            if (!group.HasMember(userId))
            {
                return null;
            }

            form.Name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
            group.RemoveMember(userId, form.Name, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            return await TaskGroupStore.SaveAsync(db, group, null, ct);
        }
    }
}
