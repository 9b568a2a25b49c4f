using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
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

        public int? OwnerId { get; set; }

        public int? LeadOrganisationId { get; set; }

        public int? TaskGroupId { get; set; }

        public bool IsConfidential { get; set; }

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

        public DateOnly? FollowUpOn => UkFormat.DateFrom(FollowUpDay, FollowUpMonth, FollowUpYear);
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(f => f.Level).Must(l => l is not null && Enum.IsDefined(l.Value)).WithMessage("Select a level");
            RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the reason")
                .MaximumLength(Issue.ReasonMaxLength).WithMessage($"Reason must be {Issue.ReasonMaxLength} characters or fewer");
            When(f => f.Level == IssueLevel.FrontLine, () =>
            {
                RuleFor(f => f.ReferredOrganisationId).NotNull().WithMessage("Select the front-line service the issue is referred to");
                RuleFor(f => f.FollowUpDay).Must((form, _) => form.FollowUpOn is not null)
                    .WithMessage("Enter a real follow-up date, like 27 3 2027");
                RuleFor(f => f.FollowUpDay).Must((form, _) => form.FollowUpOn is not { } date || date >= UkFormat.UkToday(clock))
                    .WithMessage("The follow-up date must be today or in the future");
            });
            When(f => f.Level is IssueLevel.Partnership or IssueLevel.MultiAgency or IssueLevel.Borough, () =>
                RuleFor(f => f.OwnerId).NotNull().WithMessage("Select who owns the issue"));
            When(f => f.Level == IssueLevel.MultiAgency, () =>
                RuleFor(f => f.LeadOrganisationId).NotNull().WithMessage("Select the lead organisation or service"));
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

            var form = posted ?? new Form
            {
                OwnerId = mode == Mode.Triage ? null : issue.OwnerId,
                LeadOrganisationId = mode == Mode.Triage ? null : issue.LeadOrganisationId,
                TaskGroupId = issue.TaskGroupId,
                IsConfidential = issue.IsConfidential,
                Version = issue.Version,
            };

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

            if (IssueStore.IsStale(issue, form.Version) is { } stale)
            {
                return stale;
            }

            var level = form.Level!.Value;
            var assignment = await AssignmentAsync(issue.AreaId, issue.TaskGroupId, level, form, ct);
            var groupBefore = issue.TaskGroupId;
            var now = clock.GetUtcNow().UtcDateTime;
            var targetDays = await db.LevelTargets.Where(t => t.Level == level).Select(t => (int?)t.TargetDays).SingleOrDefaultAsync(ct) ?? 30;
            switch (mode)
            {
                case Mode.Triage:
                    issue.Triage(level, form.Reason, assignment, viewer.UserId, now, targetDays);
                    break;
                case Mode.StepUp:
                    issue.StepUp(level, form.Reason, assignment, viewer.UserId, now, targetDays);
                    break;
                default:
                    issue.StepDown(level, form.Reason, assignment, viewer.UserId, now, targetDays);
                    break;
            }

            // The group's own timeline records an issue joining or leaving it, as linking from the group does.
            if (issue.TaskGroupId != groupBefore)
            {
                foreach (var group in await db.TaskGroups.Where(g => g.Id == groupBefore || g.Id == issue.TaskGroupId).ToListAsync(ct))
                {
                    group.Record(viewer.UserId, now, group.Id == issue.TaskGroupId
                        ? $"Issue {issue.Reference} linked at {Issue.LevelName(level)}"
                        : $"Issue {issue.Reference} no longer worked through the group ({Issue.LevelName(level)} now)");
                }
            }

            if (form.IsConfidential != issue.IsConfidential)
            {
                issue.IsConfidential = form.IsConfidential;
                issue.AddNote(form.IsConfidential ? "Marked confidential" : "No longer confidential", Visibility.Confidential, viewer.UserId, now);
            }

            return await IssueStore.SaveAsync(db, issue, form.Version, ct);
        }

        /// <summary>Checks the chosen people and organisations exist and fit the level, and carries their names for the timeline.</summary>
        private async Task<Assignment> AssignmentAsync(int areaId, int? currentTaskGroupId, IssueLevel level, Form form, CancellationToken ct)
        {
            if (level == IssueLevel.FrontLine)
            {
                var service = await db.Organisations.AsNoTracking()
                    .Where(o => o.Id == form.ReferredOrganisationId && o.IsActive && o.IsFrontLineService)
                    .Select(o => o.Name).SingleOrDefaultAsync(ct)
                    ?? throw new DomainException("Select the front-line service the issue is referred to", nameof(Form.ReferredOrganisationId));
                return new Assignment(ReferredOrganisationId: form.ReferredOrganisationId, ReferredOrganisationName: service, FollowUpOn: form.FollowUpOn);
            }

            var owner = await OwnersQuery(areaId).SingleOrDefaultAsync(o => o.Id == form.OwnerId, ct)
                ?? throw new DomainException("Select who owns the issue from the list", nameof(Form.OwnerId));
            if (level == IssueLevel.Borough && owner.Role != Roles.PartnershipManager)
            {
                throw new DomainException("A Level 4 issue is owned by the partnership manager: select them", nameof(Form.OwnerId));
            }

            var leadId = form.LeadOrganisationId ?? owner.OrganisationId;
            var lead = leadId is null ? null : await db.Organisations.AsNoTracking().Where(o => o.Id == leadId).Select(o => o.Name).SingleOrDefaultAsync(ct);
            if (form.LeadOrganisationId is not null && lead is null)
            {
                throw new DomainException("Select the lead organisation from the list", nameof(Form.LeadOrganisationId));
            }

            string? taskGroup = null;
            if (form.TaskGroupId is not null)
            {
                if (level != IssueLevel.Partnership)
                {
                    throw new DomainException("Only a Level 2 issue is worked through a task group", nameof(Form.TaskGroupId));
                }

                taskGroup = await db.TaskGroups.AsNoTracking()
                    .Where(g => g.Id == form.TaskGroupId && g.AreaId == areaId && (g.Status == TaskGroupStatus.Active || g.Id == currentTaskGroupId))
                    .Select(g => g.Name).SingleOrDefaultAsync(ct)
                    ?? throw new DomainException("Select an active task group in this area", nameof(Form.TaskGroupId));
            }

            return new Assignment(owner.Id, owner.Name, lead is null ? null : leadId, lead, TaskGroupId: form.TaskGroupId, TaskGroupName: taskGroup);
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
