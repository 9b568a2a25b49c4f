using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Areas;

/// <summary>Create an area, or rename / retire one.</summary>
public static class EditArea
{
    public sealed class Form : IVersionedForm
    {
        public int? Id { get; set; }

        public string? Name { get; set; }

        public bool IsActive { get; set; } = true;

        public Guid Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the area's name")
                .MaximumLength(Area.NameMaxLength).WithMessage($"Name must be {Area.NameMaxLength} characters or fewer")
                .MustAsync(async (form, name, ct) => !await db.Areas.AnyAsync(a => a.Name == name!.Trim() && a.Id != form.Id, ct))
                .WithMessage("An area with this name already exists");
        }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Form?> LoadAsync(int id, CancellationToken ct) =>
            await db.Areas.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new Form { Id = a.Id, Name = a.Name, IsActive = a.IsActive, Version = a.Version })
                .SingleOrDefaultAsync(ct);

        public async Task<SaveResult> HandleAsync(Form form, CancellationToken ct)
        {
            Area? area;
            if (form.Id is null)
            {
                area = new Area(form.Name!);
                db.Areas.Add(area);
            }
            else
            {
                area = await db.Areas.SingleOrDefaultAsync(a => a.Id == form.Id, ct);
                if (area is null)
                {
                    return SaveResult.Missing();
                }

                area.Update(form.Name!, form.IsActive);
            }

            return await VersionedSave.SaveAsync(db, area, form.Version, new ConflictText("area", v =>
                [$"name “{v.GetValue<string>(nameof(Area.Name))}”", $"active {EditConflict.YesNo(v.GetValue<bool>(nameof(Area.IsActive)))}"]), ct);
        }
    }
}
