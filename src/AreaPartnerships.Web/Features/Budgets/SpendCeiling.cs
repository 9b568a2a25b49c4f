using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// The administrator sets the ceiling for one quick-win spend (the single settings row), or clears it for none.
/// Saved under the row's version so two administrators' changes cannot pass each other unnoticed.
/// </summary>
public static class SpendCeiling
{
    public sealed class Form : IVersionedForm
    {
        public string? Ceiling { get; set; }

        public Guid Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator() =>
            RuleFor(f => f.Ceiling)
                .Must(c => string.IsNullOrWhiteSpace(c) || UkFormat.MoneyFrom(c) is > 0 and <= QuickWinBudget.MaximumAmount)
                .WithMessage("Enter the ceiling in pounds and pence, like 2,500.00, or leave it empty for no ceiling");
    }

    public static ConflictText Conflict => new("setting", v =>
        [v.GetValue<decimal?>(nameof(QuickWinSettings.SpendCeiling)) is { } c ? $"ceiling {UkFormat.Money(c)}" : "no ceiling"]);

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        public async Task<Form> LoadAsync(CancellationToken ct)
        {
            var settings = await db.QuickWinSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == QuickWinSettings.SingletonId, ct);
            return new Form
            {
                Ceiling = settings?.SpendCeiling?.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                Version = settings?.Version ?? Guid.Empty,
            };
        }

        public async Task<SaveResult> HandleAsync(int userId, Form form, CancellationToken ct)
        {
            var settings = await db.QuickWinSettings.SingleOrDefaultAsync(s => s.Id == QuickWinSettings.SingletonId, ct);
            if (settings is null)
            {
                settings = new QuickWinSettings();
                db.QuickWinSettings.Add(settings);
            }

            settings.SetCeiling(string.IsNullOrWhiteSpace(form.Ceiling) ? null : UkFormat.MoneyFrom(form.Ceiling));
            var result = await VersionedSave.SaveAsync(db, settings, form.Version, Conflict, ct);
            logger.LogInformation("User {UserId} set the quick-win spend ceiling to {Ceiling}", userId, settings.SpendCeiling);
            return result;
        }
    }
}
