using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// The area manager (their areas) or the partnership manager (any area) records a quick-win spend: date, amount,
/// payee (and whether the payee is a person), purpose, a receipt or order reference and, ideally, the issue it
/// serves. No approval step. The page shows the balance before; the confirmation, the balance after. A spend the
/// balance no longer covers is refused with the balance (<see cref="LedgerStore"/>: parallel spends never overspend).
/// </summary>
public static class RecordSpend
{
    public sealed class Form
    {
        public string? SpentOnDay { get; set; }

        public string? SpentOnMonth { get; set; }

        public string? SpentOnYear { get; set; }

        public string? Amount { get; set; }

        public string? Payee { get; set; }

        public bool PayeeIsSensitive { get; set; }

        public string? Purpose { get; set; }

        public string? Reference { get; set; }

        public string? IssueReference { get; set; }

        public DateOnly? SpentOn => UkFormat.DateFrom(SpentOnDay, SpentOnMonth, SpentOnYear);

        public decimal? AmountInPounds => UkFormat.MoneyFrom(Amount);

        [BindNever]
        [ValidateNever]
        public SpendText.BudgetHead Budget { get; set; } = null!;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.SpentOnDay).Must((form, _) => form.SpentOn is not null).WithMessage("Enter a real date for the spend, like 3 12 2026");
            RuleFor(f => f.Amount).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the amount")
                .Must(a => UkFormat.MoneyFrom(a) is > 0 and <= QuickWinBudget.MaximumAmount).WithMessage(SpendText.AmountFormat);
            RuleFor(f => f.Payee).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter who was paid")
                .Must(p => p!.Trim().Length <= QuickWinBudget.PayeeMaxLength).WithMessage($"The payee must be {QuickWinBudget.PayeeMaxLength} characters or fewer");
            RuleFor(f => f.Purpose).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter what the money was for")
                .Must(p => p!.Trim().Length <= QuickWinBudget.PurposeMaxLength).WithMessage($"The purpose must be {QuickWinBudget.PurposeMaxLength} characters or fewer");
            RuleFor(f => f.Reference).Must(r => r is null || r.Trim().Length <= QuickWinBudget.ReferenceMaxLength)
                .WithMessage($"The reference must be {QuickWinBudget.ReferenceMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>What the last successful save left: the confirmation.</summary>
        public string? Confirmation { get; private set; }

        /// <summary>The form (posted, or new with today's date) on its budget; null when the person may not see the budget.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, int budgetId, Form? posted, CancellationToken ct)
        {
            var budget = await SpendText.FindAsync(db, viewer, budgetId, logger, ct);
            if (budget is null)
            {
                return null;
            }

            var form = posted ?? NewForm(UkFormat.UkToday(clock), budget.Year);
            form.Budget = budget;
            return form;
        }

        /// <summary>Records the spend; null when the budget is not there for the person, 403 when they may not spend from it.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, int budgetId, Form form, CancellationToken ct)
        {
            var budget = await viewer.VisibleBudgets(db).AsNoTracking().SingleOrDefaultAsync(b => b.Id == budgetId, ct);
            if (budget is null)
            {
                SpendText.LogNotVisible(logger, viewer, budgetId);
                return null;
            }

            if (!viewer.CanSpendFrom(budget.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            var issue = await IssueAsync(viewer, budget.AreaId, form.IssueReference, ct);
            var ceiling = await db.QuickWinSettings.AsNoTracking().Where(s => s.Id == QuickWinSettings.SingletonId).Select(s => s.SpendCeiling).FirstOrDefaultAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var entry = OnForm(() => budget.Spend(
                new SpendDetails(form.AmountInPounds!.Value, form.SpentOn!.Value, form.Payee, form.Purpose, form.Reference, form.PayeeIsSensitive, issue?.Id),
                ceiling, viewer.UserId, now));
            issue?.RecordSpend(SpendText.TimelineSummary(entry), entry.Purpose, viewer.UserId, now);

            var balance = await LedgerStore.AppendAsync(db, entry, ct, issue);
            logger.LogInformation("User {UserId} recorded quick-win spend {SpendId} of {Amount} from budget {BudgetId}", viewer.UserId, entry.Id, entry.Amount, budgetId);
            Confirmation = $"Spend of {UkFormat.Money(entry.Amount)} recorded. Balance for {budget.FinancialYear}: {UkFormat.Money(balance)}";
            return SaveResult.Saved(budgetId);
        }

        /// <summary>The issue named on the form (untracked), which must be one the person may see in the budget's area.</summary>
        private async Task<Issue?> IssueAsync(Viewer viewer, int areaId, string? reference, CancellationToken ct)
        {
            var wanted = reference?.Trim();
            if (string.IsNullOrEmpty(wanted))
            {
                return null;
            }

            return await viewer.VisibleIssues(db).AsNoTracking().SingleOrDefaultAsync(i => i.Reference == wanted && i.AreaId == areaId, ct)
                ?? throw new DomainException($"There is no issue {wanted} in this area that you can see: check the reference, like AP-2026-00042, or leave it empty", nameof(Form.IssueReference));
        }
    }

    /// <summary>A new form: dated today when today is in the budget's year, otherwise left for the person to fill.</summary>
    private static Form NewForm(DateOnly today, FinancialYear year) => year.Contains(today)
        ? new Form { SpentOnDay = Part(today.Day), SpentOnMonth = Part(today.Month), SpentOnYear = Part(today.Year) }
        : new Form();

    private static string Part(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs a domain rule, putting a broken date rule on the date's first box.</summary>
    internal static T OnForm<T>(Func<T> rule)
    {
        try
        {
            return rule();
        }
        catch (DomainException ex) when (ex.Field == "SpentOn")
        {
            throw new DomainException(ex.Message, "SpentOnDay");
        }
    }
}
