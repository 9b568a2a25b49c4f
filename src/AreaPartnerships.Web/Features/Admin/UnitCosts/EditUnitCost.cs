using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.UnitCosts;

/// <summary>
/// The administrator adds a unit cost or changes one: name, value, unit, the agency that bears it, where the figure
/// comes from and its date. A change is a versioned save (a concurrent edit is refused, never overwritten); costs and
/// estimate lines already made keep the copy of the value they were made with.
/// </summary>
public static class EditUnitCost
{
    public sealed class Form : IVersionedForm
    {
        public int? Id { get; set; }

        public string? Name { get; set; }

        /// <summary>The value as typed ("£259,000", "259000.00"), read by <see cref="UkFormat.MoneyFrom"/>.</summary>
        public string? Cost { get; set; }

        public string? Unit { get; set; }

        public OrganisationKind? BorneBy { get; set; }

        public string? Source { get; set; }

        public string? SourceDateDay { get; set; }

        public string? SourceDateMonth { get; set; }

        public string? SourceDateYear { get; set; }

        /// <summary>Shown on the page (retire or reinstate); not posted.</summary>
        public bool IsActive { get; set; } = true;

        public Guid Version { get; set; }

        public decimal? CostInPounds => UkFormat.MoneyFrom(Cost);

        public bool SourceDateTyped => !string.IsNullOrWhiteSpace(SourceDateDay) || !string.IsNullOrWhiteSpace(SourceDateMonth) || !string.IsNullOrWhiteSpace(SourceDateYear);

        public DateOnly? SourceDate => UkFormat.DateFrom(SourceDateDay, SourceDateMonth, SourceDateYear);
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public const string CostFormat = "Enter the value in pounds and pence, more than £0.00, like 259000 or £259,000.00";

