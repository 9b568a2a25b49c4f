using AreaPartnerships.Domain;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// Close a group with a summary of what it achieved (the area's area manager or the partnership manager).
/// The group's rule refuses while any action is still open; the page lists those actions, each linked to
/// its own page where it can be marked done or cancelled with a reason, so nothing is quietly dropped.
/// </summary>
public static class CloseTaskGroup
{
    public sealed record OpenAction(int Id, string Description, string Owner, DateOnly DueOn, PlanActionStatus Status);

    public sealed class Form : IVersionedForm
    {
        public string? ClosingSummary { get; set; }

        public Guid Version { get; set; }

        [BindNever]
        public int Id { get; set; }

        [BindNever]
        public string Name { get; set; } = string.Empty;

        [BindNever]
        public string Area { get; set; } = string.Empty;

        [BindNever]
        public bool Allowed { get; set; }

        [BindNever]
        public bool IsActive { get; set; }

        [BindNever]
        public IReadOnlyList<OpenAction> OpenActions { get; set; } = [];

        [BindNever]
        public DateOnly Today { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator() =>
            RuleFor(f => f.ClosingSummary).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a closing summary: what the group achieved")
                .Must(s => s!.Trim().Length <= TaskGroup.SummaryMaxLength).WithMessage($"The closing summary must be {TaskGroup.SummaryMaxLength} characters or fewer");
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Form?> LoadAsync(Viewer viewer, int id, Form? posted, CancellationToken ct)
        {
            var group = await viewer.VisibleTaskGroups(db).AsNoTracking().Where(g => g.Id == id)
                .Select(g => new { g.Id, g.Name, g.AreaId, Area = g.Area.Name, g.Status, g.Version })
                .SingleOrDefaultAsync(ct);
            if (group is null)
            {
                TaskGroupStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var form = posted ?? new Form { Version = group.Version };
            form.Id = group.Id;
            form.Name = group.Name;
            form.Area = group.Area;
            form.Allowed = viewer.CanManage(group.AreaId);
            form.IsActive = group.Status == TaskGroupStatus.Active;
            form.Today = UkFormat.UkToday(clock);
            form.OpenActions = await db.PlanActions.AsNoTracking()
                .Where(a => a.TaskGroupId == id
                    && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress || a.Status == PlanActionStatus.Blocked))
                .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
                .Select(a => new OpenAction(a.Id, a.Description, a.Owner.DisplayName, a.DueOn, a.Status))
                .ToListAsync(ct);
            return form;
        }

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

            var actions = await db.PlanActions.AsNoTracking().Where(a => a.TaskGroupId == id).ToListAsync(ct);
            group.Close(form.ClosingSummary, actions, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            return await TaskGroupStore.SaveAsync(db, group, form.Version, ct);
        }
    }
}
