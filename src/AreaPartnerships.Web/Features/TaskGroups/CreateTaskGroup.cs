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
/// An area manager (for their areas) or the partnership manager sets up a task group: area, name, the
/// area plan priority it serves, who leads it (a partner, or an area manager of the area with the council
/// service they lead for), the review date and its first members. The lead is always a member, and
/// "led by partner" is recorded for counting.
/// </summary>
public static class CreateTaskGroup
{
    public sealed class Form
    {
        public int? AreaId { get; set; }

        public string? Name { get; set; }

        public int? PriorityId { get; set; }

        public int? LeadUserId { get; set; }

        public int? LeadOrganisationId { get; set; }

        public string? ReviewDay { get; set; }

        public string? ReviewMonth { get; set; }

        public string? ReviewYear { get; set; }

        public List<int> MemberIds { get; set; } = [];

        public DateOnly? ReviewOn => UkFormat.DateFrom(ReviewDay, ReviewMonth, ReviewYear);

        [BindNever]
        public IReadOnlyList<SelectListItem> Areas { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Priorities { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Leads { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> People { get; set; } = [];

        [BindNever]
        public string FinancialYear { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(f => f.AreaId).NotNull().WithMessage("Select the area");
            RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the task group's name")
                .Must(n => n!.Trim().Length <= TaskGroup.NameMaxLength).WithMessage($"The name must be {TaskGroup.NameMaxLength} characters or fewer");
            RuleFor(f => f.LeadUserId).NotNull().WithMessage("Select who leads the group");
            RuleFor(f => f.ReviewDay).Cascade(CascadeMode.Stop)
                .Must((form, _) => form.ReviewOn is not null).WithMessage("Enter a real review date, like 27 3 2027")
                .Must((form, _) => form.ReviewOn >= UkFormat.UkToday(clock)).WithMessage("The review date must be today or in the future");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The form (a posted one, or a new one) with the choices this person has.</summary>
        public async Task<Form> FillAsync(Viewer viewer, Form? posted, CancellationToken ct)
        {
            var areas = await TaskGroupChoices.AreasToManage(db, viewer).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
            var areaIds = areas.Select(a => a.Id).ToList();
            var year = Domain.Common.FinancialYear.Containing(UkFormat.UkToday(clock));
            var form = posted ?? new Form { AreaId = areas.Count == 1 ? areas[0].Id : null };

            var priorities = await TaskGroupChoices.Priorities(db, areaIds, year).ToListAsync(ct);
            var leads = await TaskGroupChoices.Leads(db, areaIds).OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
            var people = await TaskGroupChoices.Members(db, areaIds).OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);

            form.Areas = [new SelectListItem("Choose an area", ""), .. areas.Select(a => new SelectListItem(a.Name, TaskGroupChoices.Value(a.Id)))];
            form.Priorities = TaskGroupChoices.PriorityItems(priorities, withArea: areas.Count > 1);
            form.Leads = TaskGroupChoices.LeadItems(leads);
            form.Organisations = await TaskGroupChoices.LeadOrganisationsAsync(db, null, ct);
            form.People = [.. people.Select(p => new SelectListItem(p.Label, TaskGroupChoices.Value(p.Id)))];
            form.FinancialYear = year.ToString();
            return form;
        }

        /// <summary>Sets the group up; refuses (403) a person who may not set up groups in the chosen area.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, Form form, CancellationToken ct)
        {
            if (!viewer.CanCreateTaskGroups())
            {
                throw new UnauthorizedAccessException();
            }

            var areaId = form.AreaId!.Value;
            if (!await TaskGroupChoices.AreasToManage(db, viewer).AnyAsync(a => a.Id == areaId, ct))
            {
                throw new DomainException("Select one of your areas", nameof(Form.AreaId));
            }

            var today = UkFormat.UkToday(clock);
            await TaskGroupChoices.CheckPriorityAsync(db, areaId, form.PriorityId, null, Domain.Common.FinancialYear.Containing(today), ct);
            var lead = await TaskGroupChoices.LeadAsync(db, areaId, form.LeadUserId, form.LeadOrganisationId, null, ct);

            var wanted = form.MemberIds.Distinct().Where(id => id != lead.UserId).ToList();
            var members = await TaskGroupChoices.Members(db, [areaId]).Where(p => wanted.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
            if (members.Count != wanted.Count)
            {
                throw new DomainException("Choose members from the list: partners, or the area manager and support officers of the group's area", nameof(Form.MemberIds));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var group = new TaskGroup(areaId, form.Name, form.PriorityId, lead, form.ReviewOn!.Value, viewer.UserId, now);
            foreach (var member in members)
            {
                group.AddMember(member.Id, member.Name, viewer.UserId, now);
            }

            db.TaskGroups.Add(group);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("User {UserId} set up task group {TaskGroupId} in area {AreaId}", viewer.UserId, group.Id, areaId);
            return SaveResult.Saved(group.Id);
        }
    }
}
