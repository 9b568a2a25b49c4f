using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// A spend is put right only by a new, reasoned entry against it (the ledger is append-only): a correction (more
/// or less money) or its reversal (the whole of what it now stands at back). Those who may spend from the budget
/// may do it; the confirmation gives the new balance.
/// </summary>
public static class AdjustSpend
{
    public const string Correct = "Correct";
    public const string Reverse = "Reverse";

    public sealed class Form
    {
        /// <summary><see cref="Correct"/> or <see cref="Reverse"/>.</summary>
        public string? Kind { get; set; }

        /// <summary>For a correction: the change, more (125.00) or less (-25.00).</summary>
        public string? Change { get; set; }

        public string? Reason { get; set; }

        public string? SpentOnDay { get; set; }

        public string? SpentOnMonth { get; set; }

        public string? SpentOnYear { get; set; }

        public DateOnly? SpentOn => UkFormat.DateFrom(SpentOnDay, SpentOnMonth, SpentOnYear);

        public decimal? ChangeInPounds => UkFormat.MoneyFrom(Change, allowNegative: true);

        [BindNever]
        [ValidateNever]
        public SpendText.BudgetHead Budget { get; set; } = null!;

        [BindNever]
        [ValidateNever]
        public Original Spend { get; set; } = null!;

        [BindNever]
        public IReadOnlyList<SelectListItem> Kinds { get; set; } = [];
    }

    /// <summary>
    /// The net of the entries already made against a spend (a handful at most; summed here because SQLite cannot sum
    /// decimals in the database).
    /// </summary>
    public static async Task<decimal> AdjustedByAsync(AppDbContext db, long spendId, CancellationToken ct) =>
        (await db.QuickWinSpends.AsNoTracking().Where(s => s.AdjustsSpendId == spendId).Select(s => s.Amount).ToListAsync(ct)).Sum();

    /// <summary>The spend being adjusted, as the page shows it, with what it now stands at.</summary>
    public sealed record Original(long Id, DateOnly SpentOn, decimal Amount, string Payee, string Purpose, string? Reference, decimal Net);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Kind).Must(k => k is Correct or Reverse).WithMessage("Select whether to correct or reverse the spend");
            RuleFor(f => f.Change).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the change in pounds and pence, like 25.00 or -25.00")
                .Must(c => UkFormat.MoneyFrom(c, allowNegative: true) is { } v && v != 0 && Math.Abs(v) <= QuickWinBudget.MaximumAmount)
                .WithMessage("Enter the change in pounds and pence, more or less than £0.00, like 25.00 or -25.00")
                .When(f => f.Kind == Correct);
            RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter why the spend is being corrected or reversed")
                .Must(r => r!.Trim().Length <= QuickWinBudget.ReasonMaxLength).WithMessage($"The reason must be {QuickWinBudget.ReasonMaxLength} characters or fewer");
            RuleFor(f => f.SpentOnDay).Must((form, _) => form.SpentOn is not null).WithMessage("Enter a real date, like 3 12 2026");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public string? Confirmation { get; private set; }

        /// <summary>The form on its budget and spend; null when either is not there for the person.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, int budgetId, long spendId, Form? posted, CancellationToken ct)
        {
            var budget = await SpendText.FindAsync(db, viewer, budgetId, logger, ct);
            if (budget is null)
            {
                return null;
            }

            var original = await OriginalAsync(budgetId, spendId, ct);
            if (original is null)
            {
                return null;
            }

            var today = UkFormat.UkToday(clock);
            var form = posted ?? (budget.Year.Contains(today)
                ? new Form { SpentOnDay = Part(today.Day), SpentOnMonth = Part(today.Month), SpentOnYear = Part(today.Year) }
                : new Form());
            form.Budget = budget;
            form.Spend = original;
            form.Kinds =
            [
                new SelectListItem("Correct the amount", Correct, form.Kind == Correct),
                new SelectListItem($"Reverse it (the whole {UkFormat.Money(original.Net)} back to the budget)", Reverse, form.Kind == Reverse),
            ];
            return form;
        }

        public async Task<SaveResult?> HandleAsync(Viewer viewer, int budgetId, long spendId, Form form, CancellationToken ct)
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

            var original = await db.QuickWinSpends.AsNoTracking().SingleOrDefaultAsync(s => s.Id == spendId && s.BudgetId == budgetId && s.Kind == LedgerEntryKind.Spend, ct);
            if (original is null)
            {
                return null;
            }

            var net = original.Amount + await AdjustedByAsync(db, spendId, ct);
            var change = form.Kind == Reverse ? (decimal?)null : form.ChangeInPounds!.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var entry = RecordSpend.OnForm(() =>
            {
                try
                {
                    return budget.Adjust(original, net, change, form.Reason, form.SpentOn!.Value, viewer.UserId, now);
                }
                catch (DomainException ex) when (ex.Field == "Amount")
                {
                    throw new DomainException(ex.Message, nameof(Form.Change));
                }
            });

            var issue = entry.IssueId is { } issueId ? await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == issueId, ct) : null;
            issue?.RecordSpend(SpendText.TimelineSummary(entry), entry.Reason, viewer.UserId, now);

            decimal balance;
            try
            {
                balance = await LedgerStore.AppendAsync(db, entry, ct, issue);
            }
            catch (DomainException ex) when (ex.Field == "Amount")
            {
                // The form's money field is the change.
                throw new DomainException(ex.Message, nameof(Form.Change));
            }

            logger.LogInformation("User {UserId} made a {Kind} of {Amount} against quick-win spend {SpendId} in budget {BudgetId}", viewer.UserId, entry.Kind, entry.Amount, spendId, budgetId);
            Confirmation = (entry.Kind == LedgerEntryKind.Reversal ? "Spend reversed" : $"Spend corrected by {SpendText.WithSign(entry.Amount)}")
                + $". Balance for {budget.FinancialYear}: {UkFormat.Money(balance)}";
            return SaveResult.Saved(budgetId);
        }

        private async Task<Original?> OriginalAsync(int budgetId, long spendId, CancellationToken ct)
        {
            var spend = await db.QuickWinSpends.AsNoTracking()
                .Where(s => s.Id == spendId && s.BudgetId == budgetId && s.Kind == LedgerEntryKind.Spend)
                .Select(s => new { s.Id, s.SpentOn, s.Amount, s.Payee, s.Purpose, s.Reference })
                .SingleOrDefaultAsync(ct);
            if (spend is null)
            {
                return null;
            }

            var adjusted = await AdjustedByAsync(db, spendId, ct);
            return new Original(spend.Id, spend.SpentOn, spend.Amount, spend.Payee, spend.Purpose, spend.Reference, spend.Amount + adjusted);
        }

        private static string Part(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
