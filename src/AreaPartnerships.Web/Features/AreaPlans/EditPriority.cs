using AreaPartnerships.Domain;
using AreaPartnerships.Domain.AreaPlans;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.AreaPlans;

/// <summary>
/// Add a priority to an area's plan (at the end; the plan is started if the year has none yet) or change
/// one: its title, description and lead organisation. The area's area manager and the partnership
/// manager do this. A change made on a stale page is refused with what the priority says now.
/// </summary>
public static class EditPriority
{
    public sealed class Form : IVersionedForm
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public int? LeadOrganisationId { get; set; }

        /// <summary>The priority's version (empty for a new priority).</summary>
        public Guid Version { get; set; }

        /// <summary>Not posted: filled from the route (so not validated either).</summary>
        [BindNever]
        [ValidateNever]
        public PlanArea Area { get; set; } = null!;

        [BindNever]
        public FinancialYear Year { get; set; }

        /// <summary>The priority changed, or null when adding one.</summary>
        [BindNever]
        public int? PriorityId { get; set; }

        [BindNever]
        public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];

        public bool IsNew => PriorityId is null;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Title).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the priority's title")
                .Must(t => t!.Trim().Length <= Priority.TitleMaxLength).WithMessage($"Title must be {Priority.TitleMaxLength} characters or fewer");
            RuleFor(f => f.Description)
                .Must(d => d is null || d.Trim().Length <= Priority.DescriptionMaxLength)
                .WithMessage($"Description must be {Priority.DescriptionMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>The form to add a priority (a posted one, or a blank one).</summary>
        public async Task<Form> NewAsync(PlanArea area, FinancialYear year, Form? posted, CancellationToken ct)
        {
            var form = posted ?? new Form();
            form.Area = area;
            form.Year = year;
            form.PriorityId = null;
            form.Organisations = await AreaPlanStore.OrganisationOptionsAsync(db, null, ct);
            return form;
        }

        /// <summary>The form to change a priority (a posted one, or one filled from the priority); null when the area's plans hold no such priority.</summary>
        public async Task<Form?> EditAsync(PlanArea area, int priorityId, Form? posted, CancellationToken ct)
        {
            var priority = await db.Priorities.AsNoTracking()
                .Where(p => p.Id == priorityId)
                .Join(db.AreaPlans.Where(a => a.AreaId == area.Id), p => p.AreaPlanId, a => a.Id,
                    (p, a) => new { p.Title, p.Description, p.LeadOrganisationId, p.Version, a.FinancialYearStart })
                .SingleOrDefaultAsync(ct);
            if (priority is null)
            {
                logger.LogWarning("Priority {PriorityId} asked for in area {AreaId}, where there is no such priority", priorityId, area.Id);
                return null;
            }

            var form = posted ?? new Form
            {
                Title = priority.Title,
                Description = priority.Description,
                LeadOrganisationId = priority.LeadOrganisationId,
                Version = priority.Version,
            };
            form.Area = area;
            form.Year = new FinancialYear(priority.FinancialYearStart);
            form.PriorityId = priorityId;
            form.Organisations = await AreaPlanStore.OrganisationOptionsAsync(db, priority.LeadOrganisationId, ct);
            return form;
        }

        /// <summary>Adds the priority at the end of the plan, starting the plan if the year has none yet.</summary>
        public async Task<SaveResult> AddAsync(Viewer viewer, PlanArea area, FinancialYear year, Form form, CancellationToken ct)
        {
            await AreaPlanStore.CheckLeadAsync(db, form.LeadOrganisationId, null, nameof(Form.LeadOrganisationId), ct);
            for (var attempt = 1; ; attempt++)
            {
                var plan = await AreaPlanStore.FindForChangeAsync(db, area.Id, year.StartYear, ct);
                var isNewPlan = plan is null;
                if (plan is null)
                {
                    plan = new AreaPlan(area.Id, year.StartYear);
                    db.AreaPlans.Add(plan);
                }

                var priority = plan.AddPriority(form.Title, form.Description, form.LeadOrganisationId);
                try
                {
                    await db.SaveChangesAsync(ct);
                    logger.LogInformation("User {UserId} added priority {PriorityId} to the {Year} plan of area {AreaId}", viewer.UserId, priority.Id, year, area.Id);
                    return SaveResult.Saved(priority.Id);
                }
                catch (DbUpdateException) when (isNewPlan && attempt == 1)
                {
                    // Someone else started the year's plan at the same moment (one plan per area and year):
                    // add the priority to theirs.
                    db.ChangeTracker.Clear();
                }
            }
        }

        /// <summary>Changes the priority if nobody else changed it since the form was read; null when the area's plans hold no such priority.</summary>
        public async Task<SaveResult?> ChangeAsync(Viewer viewer, PlanArea area, int priorityId, Form form, CancellationToken ct)
        {
            var priority = await db.Priorities
                .SingleOrDefaultAsync(p => p.Id == priorityId && db.AreaPlans.Any(a => a.Id == p.AreaPlanId && a.AreaId == area.Id), ct);
            if (priority is null)
            {
                return null;
            }

            await AreaPlanStore.CheckLeadAsync(db, form.LeadOrganisationId, priority.LeadOrganisationId, nameof(Form.LeadOrganisationId), ct);
            priority.Change(form.Title, form.Description, form.LeadOrganisationId);
            var result = await VersionedSave.SaveAsync(db, priority, form.Version, AreaPlanStore.PriorityConflict(db), ct);
            if (result.Conflict is null)
            {
                logger.LogInformation("User {UserId} changed priority {PriorityId} in area {AreaId}", viewer.UserId, priority.Id, area.Id);
            }

            return result;
        }
    }
}
