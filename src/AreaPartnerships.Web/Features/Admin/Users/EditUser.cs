using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Users;

/// <summary>
/// Create an account with its role, scope and first password, or change someone's name, e-mail, role
/// and scope. What scope each role needs is <see cref="ScopeRules"/>; the form reveals only the chosen role's
/// scope (areas for an area manager, one area for a support officer, wards for a councillor, the organisation for
/// a partner user, nothing for the borough-wide roles), and whatever else is posted — without JavaScript every
/// reveal is on the page — is ignored and cleared. Open sessions pick up a new scope when the security stamp is next validated (within a
/// minute); a new role renews the stamp, so those sessions end and the person signs in again.
/// </summary>
public static class EditUser
{
    public sealed class Form : IVersionedForm
    {
        public int? Id { get; set; }

        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public string? JobTitle { get; set; }

        public string? Role { get; set; }

        /// <summary>An area manager's areas (one or more).</summary>
        public List<int> AreaIds { get; set; } = [];

        /// <summary>A support officer's one area (a choice of its own, so the two roles' reveals never post into each other).</summary>
        public int? AreaId { get; set; }

        public List<int> WardIds { get; set; } = [];

        public int? OrganisationId { get; set; }

        /// <summary>First password, for a new account only.</summary>
        public string? Password { get; set; }

        /// <summary>The account's ConcurrencyStamp (Identity keeps it as a GUID string).</summary>
        public Guid Version { get; set; }

        public IReadOnlyList<SelectListItem> Roles { get; set; } = [];

        public IReadOnlyList<SelectListItem> Areas { get; set; } = [];

        public IReadOnlyList<SelectListItem> Wards { get; set; } = [];

        public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];

        /// <summary>The areas the chosen role would keep: the support officer's one area, or the area manager's areas.</summary>
        public IReadOnlyCollection<int> ChosenAreaIds => Role == Domain.Identity.Roles.SupportOfficer
            ? (AreaId is { } area ? [area] : [])
            : AreaIds;

        /// <summary>Shown on the edit page: whether the account is locked, and until when.</summary>
        public bool IsDisabled { get; set; }