        public Validator(AppDbContext db, TimeProvider clock)
        {
            RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the unit cost's name")
                .Must(n => n!.Trim().Length <= UnitCost.NameMaxLength).WithMessage($"The name must be {UnitCost.NameMaxLength} characters or fewer")
                .MustAsync(async (form, name, ct) => !await NameTakenAsync(db, name!.Trim(), form.Id, ct)).WithMessage(NameTaken);
            RuleFor(f => f.Cost).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the value")
                .Must(c => UkFormat.MoneyFrom(c) is > 0 and <= Money.Maximum).WithMessage(CostFormat);
            RuleFor(f => f.Unit).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the unit, like \"per call-out\"")
                .Must(u => u!.Trim().Length <= UnitCost.UnitMaxLength).WithMessage($"The unit must be {UnitCost.UnitMaxLength} characters or fewer");
            RuleFor(f => f.BorneBy)
                .Must(k => k is { } kind && Enum.IsDefined(kind)).WithMessage("Select the agency that bears the cost");
            RuleFor(f => f.Source)
                .Must(s => s is null || s.Trim().Length <= UnitCost.SourceMaxLength).WithMessage($"The source must be {UnitCost.SourceMaxLength} characters or fewer");
            RuleFor(f => f.SourceDateDay).Cascade(CascadeMode.Stop)
                .Must((form, _) => !form.SourceDateTyped || form.SourceDate is not null).WithMessage("Enter a real date for the source, like 31 3 2025, or leave it empty")
                .Must((form, _) => form.SourceDate is not { } date || date <= UkFormat.UkToday(clock)).WithMessage(FutureSource);
        }
    }

    public const string NameTaken = "A unit cost with this name already exists: change that one, or give this one another name";

    public const string FutureSource = "The source's date must be today or in the past";

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Form?> LoadAsync(int id, CancellationToken ct)
        {
            var unitCost = await db.UnitCosts.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
            return unitCost is null ? null : new Form
            {
                Id = unitCost.Id,
                Name = unitCost.Name,
                Cost = unitCost.Cost.ToString("#,##0.00", CultureInfo.InvariantCulture),
                Unit = unitCost.Unit,
                BorneBy = unitCost.BorneBy,
                Source = unitCost.Source,
                SourceDateDay = unitCost.SourceDate?.Day.ToString(CultureInfo.InvariantCulture),
                SourceDateMonth = unitCost.SourceDate?.Month.ToString(CultureInfo.InvariantCulture),
                SourceDateYear = unitCost.SourceDate?.Year.ToString(CultureInfo.InvariantCulture),
                IsActive = unitCost.IsActive,
                Version = unitCost.Version,
            };
        }

        /// <summary>Whether the unit cost is in use now (for redisplaying the edit page after a refused post).</summary>
        public Task<bool> IsActiveAsync(int id, CancellationToken ct) =>
            db.UnitCosts.AsNoTracking().Where(u => u.Id == id).Select(u => u.IsActive).SingleOrDefaultAsync(ct);

        public async Task<SaveResult> HandleAsync(Form form, CancellationToken ct)
        {
            var today = UkFormat.UkToday(clock);
            UnitCost? unitCost;
            if (form.Id is null)
            {
                unitCost = OnForm(() => new UnitCost(form.Name, form.Unit, form.CostInPounds!.Value, form.BorneBy!.Value, form.Source, form.SourceDate, today));
                db.UnitCosts.Add(unitCost);
            }
            else
            {
                unitCost = await db.UnitCosts.SingleOrDefaultAsync(u => u.Id == form.Id, ct);
                if (unitCost is null)
                {
                    return SaveResult.Missing();
                }

                if (await VersionedSave.IsStaleAsync(db, unitCost, form.Version, Conflict, ct) is { } stale)
                {
                    return stale;
                }

                var found = unitCost;
                OnForm(() => found.Update(form.Name, form.Unit, form.CostInPounds!.Value, form.BorneBy!.Value, form.Source, form.SourceDate, today));
            }

            try
            {
                var result = await VersionedSave.SaveAsync(db, unitCost, form.Version, Conflict, ct);
                if (result.Conflict is null && !result.NotFound)
                {
                    logger.LogInformation("Unit cost {UnitCostId} {Change}: {Name}, {Cost} {Unit}", unitCost.Id, form.Id is null ? "added" : "changed", unitCost.Name, unitCost.Cost, unitCost.Unit);
                }

                return result;
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                // Another unit cost took the name at the same moment: the unique index kept one.
                db.ChangeTracker.Clear();
                if (await NameTakenAsync(db, form.Name!.Trim(), form.Id, ct))
                {
                    throw new DomainException(NameTaken, nameof(Form.Name));
                }

                throw;
            }
        }

        /// <summary>Retires the unit cost (no longer offered), or puts a retired one back in use. Null when it is not there.</summary>
        public async Task<(string Name, string? Refusal)?> SetInUseAsync(int id, bool inUse, CancellationToken ct)
        {
            var unitCost = await db.UnitCosts.SingleOrDefaultAsync(u => u.Id == id, ct);
            if (unitCost is null)
            {
                return null;
            }

            try
            {
                if (inUse)
                {
                    unitCost.Reinstate();
                }
                else
                {
                    unitCost.Retire();
                }
            }
            catch (DomainException ex)
            {
                return (unitCost.Name, ex.Message);
            }

            var result = await VersionedSave.SaveAsync(db, unitCost, null, Conflict, ct);
            if (result.NotFound)
            {
                return null;
            }

            if (result.Conflict is { } conflict)
            {
                return (unitCost.Name, conflict.Message);
            }

            logger.LogInformation("Unit cost {UnitCostId} {Change}", unitCost.Id, inUse ? "reinstated" : "retired");
            return (unitCost.Name, null);
        }
    }

    /// <summary>How a unit cost reads in a conflict message.</summary>
    private static readonly ConflictText Conflict = new("unit cost", v =>
    [
        $"name “{v.GetValue<string>(nameof(UnitCost.Name))}”",
        $"value {UkFormat.Money(v.GetValue<decimal>(nameof(UnitCost.Cost)))} {v.GetValue<string>(nameof(UnitCost.Unit))}",
        $"borne by {OrganisationKinds.DisplayName(v.GetValue<OrganisationKind>(nameof(UnitCost.BorneBy))).ToLowerInvariant()}",
        $"source “{v.GetValue<string?>(nameof(UnitCost.Source)) ?? "none"}”",
        $"source date {(v.GetValue<DateOnly?>(nameof(UnitCost.SourceDate)) is { } date ? UkFormat.Date(date) : "none")}",
        v.GetValue<bool>(nameof(UnitCost.IsActive)) ? "in use" : "retired",
    ]);

    private static Task<bool> NameTakenAsync(AppDbContext db, string name, int? id, CancellationToken ct) =>
        db.UnitCosts.AnyAsync(u => u.Name == name && u.Id != id, ct);

    /// <summary>Runs a domain rule, putting a broken source-date rule on the date's first box and the value's on the value field.</summary>
    private static T OnForm<T>(Func<T> rule)
    {
        try
        {
            return rule();
        }
        catch (DomainException ex) when (ex.Field == nameof(UnitCost.SourceDate))
        {
            throw new DomainException(ex.Message, nameof(Form.SourceDateDay));
        }
    }

    private static void OnForm(Action rule) => OnForm(() =>
    {
        rule();
        return true;
    });
}
