using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// Change an active group's name, the priority it serves, its lead and its review date (the area's area
/// manager or the partnership manager). Each change is on the group's timeline; a stale form is refused
/// with what the group reads now.
/// </summary>
public static class EditTaskGroup
{
    public sealed class Form : IVersionedForm
    {
        public string? Name { get; set; }

        public int? PriorityId { get; set; }

        public int? LeadUserId { get; set; }

        public int? LeadOrganisationId { get; set; }

        public string? ReviewDay { get; set; }

        public string? ReviewMonth { get; set; }

        public string? ReviewYear { get; set; }

        public Guid Version { get; set; }

        public DateOnly? ReviewOn => UkFormat.DateFrom(ReviewDay, ReviewMonth, ReviewYear);

        [BindNever]
        public int Id { get; set; }

        [BindNever]
        public string CurrentName { get; set; } = string.Empty;

        [BindNever]
        public string Area { get; set; } = string.Empty;

        /// <summary>The area's area manager or the partnership manager, and the group is active.</summary>
        [BindNever]
        public bool Allowed { get; set; }

        [BindNever]
        public bool IsActive { get; set; }

        [BindNever]
        public IReadOnlyList<SelectListItem> Priorities { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Leads { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];

        [BindNever]
        public string FinancialYear { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the task group's name")
                .Must(n => n!.Trim().Length <= TaskGroup.NameMaxLength).WithMessage($"The name must be {TaskGroup.NameMaxLength} characters or fewer");
            RuleFor(f => f.LeadUserId).NotNull().WithMessage("Select who leads the group");

            // A review date already past may stay as it is (the handler refuses only a new date in the past).
            RuleFor(f => f.ReviewDay).Must((form, _) => form.ReviewOn is not null).WithMessage("Enter a real review date, like 27 3 2027");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The form (a posted one, or one filled from the group) for a group the person may see; null when they may not.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, int id, Form? posted, CancellationToken ct)
        {
            var group = await viewer.VisibleTaskGroups(db).AsNoTracking().Where(g => g.Id == id)
                .Select(g => new { g.Id, g.Name, g.AreaId, Area = g.Area.Name, g.PriorityId, g.LeadUserId, g.LeadOrganisationId, g.LedByPartner, g.ReviewOn, g.Status, g.Version })
                .SingleOrDefaultAsync(ct);
            if (group is null)
            {
                TaskGroupStore.LogNotVisible(logger, viewer, id);
                return null;
            }

            var form = posted ?? new Form
            {
                Name = group.Name,
                PriorityId = group.PriorityId,
                LeadUserId = group.LeadUserId,
                LeadOrganisationId = group.LedByPartner ? null : group.LeadOrganisationId,
                ReviewDay = group.ReviewOn.Day.ToString(CultureInfo.InvariantCulture),
                ReviewMonth = group.ReviewOn.Month.ToString(CultureInfo.InvariantCulture),
                ReviewYear = group.ReviewOn.Year.ToString(CultureInfo.InvariantCulture),
                Version = group.Version,
            };

            var year = Domain.Common.FinancialYear.Containing(UkFormat.UkToday(clock));
            var priorities = await TaskGroupChoices.Priorities(db, [group.AreaId], year).ToListAsync(ct);
            if (group.PriorityId is { } current && priorities.TrueForAll(p => p.Id != current))
            {
                // A priority from an earlier year's plan stays selectable while the group serves it.
                priorities.InsertRange(0, await db.Priorities.AsNoTracking().Where(p => p.Id == current)
                    .Select(p => new TaskGroupChoices.PriorityOption { Id = p.Id, Title = p.Title, AreaId = group.AreaId, Area = group.Area })
                    .ToListAsync(ct));
            }

            var leads = await TaskGroupChoices.Leads(db, [group.AreaId]).OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);

            form.Id = group.Id;
            form.CurrentName = group.Name;
            form.Area = group.Area;
            form.IsActive = group.Status == TaskGroupStatus.Active;
            form.Allowed = viewer.CanManage(group.AreaId);
            form.Priorities = TaskGroupChoices.PriorityItems(priorities, withArea: false);
            form.Leads = TaskGroupChoices.LeadItems(leads);
            form.Organisations = await TaskGroupChoices.LeadOrganisationsAsync(db, group.LedByPartner ? null : group.LeadOrganisationId, ct);
            form.FinancialYear = year.ToString();
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

            var today = UkFormat.UkToday(clock);
            var reviewOn = form.ReviewOn!.Value;
            if (reviewOn != group.ReviewOn && reviewOn < today)
            {
                throw new DomainException("The new review date must be today or in the future", nameof(Form.ReviewDay));
            }

            await TaskGroupChoices.CheckPriorityAsync(db, group.AreaId, form.PriorityId, group.PriorityId, Domain.Common.FinancialYear.Containing(today), ct);
            var lead = await TaskGroupChoices.LeadAsync(db, group.AreaId, form.LeadUserId, form.LeadOrganisationId, group.LeadOrganisationId, ct);
            group.Change(form.Name, form.PriorityId, lead, reviewOn, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            return await TaskGroupStore.SaveAsync(db, group, form.Version, ct);
        }
    }
}
