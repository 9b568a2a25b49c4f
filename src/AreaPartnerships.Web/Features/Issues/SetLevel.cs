using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.TaskGroups;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Triage a New issue onto a level, or step a triaged one up or down (with a reason), and say who acts:
/// Level 1 a front-line service and follow-up date; Level 2 an owner (the area manager or a named
/// partner) and optionally a task group; Level 3 a lead organisation and owner; Level 4 the partnership
/// manager. Only the area's area manager and the partnership manager may do this.
/// </summary>
public static class SetLevel
{
    public enum Mode
    {
        Triage,
        StepUp,
        StepDown,
    }

    public sealed class Form : IVersionedForm
    {
        public IssueLevel? Level { get; set; }

        /// <summary>Triage: why this level. Step up/down: why the move (mandatory).</summary>
        public string? Reason { get; set; }

        public int? ReferredOrganisationId { get; set; }

        /// <summary>The date's parts are kept as typed (not bound as numbers), so "abc" gets the date's own message, not a binding error.</summary>
        public string? FollowUpDay { get; set; }

        public string? FollowUpMonth { get; set; }

        public string? FollowUpYear { get; set; }

        /// <summary>Level 2: the owner (the area manager or a named partner).</summary>
        public int? OwnerId { get; set; }

        /// <summary>Level 2, optional: the task group it is worked through.</summary>
        public int? TaskGroupId { get; set; }

        /// <summary>Level 3: the lead organisation or service.</summary>
        public int? LeadOrganisationId { get; set; }

        /// <summary>Level 3: the owner in the lead organisation.</summary>
        public int? LeadOwnerId { get; set; }

        /// <summary>Level 4: the owner (a partnership manager).</summary>
        public int? BoroughOwnerId { get; set; }

        /// <summary>Null when not posted: what is stored then stays as it is (issue 9).</summary>
        public bool? IsConfidential { get; set; }

        public Guid Version { get; set; }

        [BindNever]
        public Mode Mode { get; set; }

        /// <summary>Whether this person may make this change to the issue in its current state.</summary>
        [BindNever]
        public bool Allowed { get; set; }

        /// <summary>Whether this person may change the issue's level at all (the area's area manager, the partnership manager).</summary>
        [BindNever]
        public bool MayChange { get; set; }

        [BindNever]
        public string Reference { get; set; } = string.Empty;

        [BindNever]
        public string Title { get; set; } = string.Empty;

        [BindNever]
        public string Area { get; set; } = string.Empty;

        [BindNever]
        public IssueLevel? CurrentLevel { get; set; }