        public DateTimeOffset? LockedOutUntil { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(AppDbContext db, UserManager<ApplicationUser> users)
        {
            RuleFor(f => f.DisplayName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the person's name")
                .MaximumLength(ApplicationUser.DisplayNameMaxLength).WithMessage($"Name must be {ApplicationUser.DisplayNameMaxLength} characters or fewer");
            RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the person's e-mail address")
                .MaximumLength(256).WithMessage("E-mail address must be 256 characters or fewer")
                .Must(email => MailSettings.IsEmailAddress(email!.Trim())).WithMessage("Enter an e-mail address in the correct format, like name@example.com")
                .MustAsync(async (form, email, ct) =>
                {
                    var normalised = users.NormalizeEmail(email!.Trim());
                    return !await db.Users.AnyAsync(u => u.NormalizedEmail == normalised && u.Id != form.Id, ct);
                })
                .WithMessage("Another account already uses this e-mail address");
            RuleFor(f => f.JobTitle)
                .MaximumLength(ApplicationUser.JobTitleMaxLength).WithMessage($"Job title must be {ApplicationUser.JobTitleMaxLength} characters or fewer");
            RuleFor(f => f.Role)
                .Must(role => role is not null && Domain.Identity.Roles.Assignable.Contains(role))
                .WithMessage("Select a role");
            RuleFor(f => f.AreaIds)
                .MustAsync(async (ids, ct) => ids.Count == 0 || await db.Areas.CountAsync(a => ids.Contains(a.Id), ct) == ids.Distinct().Count())
                .WithMessage("Select areas from the list");
            RuleFor(f => f.AreaId)
                .MustAsync(async (id, ct) => id is null || await db.Areas.AnyAsync(a => a.Id == id, ct))
                .WithMessage("Select an area from the list");
            RuleFor(f => f.WardIds)
                .MustAsync(async (ids, ct) => ids.Count == 0 || await db.Wards.CountAsync(w => ids.Contains(w.Id), ct) == ids.Distinct().Count())
                .WithMessage("Select wards from the list");
            RuleFor(f => f.OrganisationId)
                .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id, ct))
                .WithMessage("Select an organisation from the list");
            RuleFor(f => f.Password).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a password for the new account")
                .CustomAsync(async (password, context, ct) =>
                {
                    // Identity's own password rules (length 12+, common-password deny-list), checked
                    // here so every problem shows next to the field before anything is saved.
                    var form = context.InstanceToValidate;
                    var candidate = new ApplicationUser(form.Email?.Trim() ?? "new.user@example.invalid", form.DisplayName?.Trim() is { Length: > 0 } name ? name : "New user");
                    foreach (var validator in users.PasswordValidators)
                    {
                        var result = await validator.ValidateAsync(users, candidate, password);
                        foreach (var error in result.Errors)
                        {
                            context.AddFailure(nameof(Form.Password), error.Description);
                        }
                    }
                })
                .When(f => f.Id is null);
            RuleFor(f => f).Custom((form, context) =>
            {
                if (form.Role is null || !Domain.Identity.Roles.Assignable.Contains(form.Role))
                {
                    return;
                }

                try
                {
                    ScopeRules.Check(form.Role, form.ChosenAreaIds, form.WardIds, form.OrganisationId);
                }
                catch (DomainException ex)
                {
                    // A support officer chooses their one area in a field of its own.
                    var field = ex.Field == nameof(Form.AreaIds) && form.Role == Domain.Identity.Roles.SupportOfficer ? nameof(Form.AreaId) : ex.Field;
                    context.AddFailure(field ?? string.Empty, ex.Message);
                }
            });
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Form?> LoadAsync(int id, CancellationToken ct)
        {
            var user = await db.Users.AsNoTracking()
                .Include(u => u.Areas).Include(u => u.Wards)
                .SingleOrDefaultAsync(u => u.Id == id, ct);
            if (user is null)
            {
                return null;
            }

            var role = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
                .FirstOrDefaultAsync(ct);
            var form = new Form
            {
                Id = user.Id,
                DisplayName = user.DisplayName,
                Email = user.Email,
                JobTitle = user.JobTitle,
                Role = role,
                AreaIds = [.. user.Areas.Select(a => a.AreaId)],
                AreaId = role == Domain.Identity.Roles.SupportOfficer ? user.Areas.Select(a => (int?)a.AreaId).FirstOrDefault() : null,
                WardIds = [.. user.Wards.Select(w => w.WardId)],
                OrganisationId = user.OrganisationId,
                Version = ParseStamp(user.ConcurrencyStamp),
            };
            return await FillAsync(form, ct);
        }

        /// <summary>Fills the option lists and the account's lock status (for every render of the form).</summary>
        public async Task<Form> FillAsync(Form form, CancellationToken ct)
        {
            form.Roles = [.. Domain.Identity.Roles.Assignable.Select(r => new SelectListItem(Domain.Identity.Roles.DisplayName(r), r))];
            form.Areas = await db.Areas.AsNoTracking()
                .Where(a => a.IsActive || form.AreaIds.Contains(a.Id) || a.Id == form.AreaId)
                .OrderBy(a => a.Name)
                .Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct);
            form.Wards = await db.Wards.AsNoTracking()
                .Where(w => w.IsActive || form.WardIds.Contains(w.Id))
                .OrderBy(w => w.Name)
                .Select(w => new SelectListItem($"{w.Name} ({w.Area.Name})", w.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct);
            form.Organisations = await db.Organisations.AsNoTracking()
                .Where(o => o.IsActive || o.Id == form.OrganisationId)
                .OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct);
            if (form.Id is { } id)
            {
                var status = await db.Users.AsNoTracking().Where(u => u.Id == id)
                    .Select(u => new { u.IsDisabled, u.LockoutEnd }).SingleOrDefaultAsync(ct);
                form.IsDisabled = status?.IsDisabled ?? false;
                form.LockedOutUntil = status?.LockoutEnd > clock.GetUtcNow() ? status.LockoutEnd : null;
            }

            return form;
        }

