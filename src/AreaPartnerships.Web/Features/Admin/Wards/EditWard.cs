using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Wards;

/// <summary>Add a ward to an area, or change its name, area, profile figures or status.</summary>
public static class EditWard
{
    public sealed class Form : IVersionedForm
    {
        public int? Id { get; set; }

        public string? Name { get; set; }

        public int? AreaId { get; set; }

        public int? Population { get; set; }

        public int? DeprivationRank { get; set; }

        public bool IsActive { get; set; } = true;

        public Guid Version { get; set; }

        /// <summary>Options for the area field (filled by the handler for every render).</summary>
        public IReadOnlyList<SelectListItem> Areas { get; set; } = [];

        /// <summary>The ward's councillors (shown, not edited here: a councillor's wards are set on their user page).</summary>
        public IReadOnlyList<string> Councillors { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the ward's name")
                .MaximumLength(Ward.NameMaxLength).WithMessage($"Name must be {Ward.NameMaxLength} characters or fewer")
                .MustAsync(async (form, name, ct) => !await db.Wards.AnyAsync(w => w.Name == name!.Trim() && w.Id != form.Id, ct))
                .WithMessage("A ward with this name already exists");
            RuleFor(f => f.AreaId).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Select the ward's area")
                .MustAsync(async (areaId, ct) => await db.Areas.AnyAsync(a => a.Id == areaId, ct))
                .WithMessage("Select the ward's area");
            RuleFor(f => f.Population)
                .InclusiveBetween(0, 10_000_000).When(f => f.Population is not null)
                .WithMessage("Population must be a whole number between 0 and 10,000,000");
            RuleFor(f => f.DeprivationRank)
                .InclusiveBetween(1, 10_000).When(f => f.DeprivationRank is not null)
                .WithMessage("Deprivation rank must be a whole number, 1 or more (1 is the most deprived)");
        }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Form?> LoadAsync(int id, CancellationToken ct)
        {
            var form = await db.Wards.AsNoTracking().Where(w => w.Id == id)
                .Select(w => new Form
                {
                    Id = w.Id,
                    Name = w.Name,
                    AreaId = w.AreaId,
                    Population = w.Population,
                    DeprivationRank = w.DeprivationRank,
                    IsActive = w.IsActive,
                    Version = w.Version,
                })
                .SingleOrDefaultAsync(ct);
            return form is null ? null : await FillAsync(form, ct);
        }

        /// <summary>Fills the form's options and read-only parts (the area list and councillors).</summary>
        public async Task<Form> FillAsync(Form form, CancellationToken ct)
        {
            form.Areas = await db.Areas.AsNoTracking()
                .Where(a => a.IsActive || a.Id == form.AreaId)
                .OrderBy(a => a.Name)
                .Select(a => new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToListAsync(ct);
            form.Councillors = form.Id is null
                ? []
                : await db.UserWards.AsNoTracking().Where(uw => uw.WardId == form.Id)
                    .Join(db.Users, uw => uw.UserId, u => u.Id, (uw, u) => u.DisplayName)
                    .OrderBy(n => n)
                    .ToListAsync(ct);
            return form;
        }

        public async Task<SaveResult> HandleAsync(Form form, CancellationToken ct)
        {
            Ward? ward;
            if (form.Id is null)
            {
                ward = new Ward(form.Name!, form.AreaId!.Value);
                db.Wards.Add(ward);
            }
            else
            {
                ward = await db.Wards.SingleOrDefaultAsync(w => w.Id == form.Id, ct);
                if (ward is null)
                {
                    return SaveResult.Missing();
                }

            }

            ward.Update(form.Name!, form.AreaId!.Value, form.Population, form.DeprivationRank, form.IsActive);

            return await VersionedSave.SaveAsync(db, ward, form.Version, new ConflictText("ward", async (v, token) =>
            {
                var areaNames = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, token);
                return (IEnumerable<string>)
                [
                    $"name “{v.GetValue<string>(nameof(Ward.Name))}”",
                    $"area {areaNames.GetValueOrDefault(v.GetValue<int>(nameof(Ward.AreaId)), "unknown")}",
                    $"population {v.GetValue<int?>(nameof(Ward.Population))?.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "not known"}",
                    $"deprivation rank {v.GetValue<int?>(nameof(Ward.DeprivationRank))?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not known"}",
                    $"active {EditConflict.YesNo(v.GetValue<bool>(nameof(Ward.IsActive)))}",
                ];
            }), ct);
        }
    }
}
