using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Settings = AreaPartnerships.Domain.Notifications.MailSettings;

namespace AreaPartnerships.Web.Features.Admin.Mail;

/// <summary>Who every e-mail is from, its footer, and the service's address (the start of every link). One row, made on the first save.</summary>
public static class EditMailSettings
{
    public sealed class Form : IVersionedForm
    {
        public string? SenderName { get; set; }

        public string? SenderAddress { get; set; }

        public string? Footer { get; set; }

        public string? ServiceAddress { get; set; }

        public Guid Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.SenderName).NotEmpty().WithMessage("Enter the sender's name");
            RuleFor(f => f.SenderAddress).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the sender's e-mail address")
                .Must(a => Settings.IsEmailAddress(a!.Trim())).WithMessage("Enter the sender's e-mail address in the correct format, like name@example.gov.uk");
            RuleFor(f => f.Footer).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the footer")
                .MaximumLength(Settings.FooterMaxLength).WithMessage($"The footer must be {Settings.FooterMaxLength:N0} characters or fewer");
            RuleFor(f => f.ServiceAddress).NotEmpty().WithMessage("Enter the service's address");
        }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Form> LoadAsync(CancellationToken ct)
        {
            var settings = await db.MailSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Settings.SingletonId, ct);
            var shown = settings ?? Settings.Defaults();
            return new Form
            {
                SenderName = shown.SenderName,
                SenderAddress = shown.SenderAddress,
                Footer = shown.Footer,
                ServiceAddress = shown.ServiceAddress,
                Version = settings?.Version ?? Guid.Empty,
            };
        }

        public async Task<SaveResult> HandleAsync(Form form, CancellationToken ct)
        {
            var settings = await db.MailSettings.SingleOrDefaultAsync(s => s.Id == Settings.SingletonId, ct);
            if (settings is null)
            {
                db.MailSettings.Add(new Settings(form.SenderName, form.SenderAddress?.Trim(), form.Footer, form.ServiceAddress));
                await db.SaveChangesAsync(ct);
                return SaveResult.Saved(Settings.SingletonId);
            }

            if (await VersionedSave.IsStaleAsync(db, settings, form.Version, Conflict, ct) is { } stale)
            {
                return stale;
            }

            settings.Change(form.SenderName, form.SenderAddress?.Trim(), form.Footer, form.ServiceAddress);
            return await VersionedSave.SaveAsync(db, settings, form.Version, Conflict, ct);
        }

        private static readonly ConflictText Conflict = new("set of mail settings", v =>
            [
                $"sender “{v.GetValue<string>(nameof(Settings.SenderName))}” <{v.GetValue<string>(nameof(Settings.SenderAddress))}>",
                $"service address {v.GetValue<string>(nameof(Settings.ServiceAddress))}",
            ]);
    }
}