        public async Task<SaveResult> HandleAsync(Form form, int actorId, CancellationToken ct)
        {
            var role = form.Role!;
            var scope = ScopeRules.Check(role, form.ChosenAreaIds, form.WardIds, form.OrganisationId);
            var email = form.Email!.Trim();

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            ApplicationUser? user;
            if (form.Id is null)
            {
                user = new ApplicationUser(email, form.DisplayName!.Trim()) { EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
                Apply(user, form, scope);
                Check(await users.CreateAsync(user, form.Password!));
                Check(await users.AddToRoleAsync(user, role));
                logger.LogInformation("User {ActorId} created account {UserId} with role {Role}", actorId, user.Id, role);
            }
            else
            {
                user = await db.Users.Include(u => u.Areas).Include(u => u.Wards).SingleOrDefaultAsync(u => u.Id == form.Id, ct);
                if (user is null)
                {
                    return SaveResult.Missing();
                }

                var currentRoles = await users.GetRolesAsync(user);
                if (user.Id == actorId && currentRoles.Contains(Domain.Identity.Roles.Administrator) && role != Domain.Identity.Roles.Administrator)
                {
                    throw new DomainException("You cannot take away your own administrator role: ask another administrator", nameof(Form.Role));
                }

                // Optimistic concurrency: the form carries the stamp it was read with. A save in between
                // shows here; one racing this request is caught by Identity's own stamp check on update.
                if (ParseStamp(user.ConcurrencyStamp) != form.Version)
                {
                    return await ConflictAsync(user.Id, ct);
                }

                user.DisplayName = form.DisplayName!.Trim();
                user.Email = email;
                user.UserName = email;
                Apply(user, form, scope);
                var roleChanged = !currentRoles.SequenceEqual([role]);

                // A new role ends the person's open sessions (they sign in again into the new role);
                // other changes reach their sessions when the security stamp is next validated.
                var updated = roleChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
                if (updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
                {
                    await transaction.RollbackAsync(ct);
                    return await ConflictAsync(user.Id, ct);
                }

                Check(updated);
                if (roleChanged)
                {
                    Check(await users.RemoveFromRolesAsync(user, currentRoles));
                    Check(await users.AddToRoleAsync(user, role));
                }

                logger.LogInformation("User {ActorId} changed account {UserId} (role {Role})", actorId, user.Id, role);
            }

            await transaction.CommitAsync(ct);
            return SaveResult.Saved(user.Id);
        }

        /// <summary>Only the scope the role keeps (<see cref="ScopeRules.Check"/>): the rest is cleared.</summary>
        private static void Apply(ApplicationUser user, Form form, Scope scope)
        {
            user.JobTitle = string.IsNullOrWhiteSpace(form.JobTitle) ? null : form.JobTitle.Trim();
            user.OrganisationId = scope.OrganisationId;
            user.SetAreas(scope.AreaIds);
            user.SetWards(scope.WardIds);
        }

        private async Task<SaveResult> ConflictAsync(int userId, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            var current = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.DisplayName, u.Email, u.ConcurrencyStamp })
                .SingleOrDefaultAsync(ct);
            if (current is null)
            {
                return SaveResult.Missing();
            }

            var role = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefaultAsync(ct);
            var message = "Someone else changed this account while you were editing it, so your changes have not been saved. "
                + $"It now reads: name “{current.DisplayName}”; e-mail {current.Email}; role {Domain.Identity.Roles.DisplayName(role ?? "none").ToLowerInvariant()}. "
                + "Check your changes below and save again to replace theirs.";
            return new SaveResult(userId, new EditConflict(message, ParseStamp(current.ConcurrencyStamp)));
        }

        private static Guid ParseStamp(string? stamp) => Guid.TryParse(stamp, out var guid) ? guid : Guid.Empty;

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                var error = result.Errors.First();
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Form.Password)
                    : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(Form.Email)
                    : string.Empty;
                throw new DomainException(error.Description, field);
            }
        }
    }
}