        [BindNever]
        public IReadOnlyList<SelectListItem> Levels { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> FrontLineServices { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> Owners { get; set; } = [];

        [BindNever]
        public IReadOnlyList<SelectListItem> TaskGroups { get; set; } = [];

        /// <summary>Level 4's owners: the partnership managers.</summary>
        [BindNever]
        public IReadOnlyList<SelectListItem> BoroughOwners { get; set; } = [];

        public DateOnly? FollowUpOn => UkFormat.DateFrom(FollowUpDay, FollowUpMonth, FollowUpYear);

        /// <summary>The owner chosen for <paramref name="level"/>; fields posted for other levels are ignored.</summary>
        public int? OwnerFor(IssueLevel level) => level switch
        {
            IssueLevel.Partnership => OwnerId,
            IssueLevel.MultiAgency => LeadOwnerId,
            IssueLevel.Borough => BoroughOwnerId,
            _ => null,
        };

        /// <summary>The form field of the owner for <paramref name="level"/>, where an error about the owner belongs.</summary>
        public static string OwnerField(IssueLevel level) => level switch
        {
            IssueLevel.MultiAgency => nameof(LeadOwnerId),
            IssueLevel.Borough => nameof(BoroughOwnerId),
            _ => nameof(OwnerId),
        };
    }

    /// <summary>
    /// The shape of what was typed only: who must act at each level is the issue's rule (<see cref="Assignment.CheckFor"/>),
    /// and that each choice is one offered is the handler's.
    /// </summary>
    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Level).Must(l => l is not null && Enum.IsDefined(l.Value)).WithMessage("Select a level");
            RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the reason")
                .MaximumLength(Issue.ReasonMaxLength).WithMessage($"Reason must be {Issue.ReasonMaxLength} characters or fewer");
            RuleFor(f => f.FollowUpDay).Must((form, _) => form.FollowUpOn is not null)
                .When(f => f.Level == IssueLevel.FrontLine && !(string.IsNullOrWhiteSpace(f.FollowUpDay) && string.IsNullOrWhiteSpace(f.FollowUpMonth) && string.IsNullOrWhiteSpace(f.FollowUpYear)))
                .WithMessage("Enter a real follow-up date, like 27 3 2027");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The form (a posted one, or a new one) filled for an issue the person may see; null when they may not see it.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, string reference, Mode mode, Form? posted, CancellationToken ct)
        {
            var issue = await viewer.VisibleIssues(db).Where(i => i.Reference == reference)
                .Select(i => new { i.Id, i.Reference, i.Title, Area = i.Area.Name, i.AreaId, i.Level, i.Status, i.OwnerId, i.LeadOrganisationId, i.TaskGroupId, i.IsConfidential, i.Version })
                .SingleOrDefaultAsync(ct);
            if (issue is null)
            {
                IssueStore.LogNotVisible(logger, viewer, reference);
                return null;
            }

            var keep = mode == Mode.Triage ? null : issue.OwnerId;
            var form = posted ?? new Form
            {
                OwnerId = keep,
                LeadOwnerId = keep,
                BoroughOwnerId = keep,
                LeadOrganisationId = mode == Mode.Triage ? null : issue.LeadOrganisationId,
                TaskGroupId = issue.TaskGroupId,
                IsConfidential = issue.IsConfidential,
                Version = issue.Version,
            };
            form.IsConfidential ??= issue.IsConfidential;

            var levels = Enum.GetValues<IssueLevel>()
                .Where(l => mode switch
                {
                    Mode.StepUp => l > issue.Level,
                    Mode.StepDown => l < issue.Level,
                    _ => true,
                })
                .Select(l => new SelectListItem($"{Issue.LevelName(l)}: {Describe(l)}", l.ToString()))
                .ToList();

            var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
                .Select(o => new { o.Id, o.Name, o.IsFrontLineService }).ToListAsync(ct);
            var owners = await OwnersQuery(issue.AreaId)
                .OrderBy(o => o.Name)
                .ToListAsync(ct);
            var taskGroups = await db.TaskGroups.AsNoTracking()
                .Where(g => g.AreaId == issue.AreaId && (g.Status == TaskGroupStatus.Active || g.Id == issue.TaskGroupId))
                .OrderBy(g => g.Name)
                .Select(g => new SelectListItem(g.Name, g.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct);

            form.Mode = mode;
            form.MayChange = viewer.CanTriage(issue.AreaId);

            // Triage is for a New issue; a step for an open one with a level to move to (as the issue page offers them).
            form.Allowed = viewer.CanTriage(issue.AreaId)
                && (mode == Mode.Triage
                    ? issue.Status == IssueStatus.New
                    : issue.Level is not null && issue.Status is IssueStatus.Triaged or IssueStatus.InProgress)
                && levels.Count > 0;
            form.Reference = issue.Reference;
            form.Title = issue.Title;
            form.Area = issue.Area;
            form.CurrentLevel = issue.Level;
            form.Levels = levels;
            form.FrontLineServices = [.. organisations.Where(o => o.IsFrontLineService).Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))];
            form.Organisations = [.. organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))];
            form.Owners = [.. owners.Select(o => new SelectListItem($"{o.Name} ({o.Detail})", o.Id.ToString(CultureInfo.InvariantCulture)))];
            form.BoroughOwners = [.. owners.Where(o => o.Role == Roles.PartnershipManager).Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))];
            form.TaskGroups = taskGroups;
            return form;
        }

        /// <summary>Applies the triage or step; null when the person may not see the issue.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, string reference, Mode mode, Form form, CancellationToken ct)
        {
            var issue = await IssueStore.FindForChangeAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            if (!viewer.CanTriage(issue.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            if (await IssueStore.IsStaleAsync(db, issue, form.Version, ct) is { } stale)
            {
                return stale;
            }

            var level = form.Level!.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var assignment = await AssignmentAsync(issue.AreaId, level, form, ct);

            // The task group: linked and unlinked in one place (TaskGroupStore), as from the group's page and the
            // issue's. A group the issue leaves is let go before the level changes; one it joins, after.
            var joining = level == IssueLevel.Partnership ? form.TaskGroupId : null;
            if (issue.TaskGroup is { } current && current.Id != joining)
            {
                TaskGroupStore.Unlink(issue, current, viewer.UserId, now);
            }

            var targetDays = await db.LevelTargets.Where(t => t.Level == level).Select(t => (int?)t.TargetDays).SingleOrDefaultAsync(ct) ?? 30;
            DomainErrors.Rekey(
                () =>
                {
                    switch (mode)
                    {
                        case Mode.Triage:
                            issue.Triage(level, form.Reason, assignment with { TaskGroupId = issue.TaskGroupId }, viewer.UserId, now, targetDays);
                            break;
                        case Mode.StepUp:
                            issue.StepUp(level, form.Reason, assignment with { TaskGroupId = issue.TaskGroupId }, viewer.UserId, now, targetDays);
                            break;
                        default:
                            issue.StepDown(level, form.Reason, assignment with { TaskGroupId = issue.TaskGroupId }, viewer.UserId, now, targetDays);
                            break;
                    }
                },
                (nameof(Assignment.OwnerId), Form.OwnerField(level)),
                (nameof(Assignment.FollowUpOn), nameof(Form.FollowUpDay)));

            if (joining is { } groupId && groupId != issue.TaskGroupId)
            {
                var group = await db.TaskGroups.SingleAsync(g => g.Id == groupId, ct);
                TaskGroupStore.Link(issue, group, viewer.UserId, now);
            }

            // Confidentiality changes only when the form says so: a post without the field leaves it as it is.
            if (form.IsConfidential is { } confidential)
            {
                issue.SetConfidential(confidential, viewer.UserId, now);
            }

            return await IssueStore.SaveAsync(db, issue, form.Version, ct);
        }

        /// <summary>
        /// Reads the fields of the chosen level only (those posted for other levels are ignored) and checks each
        /// choice is one the form offers, carrying names for the timeline. Whether they fit the level is the
        /// issue's rule (<see cref="Assignment.CheckFor"/>).
        /// </summary>
        private async Task<Assignment> AssignmentAsync(int areaId, IssueLevel level, Form form, CancellationToken ct)
        {
            if (level == IssueLevel.FrontLine)
            {
                string? service = null;
                if (form.ReferredOrganisationId is { } serviceId)
                {
                    service = await db.Organisations.AsNoTracking()
                        .Where(o => o.Id == serviceId && o.IsActive && o.IsFrontLineService)
                        .Select(o => o.Name).SingleOrDefaultAsync(ct)
                        ?? throw new DomainException("Select a front-line service from the list", nameof(Form.ReferredOrganisationId));
                }

                return new Assignment(ReferredOrganisationId: form.ReferredOrganisationId, ReferredOrganisationName: service, FollowUpOn: form.FollowUpOn);
            }

            Owner? owner = null;
            if (form.OwnerFor(level) is { } ownerId)
            {
                owner = await OwnersQuery(areaId).SingleOrDefaultAsync(o => o.Id == ownerId, ct)
                    ?? throw new DomainException("Select who owns the issue from the list", Form.OwnerField(level));
            }

            var leadId = level == IssueLevel.MultiAgency ? form.LeadOrganisationId : owner?.OrganisationId;
            var lead = leadId is null ? null : await db.Organisations.AsNoTracking().Where(o => o.Id == leadId).Select(o => o.Name).SingleOrDefaultAsync(ct);
            if (level == IssueLevel.MultiAgency && form.LeadOrganisationId is not null && lead is null)
            {
                throw new DomainException("Select the lead organisation from the list", nameof(Form.LeadOrganisationId));
            }

            if (level == IssueLevel.Partnership && form.TaskGroupId is { } groupId
                && !await db.TaskGroups.AnyAsync(g => g.Id == groupId && g.AreaId == areaId && g.Status == TaskGroupStatus.Active, ct))
            {
                throw new DomainException("Select an active task group in this area", nameof(Form.TaskGroupId));
            }

            return new Assignment(owner?.Id, owner?.Name, lead is null ? null : leadId, lead, OwnerRole: owner?.Role);
        }

        /// <summary>Built with an initialiser, not a constructor, so EF can translate filters and sorts on it.</summary>
        private sealed record Owner
        {
            public required int Id { get; init; }

            public required string Name { get; init; }

            public required string Role { get; init; }

            public int? OrganisationId { get; init; }

            public required string Detail { get; init; }
        }

        /// <summary>Who can own an issue in this area: its area managers, the partnership managers, and partner users.</summary>
        private IQueryable<Owner> OwnersQuery(int areaId) =>
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where !u.IsDisabled
                && (r.Name == Roles.PartnershipManager
                    || r.Name == Roles.PartnerUser
                    || (r.Name == Roles.AreaManager && u.Areas.Any(a => a.AreaId == areaId)))
            select new Owner
            {
                Id = u.Id,
                Name = u.DisplayName,
                Role = r.Name!,
                OrganisationId = u.OrganisationId,
                Detail = r.Name == Roles.PartnerUser && u.Organisation != null ? u.Organisation.Name
                    : r.Name == Roles.PartnershipManager ? "Partnership manager" : "Area manager",
            };

        private static string Describe(IssueLevel level) => level switch
        {
            IssueLevel.FrontLine => "simple action now by a front-line service",
            IssueLevel.Partnership => "partnership working, the area partnership or a task group",
            IssueLevel.MultiAgency => "multi-agency intervention led by a service or senior partner",
            _ => "systems change at borough level",
        };
    }
}
