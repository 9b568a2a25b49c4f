using AreaPartnerships.Domain;
using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.AreaPlans;

/// <summary>
/// Remove a priority from its plan, after a confirmation page. Refused while task groups serve it (the
/// page says which), and refused when the priority changed after the page was read.
/// </summary>
public static class RemovePriority
{
    public sealed class Form : IVersionedForm
    {
        public Guid Version { get; set; }

        /// <summary>Not posted: filled from the route (so not validated either).</summary>
        [BindNever]
        [ValidateNever]
        public PlanArea Area { get; set; } = null!;

        [BindNever]
        public FinancialYear Year { get; set; }

        [BindNever]
        public int PriorityId { get; set; }

        [BindNever]
        public string Title { get; set; } = string.Empty;

        [BindNever]
        public string? LeadOrganisation { get; set; }

        /// <summary>The task groups serving the priority (open or closed): while there are any it cannot be removed.</summary>
        [BindNever]
        public IReadOnlyList<ServingGroup> ServingTaskGroups { get; set; } = [];
    }

    public sealed record ServingGroup(int Id, string Name);

    /// <summary>Nothing to check beyond the version: the confirmation is the button.</summary>
    public sealed class Validator : AbstractValidator<Form>;

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>The confirmation page (a posted form, or one read from the priority); null when the area's plans hold no such priority.</summary>
        public async Task<Form?> LoadAsync(PlanArea area, int priorityId, Form? posted, CancellationToken ct)
        {
            var priority = await db.Priorities.AsNoTracking()
                .Where(p => p.Id == priorityId)
                .Join(db.AreaPlans.Where(a => a.AreaId == area.Id), p => p.AreaPlanId, a => a.Id,
                    (p, a) => new { p.Title, LeadOrganisation = p.LeadOrganisation == null ? null : p.LeadOrganisation.Name, p.Version, a.FinancialYearStart })
                .SingleOrDefaultAsync(ct);
            if (priority is null)
            {
                logger.LogWarning("Priority {PriorityId} asked for in area {AreaId}, where there is no such priority", priorityId, area.Id);
                return null;
            }

            var form = posted ?? new Form { Version = priority.Version };
            form.Area = area;
            form.Year = new FinancialYear(priority.FinancialYearStart);
            form.PriorityId = priorityId;
            form.Title = priority.Title;
            form.LeadOrganisation = priority.LeadOrganisation;
            form.ServingTaskGroups = await ServingAsync(priorityId, ct);
            return form;
        }

        /// <summary>Removes the priority; null when the area's plans hold no such priority.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, PlanArea area, int priorityId, Form form, CancellationToken ct)
        {
            var plan = await AreaPlanStore.FindHoldingAsync(db, area.Id, priorityId, ct);
            if (plan is null)
            {
                return null;
            }

            var priority = plan.Priorities.Single(p => p.Id == priorityId);
            var serving = await ServingAsync(priorityId, ct);
            // Marked deleted before the plan lets go of it: EF refuses a priority cut loose from its plan
            // (nothing is deleted by cascade). If the plan refuses, nothing is saved.
            db.Priorities.Remove(priority);
            plan.RemovePriority(priority, [.. serving.Select(g => g.Name)]);
            try
            {
                var result = await VersionedSave.SaveAsync(db, priority, form.Version, AreaPlanStore.PriorityConflict(db), ct);
                if (result.Conflict is not null || result.NotFound)
                {
                    return result;
                }
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                // A task group was linked to the priority between the check and the delete.
                throw new DomainException($"‘{priority.Title}’ cannot be removed: a task group now serves it. Link the group to another priority first");
            }

            logger.LogInformation("User {UserId} removed priority {PriorityId} from the {Year} plan of area {AreaId}", viewer.UserId, priorityId, plan.FinancialYearStart, area.Id);
            return SaveResult.Saved(priorityId);
        }

        private async Task<IReadOnlyList<ServingGroup>> ServingAsync(int priorityId, CancellationToken ct) =>
            await db.TaskGroups.AsNoTracking().Where(g => g.PriorityId == priorityId).OrderBy(g => g.Name).Select(g => new ServingGroup(g.Id, g.Name)).ToListAsync(ct);
    }
}
