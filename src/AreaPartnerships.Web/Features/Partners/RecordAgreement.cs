using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Partners;

/// <summary>
/// A partner's page and the form to record their signed multi-agency confidentiality agreement (the date
/// they signed it and the version of the wording). Agreements are append-only: a new wording is a new
/// record, and the history stays on the page. Area managers and the partnership manager record them.
/// </summary>
public static class RecordAgreement
{
    public sealed class Form
    {
        public string? SignedDay { get; set; }

        public string? SignedMonth { get; set; }

        public string? SignedYear { get; set; }

        public string? WordingVersion { get; set; }

        public DateOnly? SignedOn => UkFormat.DateFrom(SignedDay, SignedMonth, SignedYear);

        [BindNever]
        public Partner? Partner { get; set; }

        [BindNever]
        public IReadOnlyList<Agreement> Agreements { get; set; } = [];
    }

    public sealed record Partner(int Id, string Name, string? Email, string? JobTitle, string? Organisation, bool IsDisabled);

    public sealed record Agreement(DateOnly SignedOn, string WordingVersion, string RecordedBy, DateTime RecordedAt);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(f => f.SignedDay).Cascade(CascadeMode.Stop)
                .Must((form, _) => form.SignedOn is not null).WithMessage("Enter the date they signed it, like 27 3 2026")
                .Must((form, _) => form.SignedOn <= UkFormat.UkToday(clock)).WithMessage("The date they signed it must be today or in the past");
            RuleFor(f => f.WordingVersion).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the version of the agreement's wording they signed")
                .MaximumLength(ConfidentialityAgreement.WordingVersionMaxLength)
                .WithMessage($"Wording version must be {ConfidentialityAgreement.WordingVersionMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The partner's page: the form (a posted one, or a blank one) with who they are and their agreements; null when there is no such partner user.</summary>
        public async Task<Form?> LoadAsync(int id, Form? posted, CancellationToken ct)
        {
            var partner = await ListPartners.PartnerUsers(db).Where(u => u.Id == id)
                .Select(u => new Partner(u.Id, u.DisplayName, u.Email, u.JobTitle, u.Organisation == null ? null : u.Organisation.Name, u.IsDisabled))
                .SingleOrDefaultAsync(ct);
            if (partner is null)
            {
                return null;
            }

            var agreements = await db.ConfidentialityAgreements.AsNoTracking()
                .Where(a => a.UserId == id)
                .OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id)
                .Select(a => new Agreement(a.SignedOn, a.WordingVersion,
                    db.Users.Where(u => u.Id == a.RecordedById).Select(u => u.DisplayName).FirstOrDefault() ?? "someone no longer here",
                    a.RecordedAt))
                .ToListAsync(ct);
            var form = posted ?? new Form();
            form.Partner = partner;
            form.Agreements = agreements;
            return form;
        }

        /// <summary>Records the agreement; returns the partner's name, or null when there is no such partner user.</summary>
        public async Task<string?> HandleAsync(int id, Form form, int recordedById, CancellationToken ct)
        {
            var name = await ListPartners.PartnerUsers(db).Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            if (name is null)
            {
                return null;
            }

            db.ConfidentialityAgreements.Add(new ConfidentialityAgreement(id, form.SignedOn!.Value, form.WordingVersion, recordedById, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("User {RecordedById} recorded a confidentiality agreement for user {UserId}", recordedById, id);
            return name;
        }
    }
}
