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
/// Write or change the summary of an area's plan for a year (the plan is started if the year has none
/// yet). A change made on a stale page, including a second person starting the same plan, is refused
/// with what the summary says now.
/// </summary>
public static class EditSummary
{
    public sealed class Form : IVersionedForm
    {
        public string? Summary { get; set; }

        /// <summary>The plan's version; empty when the year had no plan when the page was read.</summary>
        public Guid Version { get; set; }

        /// <summary>Not posted: filled from the route (so not validated either).</summary>
        [BindNever]
        [ValidateNever]
        public PlanArea Area { get; set; } = null!;

        [BindNever]
        public FinancialYear Year { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator() =>
            RuleFor(f => f.Summary)
                .Must(s => s is null || s.Trim().Length <= AreaPlan.SummaryMaxLength)
                .WithMessage($"Summary must be {AreaPlan.SummaryMaxLength} characters or fewer");
    }

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>The form (a posted one, or one read from the plan).</summary>
        public async Task<Form> LoadAsync(PlanArea area, FinancialYear year, Form? posted, CancellationToken ct)
        {
            var start = year.StartYear;
            var form = posted ?? await db.AreaPlans.AsNoTracking()
                .Where(p => p.AreaId == area.Id && p.FinancialYearStart == start)
                .Select(p => new Form { Summary = p.Summary, Version = p.Version })
                .SingleOrDefaultAsync(ct)
                ?? new Form();
            form.Area = area;
            form.Year = year;
            return form;
        }

        public async Task<SaveResult> HandleAsync(Viewer viewer, PlanArea area, FinancialYear year, Form form, CancellationToken ct)
        {
            var start = year.StartYear;
            var plan = await db.AreaPlans.SingleOrDefaultAsync(p => p.AreaId == area.Id && p.FinancialYearStart == start, ct);
            if (plan is not null && form.Version == Guid.Empty)
            {
                // The page was read before the plan existed: someone else has started it since.
                return Conflict(plan);
            }

            var isNewPlan = plan is null;
            if (plan is null)
            {
                plan = new AreaPlan(area.Id, start);
                db.AreaPlans.Add(plan);
            }

            plan.SetSummary(form.Summary);
            try
            {
                var result = await VersionedSave.SaveAsync(db, plan, form.Version, PlanConflict, ct);
                if (result.Conflict is not null || result.NotFound)
                {
                    return result;
                }
            }
            catch (DbUpdateException ex) when (isNewPlan && ex is not DbUpdateConcurrencyException)
            {
                // Someone else started the year's plan at the same moment (one plan per area and year).
                db.ChangeTracker.Clear();
                var theirs = await db.AreaPlans.AsNoTracking().SingleAsync(p => p.AreaId == area.Id && p.FinancialYearStart == start, ct);
                return Conflict(theirs);
            }

            logger.LogInformation("User {UserId} changed the summary of the {Year} plan of area {AreaId}", viewer.UserId, year, area.Id);
            return SaveResult.Saved(plan.Id);
        }

        private static readonly ConflictText PlanConflict = new("plan", v => [Describe(v.GetValue<string?>(nameof(AreaPlan.Summary)))]);

        private static SaveResult Conflict(AreaPlan current) =>
            new(current.Id, EditConflict.For(PlanConflict.RecordName, [Describe(current.Summary)], current.Version));

        private static string Describe(string? summary) =>
            summary is null ? "no summary" : $"summary ‘{AreaPlanStore.Excerpt(summary)}’";
    }
}
