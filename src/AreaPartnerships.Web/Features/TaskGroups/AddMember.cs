using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// Add a person to an active group (the area's area manager or the partnership manager): a partner from any
/// organisation, or one of the area's officers. The group's timeline records who joined, who added them and when.
/// </summary>
public static class AddMember
{
    public sealed class Form
    {
        public int? UserId { get; set; }

        /// <summary>Who was added, for the confirmation.</summary>
        [BindNever]
        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator() => RuleFor(f => f.UserId).NotNull().WithMessage("Select who to add to the group");
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Adds the member; null when the person may not see the group, 403 (thrown) when they may not change it.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, int id, Form form, CancellationToken ct)
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

            var person = await TaskGroupChoices.Members(db, [group.AreaId]).SingleOrDefaultAsync(p => p.Id == form.UserId, ct)
                ?? throw new DomainException("Select who to add from the list: partners, or the area manager and support officers of the group's area", nameof(Form.UserId));
            group.AddMember(person.Id, person.Name, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            form.Name = person.Name;
            return await TaskGroupStore.SaveAsync(db, group, null, ct);
        }
    }
}
