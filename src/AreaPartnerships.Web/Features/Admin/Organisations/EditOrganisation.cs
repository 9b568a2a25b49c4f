using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Organisations;

/// <summary>Add a partner agency or council service, or change one (front-line contact, status).</summary>
public static class EditOrganisation
{
    public sealed class Form : IVersionedForm
    {
        public int? Id { get; set; }

        public string? Name { get; set; }

        public OrganisationKind? Kind { get; set; }

        public bool IsFrontLineService { get; set; }

        public string? FrontLineContact { get; set; }

        public bool IsActive { get; set; } = true;

        public Guid Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the organisation's name")
                .MaximumLength(Organisation.NameMaxLength).WithMessage($"Name must be {Organisation.NameMaxLength} characters or fewer")
                .MustAsync(async (form, name, ct) => !await db.Organisations.AnyAsync(o => o.Name == name!.Trim() && o.Id != form.Id, ct))
                .WithMessage("An organisation with this name already exists");
            RuleFor(f => f.Kind)
                .Must(kind => kind is not null && Enum.IsDefined(kind.Value))
                .WithMessage("Select the kind of organisation");
            RuleFor(f => f.FrontLineContact)
                .NotEmpty().When(f => f.IsFrontLineService)
                .WithMessage("Enter how to contact the front-line service");
            RuleFor(f => f.FrontLineContact)
                .MaximumLength(Organisation.ContactMaxLength)
                .WithMessage($"Contact details must be {Organisation.ContactMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Form?> LoadAsync(int id, CancellationToken ct) =>
            await db.Organisations.AsNoTracking().Where(o => o.Id == id)
                .Select(o => new Form
                {
                    Id = o.Id,
                    Name = o.Name,
                    Kind = o.Kind,
                    IsFrontLineService = o.IsFrontLineService,
                    FrontLineContact = o.FrontLineContact,
                    IsActive = o.IsActive,
                    Version = o.Version,
                })
                .SingleOrDefaultAsync(ct);

        public async Task<SaveResult> HandleAsync(Form form, CancellationToken ct)
        {
            Organisation? organisation;
            if (form.Id is null)
            {
                organisation = new Organisation(form.Name!, form.Kind!.Value, form.IsFrontLineService, form.FrontLineContact);
                db.Organisations.Add(organisation);
            }
            else
            {
                organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == form.Id, ct);
                if (organisation is null)
                {
                    return SaveResult.Missing();
                }

                organisation.Update(form.Name!, form.Kind!.Value, form.IsFrontLineService, form.FrontLineContact, form.IsActive);
            }

            return await VersionedSave.SaveAsync(db, organisation, form.Version, new ConflictText("organisation", v =>
                [
                    $"name “{v.GetValue<string>(nameof(Organisation.Name))}”",
                    $"kind {OrganisationKinds.DisplayName(v.GetValue<OrganisationKind>(nameof(Organisation.Kind))).ToLowerInvariant()}",
                    $"front-line service {EditConflict.YesNo(v.GetValue<bool>(nameof(Organisation.IsFrontLineService)))}",
                    $"contact “{v.GetValue<string?>(nameof(Organisation.FrontLineContact)) ?? "none"}”",
                    $"active {EditConflict.YesNo(v.GetValue<bool>(nameof(Organisation.IsActive)))}",
                ]), ct);
        }
    }
}
