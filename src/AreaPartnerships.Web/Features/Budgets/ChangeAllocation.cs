using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// The partnership manager or administrator changes a budget's allocation with a reason; never below what has been
/// spent. Saved under the budget's version: a spend recorded (or another change made) since the form was read is
/// reported as a conflict, with what was typed kept.
/// </summary>
public static class ChangeAllocation
{
    public sealed class Form : IVersionedForm
    {
        public string? Allocation { get; set; }

        public string? Reason { get; set; }

        public Guid Version { get; set; }

        [BindNever]
        [ValidateNever]
        public ViewLedger.Header Budget { get; set; } = null!;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Allocation).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the new allocation, like 10,000.00")
                .Must(a => UkFormat.MoneyFrom(a) is { } value && value <= QuickWinBudget.MaximumAmount).WithMessage(AllocateBudget.MoneyMessage);
            RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter why the allocation is changing")
                .Must(r => r!.Trim().Length <= QuickWinBudget.ReasonMaxLength).WithMessage($"The reason must be {QuickWinBudget.ReasonMaxLength} characters or fewer");
        }
    }

    public static ConflictText Conflict => new("budget", v =>
    [
        $"allocation {UkFormat.Money(v.GetValue<decimal>(nameof(QuickWinBudget.Allocation)))}",
        $"spent {UkFormat.Money(v.GetValue<decimal>(nameof(QuickWinBudget.Spent)))}",
    ]);

    public sealed class Handler(AppDbContext db, TimeProvider clock, ViewLedger.Handler ledger, ILogger<Handler> logger)
    {
        /// <summary>The form, fresh or posted, with the budget's figures; null when the person may not see the budget.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, int id, Form? posted, CancellationToken ct)
        {
            if (await ledger.HeaderAsync(viewer, id, ct) is not { } header)
            {
                return null;
            }

            var form = posted ?? new Form
            {
                Allocation = header.Allocation.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                Version = await db.QuickWinBudgets.Where(b => b.Id == id).Select(b => b.Version).SingleAsync(ct),
            };
            form.Budget = header;
            return form;
        }

        public async Task<SaveResult?> HandleAsync(Viewer viewer, int id, Form form, CancellationToken ct)
        {
            if (!viewer.CanAllocate)
            {
                throw new UnauthorizedAccessException();
            }

            var budget = await viewer.VisibleBudgets(db).SingleOrDefaultAsync(b => b.Id == id, ct);
            if (budget is null)
            {
                return null;
            }

            if (await VersionedSave.IsStaleAsync(db, budget, form.Version, Conflict, ct) is { } stale)
            {
                return stale;
            }

            var change = budget.ChangeAllocation(UkFormat.MoneyFrom(form.Allocation)!.Value, form.Reason, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            db.AllocationChanges.Add(change);
            var result = await VersionedSave.SaveAsync(db, budget, form.Version, Conflict, ct);
            if (result.Conflict is null && !result.NotFound)
            {
                logger.LogInformation("User {UserId} changed budget {BudgetId}'s allocation to {Amount}", viewer.UserId, id, budget.Allocation);
            }

            return result;
        }
    }
}
