using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Raise an issue: it gets the next reference (AP-2026-00042), status New and no level. A councillor
/// raising something in a category that is usually a simple front-line job is first shown that
/// service's contact details (the review's Recommendation 6) and can still raise it.
/// </summary>
public static class RaiseIssue
{
    public sealed class Form
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public int? WardId { get; set; }

        public string? Address { get; set; }

        public string? Postcode { get; set; }

        public int? CategoryId { get; set; }

        public IssueSource? Source { get; set; }

        public string? OnBehalfOfName { get; set; }

        public string? OnBehalfOfContact { get; set; }

        public bool IsConfidential { get; set; }

        /// <summary>Set once the councillor has seen the front-line contacts and chosen to raise it anyway.</summary>
        public bool FrontLineContactsShown { get; set; }

        [BindNever]
        public IReadOnlyList<SelectListItem> Wards { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Categories { get; set; } = [];

        [BindNever]
        public bool CanMarkConfidential { get; set; }
    }

    /// <summary>The front-line service a councillor is pointed to before raising a simple job.</summary>
    public sealed record FrontLine(Form Form, string Category, string Service, string Contact);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Title).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a title")
                .MaximumLength(Issue.TitleMaxLength).WithMessage($"Title must be {Issue.TitleMaxLength} characters or fewer");
            RuleFor(f => f.Description).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a description of the issue")
                .MaximumLength(Issue.DescriptionMaxLength).WithMessage($"Description must be {Issue.DescriptionMaxLength} characters or fewer");
            RuleFor(f => f.WardId).NotNull().WithMessage("Select the ward");
            RuleFor(f => f.CategoryId).NotNull().WithMessage("Select a category");
            RuleFor(f => f.Source).Must(s => s is not null && Enum.IsDefined(s.Value)).WithMessage("Select where the issue came from");
            RuleFor(f => f.Address).MaximumLength(300).WithMessage("Address must be 300 characters or fewer");
            RuleFor(f => f.Postcode).Cascade(CascadeMode.Stop)
                .MaximumLength(10).WithMessage("Enter a real postcode, like WS1 1TP")
                .Matches(@"^\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}\s*$").WithMessage("Enter a real postcode, like WS1 1TP")
                .When(f => !string.IsNullOrWhiteSpace(f.Postcode));
            RuleFor(f => f.OnBehalfOfName).MaximumLength(150).WithMessage("Name must be 150 characters or fewer");
            RuleFor(f => f.OnBehalfOfContact).MaximumLength(250).WithMessage("Contact details must be 250 characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Fills the form's option lists for this person (for every render).</summary>
        public async Task<Form> FillAsync(Viewer viewer, Form form, CancellationToken ct)
        {
            form.Wards = await WardsFor(viewer)
                .OrderBy(w => w.Area.Name).ThenBy(w => w.Name)
                .Select(w => new SelectListItem($"{w.Name} ({w.Area.Name})", w.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct);
            form.Categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
                .Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct);
            form.CanMarkConfidential = viewer.Role != Roles.Councillor;
            return form;
        }

        /// <summary>A new, empty form; someone who may raise in only one ward (a councillor with one ward) has it chosen for them.</summary>
        public async Task<Form> NewAsync(Viewer viewer, CancellationToken ct)
        {
            var form = await FillAsync(viewer, new Form(), ct);
            if (form.Wards.Count == 1)
            {
                form.WardId = int.Parse(form.Wards[0].Value, CultureInfo.InvariantCulture);
            }

            return form;
        }

        /// <summary>
        /// For a councillor who has not yet seen them: the front-line service for the chosen category, if it has one.
        /// Not for a ward they may not raise in: that is refused first, rather than after the contacts page.
        /// </summary>
        public async Task<FrontLine?> FrontLineFirstAsync(Viewer viewer, Form form, CancellationToken ct)
        {
            if (viewer.Role != Roles.Councillor || form.FrontLineContactsShown || !await WardsFor(viewer).AnyAsync(w => w.Id == form.WardId, ct))
            {
                return null;
            }

            return await FrontLineForAsync(form, ct);
        }

        /// <summary>The front-line service and its contacts for the draft's category, if it has one.</summary>
        public Task<FrontLine?> FrontLineForAsync(Form form, CancellationToken ct) =>
            db.Categories.AsNoTracking()
                .Where(c => c.Id == form.CategoryId && c.FrontLineOrganisation != null && c.FrontLineOrganisation.FrontLineContact != null)
                .Select(c => new FrontLine(form, c.Name, c.FrontLineOrganisation!.Name, c.FrontLineOrganisation.FrontLineContact!))
                .SingleOrDefaultAsync(ct);

        /// <summary>Raises the issue; returns its reference, or the field and message of a rule it breaks.</summary>
        public async Task<(string? Reference, string? Field, string? Error)> HandleAsync(Viewer viewer, Form form, CancellationToken ct)
        {
            var ward = await WardsFor(viewer).SingleOrDefaultAsync(w => w.Id == form.WardId, ct);
            if (ward is null)
            {
                return (null, nameof(Form.WardId), viewer.Role == Roles.Councillor ? "Select one of your wards" : "Select a ward in your area");
            }

            if (!await db.Categories.AnyAsync(c => c.Id == form.CategoryId && c.IsActive, ct))
            {
                return (null, nameof(Form.CategoryId), "Select a category");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var year = UkFormat.UkToday(clock).Year;
            await IssueReferences.EnsureYearAsync(db, year, ct);

            // The reference is taken first, inside the transaction that inserts the issue: see IssueReferences.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var reference = await IssueReferences.TakeNextAsync(db, year, ct);
            var issue = new Issue(reference, form.Title!, form.Description!, ward, form.CategoryId!.Value, form.Source!.Value, viewer.UserId, now)
            {
                Address = Clean(form.Address),
                Postcode = Clean(form.Postcode)?.ToUpperInvariant(),
                OnBehalfOfName = Clean(form.OnBehalfOfName),
                OnBehalfOfContact = Clean(form.OnBehalfOfContact),
                IsConfidential = viewer.Role != Roles.Councillor && form.IsConfidential,
            };
            db.Issues.Add(issue);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("User {UserId} raised issue {Reference}", viewer.UserId, issue.Reference);
            return (issue.Reference, null, null);
        }

        private IQueryable<Ward> WardsFor(Viewer viewer)
        {
            var wards = db.Wards.AsNoTracking().Where(w => w.IsActive);
            var areaIds = viewer.AreaIds;
            var wardIds = viewer.WardIds;
            return viewer.Role switch
            {
                Roles.PartnershipManager or Roles.PartnerUser => wards,
                Roles.AreaManager or Roles.SupportOfficer => wards.Where(w => areaIds.Contains(w.AreaId)),
                Roles.Councillor => wards.Where(w => wardIds.Contains(w.Id)),
                _ => wards.Where(w => false),
            };
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
