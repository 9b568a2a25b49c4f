using System.Globalization;
using System.Text.RegularExpressions;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Categories;

/// <summary>
/// Add a category of issue, or change one: its name, code, theme (the financial themes among them), the front-line
/// service that usually does the job (its contact details live on the organisation), and whether it is active. A
/// category is never deleted, because issues keep pointing at it: it is retired — no longer offered when raising an
/// issue, still shown on the issues that have it.
/// </summary>
public static partial class EditCategory
{
    public sealed class Form : IVersionedForm
    {
        public int? Id { get; set; }

        public string? Name { get; set; }

        /// <summary>The Open311 service code for the residents' channel, e.g. "fly-tipping".</summary>
        public string? Code { get; set; }

        public IssueTheme? Theme { get; set; }

        public int? FrontLineOrganisationId { get; set; }

        public bool IsActive { get; set; } = true;

        public Guid Version { get; set; }

        /// <summary>The active front-line services to choose from (and the current one, if it is no longer active).</summary>
        [BindNever]
        public IReadOnlyList<SelectListItem> FrontLineServices { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the category's name")
                .MaximumLength(Category.NameMaxLength).WithMessage($"Name must be {Category.NameMaxLength} characters or fewer")
                .MustAsync(async (form, name, ct) => !await db.Categories.AnyAsync(c => c.Name == name!.Trim() && c.Id != form.Id, ct))
                .WithMessage("A category with this name already exists");
            RuleFor(f => f.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the category's code")
                .MaximumLength(Category.CodeMaxLength).WithMessage($"Code must be {Category.CodeMaxLength} characters or fewer")
                .Must(code => CodePattern().IsMatch(code!.Trim())).WithMessage("Code must be lower-case letters and digits, with hyphens between words, like fly-tipping")
                .MustAsync(async (form, code, ct) => !await db.Categories.AnyAsync(c => c.Code == code!.Trim() && c.Id != form.Id, ct))
                .WithMessage("A category with this code already exists");
            RuleFor(f => f.Theme)
                .Must(theme => theme is not null && Enum.IsDefined(theme.Value))
                .WithMessage("Select the category's theme");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Form?> LoadAsync(int id, CancellationToken ct)
        {
            var form = await db.Categories.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new Form
                {
                    Id = c.Id,
                    Name = c.Name,
                    Code = c.Code,
                    Theme = c.Theme,
                    FrontLineOrganisationId = c.FrontLineOrganisationId,
                    IsActive = c.IsActive,
                    Version = c.Version,
                })
                .SingleOrDefaultAsync(ct);
            return form is null ? null : await FillAsync(form, ct);
        }

        /// <summary>The choices the form offers, for a new form or one being shown again.</summary>
        public async Task<Form> FillAsync(Form form, CancellationToken ct)
        {
            var current = form.FrontLineOrganisationId;
            form.FrontLineServices =
            [
                new SelectListItem("None: not a front-line job", ""),
                .. await db.Organisations.AsNoTracking()
                    .Where(o => (o.IsFrontLineService && o.IsActive) || o.Id == current)
                    .OrderBy(o => o.Name)
                    .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
                    .ToListAsync(ct),
            ];
            return form;
        }

        public async Task<SaveResult> HandleAsync(Form form, CancellationToken ct)
        {
            var serviceId = form.FrontLineOrganisationId;
            Category? category = form.Id is null ? null : await db.Categories.SingleOrDefaultAsync(c => c.Id == form.Id, ct);
            if (form.Id is not null && category is null)
            {
                return SaveResult.Missing();
            }

            // A front-line service must be one (active), unless it is the one the category already names.
            if (serviceId is not null && serviceId != category?.FrontLineOrganisationId
                && !await db.Organisations.AnyAsync(o => o.Id == serviceId && o.IsFrontLineService && o.IsActive, ct))
            {
                throw new Domain.Common.DomainException("Select a front-line service from the list", nameof(Form.FrontLineOrganisationId));
            }

            if (category is null)
            {
                category = new Category(form.Name!, form.Code!, form.Theme!.Value, serviceId);
                db.Categories.Add(category);
            }
            else
            {
                category.Update(form.Name!, form.Code!, form.Theme!.Value, serviceId, form.IsActive);
            }

            return await VersionedSave.SaveAsync(db, category, form.Version, new ConflictText("category", v =>
            [
                $"name “{v.GetValue<string>(nameof(Category.Name))}”",
                $"code “{v.GetValue<string>(nameof(Category.Code))}”",
                $"theme {Category.ThemeName(v.GetValue<IssueTheme>(nameof(Category.Theme))).ToLowerInvariant()}",
                $"active {EditConflict.YesNo(v.GetValue<bool>(nameof(Category.IsActive)))}",
            ]), ct);
        }
    }
}
