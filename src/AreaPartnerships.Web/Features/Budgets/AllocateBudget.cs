using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// The partnership manager or administrator sets an area's quick-win allocation for a financial year that has none
/// yet: this year, the next, or up to <see cref="MonitorBudgets.YearsBack"/> past years. The budget and its first
/// history line are saved in one transaction. A year that already has an allocation is changed with a reason instead
/// (<see cref="ChangeAllocation"/>).
/// </summary>
public static class AllocateBudget
{
    public const string MoneyMessage = "Enter the allocation in pounds and pence, like 10,000.00";

    public sealed class Form
    {
        public string? Allocation { get; set; }

        [BindNever]
        public string Area { get; set; } = string.Empty;

        [BindNever]
        public FinancialYear Year { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator() =>
            RuleFor(f => f.Allocation).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the allocation for the year, like 10,000.00")
                .Must(a => UkFormat.MoneyFrom(a) is { } value && value <= QuickWinBudget.MaximumAmount).WithMessage(MoneyMessage);
    }

    /// <summary>What the page is for: an active area and an offered year with no budget yet.</summary>
    public sealed record Target(int AreaId, string Area, FinancialYear Year, int? ExistingBudgetId);

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The area and year, or null when the area is not an active one or the year is not offered.</summary>
        public async Task<Target?> TargetAsync(int? areaId, int? year, CancellationToken ct)
        {
            var thisYear = FinancialYear.Containing(UkFormat.UkToday(clock));
            if (areaId is not { } id || year is not { } y || !MonitorBudgets.IsOffered(thisYear, y))
            {
                return null;
            }

            var area = await db.Areas.AsNoTracking().Where(a => a.Id == id && a.IsActive).Select(a => a.Name).SingleOrDefaultAsync(ct);
            if (area is null)
            {
                return null;
            }

            var existing = await db.QuickWinBudgets.AsNoTracking().Where(b => b.AreaId == id && b.FinancialYearStart == y).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
            return new Target(id, area, new FinancialYear(y), existing);
        }

        public static Form Fill(Target target, Form? posted)
        {
            var form = posted ?? new Form();
            form.Area = target.Area;
            form.Year = target.Year;
            return form;
        }

        /// <summary>Creates the budget and its first history line together; the new budget's id.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, Target target, Form form, CancellationToken ct)
        {
            if (!viewer.CanAllocate)
            {
                throw new UnauthorizedAccessException();
            }

            var amount = UkFormat.MoneyFrom(form.Allocation)!.Value;
            var budget = new QuickWinBudget(target.AreaId, target.Year, amount);
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.QuickWinBudgets.Add(budget);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone else allocated this area's year at the same moment (one budget per area and year).
                throw new DomainException($"{target.Area} already has an allocation for {target.Year}: change it from its ledger", nameof(Form.Allocation));
            }

            db.AllocationChanges.Add(budget.FirstAllocation(viewer.UserId, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("User {UserId} allocated {Amount} to area {AreaId} for {Year} (budget {BudgetId})", viewer.UserId, amount, target.AreaId, target.Year.StartYear, budget.Id);
            return SaveResult.Saved(budget.Id);
        }
    }
}
