using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>
/// Work an issue through the group: the area's area manager or the partnership manager links an open
/// Level 2 issue of the group's area by its reference (the issue's own rule refuses any other). The link is
/// on the issue's timeline and the group's; an issue moved from another group leaves a line on that one too.
/// </summary>
public static class LinkIssue
{
    public sealed class Form
    {
        public string? IssueReference { get; set; }

        [BindNever]
        public string? Reference { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator() =>
            RuleFor(f => f.IssueReference).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the issue's reference, like AP-2026-00042")
                .MaximumLength(50).WithMessage("Enter the issue's reference, like AP-2026-00042");
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<SaveResult?> HandleAsync(Viewer viewer, int id, Form form, CancellationToken ct)
        {
            var group = await TaskGroupStore.FindForChangeAsync(db, viewer, id, logger, ct);
            if (group is null)
            {
                return null;
            }

            if (!viewer.CanManage(group.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            if (!group.IsActive)
            {
                throw new DomainException("This task group is closed: issues can no longer be linked to it", nameof(Form.IssueReference));
            }

            var reference = form.IssueReference!.Trim().ToUpperInvariant();
            var issueId = await viewer.VisibleIssues(db).Where(i => i.Reference == reference).Select(i => (int?)i.Id).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("Enter the reference of an issue in this area you can see", nameof(Form.IssueReference));

            // The group it is linked to now (if any), so the move is recorded old → new on both timelines.
            var issue = await db.Issues.Include(i => i.TaskGroup).SingleAsync(i => i.Id == issueId, ct);
            TaskGroupStore.Link(issue, group, viewer.UserId, clock.GetUtcNow().UtcDateTime);

            form.Reference = issue.Reference;
            return await TaskGroupStore.SaveAsync(db, group, null, ct);
        }
    }
}
