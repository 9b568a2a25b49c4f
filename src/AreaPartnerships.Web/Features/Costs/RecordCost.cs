using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Costs;

/// <summary>
/// An officer of the issue's area records a cost actually incurred on it, other than a quick-win spend: the
/// organisation that bore it, when, and either a unit cost from the table × a quantity or an amount with a
/// description. The cost and its timeline line are one append (docs/decisions/0013): recording a cost never conflicts
/// with a change to the issue.
/// </summary>
public static class RecordCost
{
    /// <summary>The two ways of giving the amount: the radios' values.</summary>
    public const string FromUnitCost = "UnitCost";

    public const string FreeAmount = "Amount";

    public sealed class Form
    {
        public int? OrganisationId { get; set; }

        public string? IncurredOnDay { get; set; }

        public string? IncurredOnMonth { get; set; }

        public string? IncurredOnYear { get; set; }

        /// <summary><see cref="FromUnitCost"/> or <see cref="FreeAmount"/>: which of the two sets of fields counts.</summary>
        public string? Basis { get; set; }

        public int? UnitCostId { get; set; }

        public string? Quantity { get; set; }

        public string? Amount { get; set; }

        public string? Description { get; set; }

        public DateOnly? IncurredOn => UkFormat.DateFrom(IncurredOnDay, IncurredOnMonth, IncurredOnYear);

        public decimal? QuantityAsNumber => UkFormat.QuantityFrom(Quantity);

        public decimal? AmountInPounds => UkFormat.MoneyFrom(Amount);

        /// <summary>The issue and the lists the page offers (filled by the handler, never posted).</summary>
        [BindNever]
        [ValidateNever]
        public Choices Page { get; set; } = null!;
    }

    public sealed record Choices(ViewCosts.IssueHead Issue, IReadOnlyList<SelectListItem> Organisations, IReadOnlyList<SelectListItem> UnitCosts, bool CanRecord);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(f => f.OrganisationId).NotNull().WithMessage("Select the organisation that bore the cost");
            RuleFor(f => f.IncurredOnDay).Cascade(CascadeMode.Stop)
                .Must((form, _) => form.IncurredOn is not null).WithMessage("Enter a real date for when the cost was incurred, like 3 12 2026")
                .Must((form, _) => form.IncurredOn <= UkFormat.UkToday(clock)).WithMessage(FutureDate);
            RuleFor(f => f.Basis)
                .Must(b => b is FromUnitCost or FreeAmount).WithMessage("Choose a unit cost from the table or enter an amount");
            When(f => f.Basis == FromUnitCost, () =>
            {
                RuleFor(f => f.UnitCostId).NotNull().WithMessage("Select the unit cost");
                RuleFor(f => f.Quantity).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage("Enter the quantity")
                    .Must(q => UkFormat.QuantityFrom(q) is > 0 and <= EstimateLine.MaximumQuantity).WithMessage(QuantityFormat);
            });
            When(f => f.Basis == FreeAmount, () =>
            {
                RuleFor(f => f.Amount).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage("Enter the amount")
                    .Must(a => UkFormat.MoneyFrom(a) is > 0 and <= Money.Maximum).WithMessage(AmountFormat);
                RuleFor(f => f.Description).NotEmpty().WithMessage("Describe the cost, like \"Two hours of a housing officer's time\"");
            });
            RuleFor(f => f.Description)
                .Must(d => d is null || d.Trim().Length <= IssueCost.DescriptionMaxLength)
                .WithMessage($"The description must be {IssueCost.DescriptionMaxLength} characters or fewer");
        }
    }

    public const string FutureDate = "The date the cost was incurred must be today or in the past";

    public const string QuantityFormat = "Enter the quantity as a number more than 0 and up to 10,000, with no more than two decimal places, like 1 or 2.5";

    public const string AmountFormat = "Enter the amount in pounds and pence, more than £0.00, like 125.50 or £1,250";

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>What the last successful save left: the confirmation.</summary>
        public string? Confirmation { get; private set; }

        /// <summary>The form (posted, or new, dated today) with the page's lists; null when the person may not see the issue.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, string reference, Form? posted, CancellationToken ct)
        {
            var issue = await CostText.FindIssueAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct);
            var unitCosts = (await db.UnitCosts.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Name)
                    .Select(u => new { u.Id, u.Name, u.Cost, u.Unit })
                    .ToListAsync(ct))
                .Select(u => new SelectListItem($"{u.Name}: {UkFormat.Money(u.Cost)} {u.Unit}", u.Id.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            var form = posted ?? NewForm(UkFormat.UkToday(clock), unitCosts.Count > 0);
            form.Page = new Choices(issue, organisations, unitCosts, viewer.CanRecordCosts(issue.AreaId));
            return form;
        }

        /// <summary>Records the cost; null when the issue is not there for the person, 403 when they may not record costs on it.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, string reference, Form form, CancellationToken ct)
        {
            var issue = await IssueStore.FindForAppendAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            if (!viewer.CanRecordCosts(issue.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == form.OrganisationId && o.IsActive, ct)
                ?? throw new DomainException("Select the organisation that bore the cost from the list", nameof(Form.OrganisationId));
            var today = UkFormat.UkToday(clock);
            var now = clock.GetUtcNow().UtcDateTime;
            IssueCost cost;
            if (form.Basis == FromUnitCost)
            {
                var unitCost = await db.UnitCosts.AsNoTracking().SingleOrDefaultAsync(u => u.Id == form.UnitCostId, ct)
                    ?? throw new DomainException("Select the unit cost from the list", nameof(Form.UnitCostId));
                cost = OnForm(() => IssueCost.FromUnitCost(issue.Id, organisation, unitCost, form.QuantityAsNumber!.Value, form.Description, form.IncurredOn!.Value, viewer.UserId, now, today),
                    amountField: nameof(Form.Quantity));
            }
            else
            {
                cost = OnForm(() => IssueCost.Free(issue.Id, organisation, form.Description, form.AmountInPounds!.Value, form.IncurredOn!.Value, viewer.UserId, now, today),
                    amountField: nameof(Form.Amount));
            }

            db.IssueCosts.Add(cost);
            issue.RecordCost($"Cost recorded: {cost.Description}, {UkFormat.Money(cost.Amount)}", Body(cost, organisation.Name), viewer.UserId, now);
            await IssueStore.AppendAsync(db, issue, ct);
            logger.LogInformation("User {UserId} recorded cost {CostId} of {Amount} on issue {Reference}", viewer.UserId, cost.Id, cost.Amount, issue.Reference);

            var value = await IssueValue.ForIssueAsync(db, issue.Id, ct);
            Confirmation = $"Cost recorded: {UkFormat.Money(cost.Amount)}. This issue has cost {UkFormat.Money(value.Spent)} so far.";
            return SaveResult.Saved(issue.Id);
        }
    }

    /// <summary>The timeline line's body: who bore it, how it was worked out, when.</summary>
    private static string Body(IssueCost cost, string organisation)
    {
        var how = cost.Quantity is { } quantity && cost.UnitCostAtTime is { } value
            ? $" {UkFormat.Quantity(quantity)} × {UkFormat.Money(value)} {cost.Unit}."
            : string.Empty;
        return $"Borne by {organisation}.{how} Incurred on {UkFormat.Date(cost.IncurredOn)}.";
    }

    /// <summary>A new form: dated today, from the unit-cost table when there is one.</summary>
    private static Form NewForm(DateOnly today, bool hasUnitCosts) => new()
    {
        IncurredOnDay = today.Day.ToString(CultureInfo.InvariantCulture),
        IncurredOnMonth = today.Month.ToString(CultureInfo.InvariantCulture),
        IncurredOnYear = today.Year.ToString(CultureInfo.InvariantCulture),
        Basis = hasUnitCosts ? FromUnitCost : FreeAmount,
    };

    /// <summary>
    /// Runs a domain rule, putting a broken date rule on the date's first box and a broken amount rule on the field the
    /// amount came from (the quantity, when it is worked out from a unit cost).
    /// </summary>
    private static T OnForm<T>(Func<T> rule, string amountField)
    {
        try
        {
            return rule();
        }
        catch (DomainException ex) when (ex.Field == nameof(IssueCost.IncurredOn))
        {
            throw new DomainException(ex.Message, nameof(Form.IncurredOnDay));
        }
        catch (DomainException ex) when (ex.Field == nameof(IssueCost.Amount) && amountField != nameof(Form.Amount))
        {
            throw new DomainException($"At this quantity the cost would be more than {UkFormat.Money(Money.Maximum)}: check the quantity", amountField);
        }
    }
}
