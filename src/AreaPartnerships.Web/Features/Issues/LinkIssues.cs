using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Link two related issues (not duplicates) with a reason, or remove the link: the area's officers, between issues
/// they may both see. The link shows on both issues and on both timelines, each side only to people who may see the
/// other issue. Appending a link never conflicts with someone editing either issue.
/// </summary>
public static class LinkIssues
{
    public sealed class Form
    {
        /// <summary>The other issue's reference, e.g. AP-2026-00042.</summary>
        public string? RelatedReference { get; set; }

        public string? LinkReason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.RelatedReference).NotEmpty().WithMessage("Enter the reference of the related issue, like AP-2026-00042");
            RuleFor(f => f.LinkReason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter why the issues are related")
                .MaximumLength(IssueLink.ReasonMaxLength).WithMessage($"The reason must be {IssueLink.ReasonMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Links the issue to the one named in the form; null when the person may not see the issue.</summary>
        public async Task<SaveResult?> LinkAsync(Viewer viewer, string reference, Form form, CancellationToken ct)
        {
            if (await FindAsync(viewer, reference, ct) is not { } issue)
            {
                return null;
            }

            var wanted = form.RelatedReference!.Trim().ToUpperInvariant();

            // The same answer whether the issue does not exist or this person may not see it: existence is not revealed.
            var other = await viewer.VisibleIssues(db).Where(i => i.Reference == wanted).Select(i => new LinkEnd(i.Id, i.Reference)).SingleOrDefaultAsync(ct)
                ?? throw new DomainException($"There is no issue {wanted} that you can see: check the reference", nameof(Form.RelatedReference));
            var (first, second) = (Math.Min(issue.Id, other.Id), Math.Max(issue.Id, other.Id));
            if (await db.IssueLinks.AnyAsync(l => l.IssueId == first && l.OtherIssueId == second, ct))
            {
                throw new DomainException($"This issue is already linked to {other.Reference}", nameof(Form.RelatedReference));
            }

            var (link, timeline) = IssueLink.Create(issue, other, form.LinkReason, viewer.UserId, clock.GetUtcNow().UtcDateTime);
            db.IssueLinks.Add(link);
            db.IssueEvents.AddRange(timeline);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone linked the same two issues a moment before: the unique index kept one link.
                db.ChangeTracker.Clear();
                if (await db.IssueLinks.AnyAsync(l => l.IssueId == first && l.OtherIssueId == second, ct))
                {
                    throw new DomainException($"This issue is already linked to {other.Reference}", nameof(Form.RelatedReference));
                }

                throw;
            }

            return SaveResult.Saved(issue.Id);
        }

        /// <summary>Removes a link of this issue to one the person may see; null when either is not there for them.</summary>
        public async Task<SaveResult?> UnlinkAsync(Viewer viewer, string reference, int linkId, CancellationToken ct)
        {
            if (await FindAsync(viewer, reference, ct) is not { } issue)
            {
                return null;
            }

            var link = await db.IssueLinks.SingleOrDefaultAsync(l => l.Id == linkId && (l.IssueId == issue.Id || l.OtherIssueId == issue.Id), ct);
            var otherId = link?.OtherThan(issue.Id);
            var other = otherId is null
                ? null
                : await viewer.VisibleIssues(db).Where(i => i.Id == otherId).Select(i => new LinkEnd(i.Id, i.Reference)).SingleOrDefaultAsync(ct);
            if (link is null || other is null)
            {
                return SaveResult.Missing();
            }

            db.IssueEvents.AddRange(link.Unlink(issue, other, viewer.UserId, clock.GetUtcNow().UtcDateTime));
            db.IssueLinks.Remove(link);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone removed it a moment before.
                return SaveResult.Missing();
            }

            return SaveResult.Saved(issue.Id);
        }

        /// <summary>The issue if the person may see it (else null, logged); refused when they may see it but not link it.</summary>
        private async Task<LinkEnd?> FindAsync(Viewer viewer, string reference, CancellationToken ct)
        {
            var issue = await viewer.VisibleIssues(db).Where(i => i.Reference == reference).Select(i => new { i.Id, i.Reference, i.AreaId }).SingleOrDefaultAsync(ct);
            if (issue is null)
            {
                IssueStore.LogNotVisible(logger, viewer, reference);
                return null;
            }

            return viewer.CanLinkIssues(issue.AreaId) ? new LinkEnd(issue.Id, issue.Reference) : throw new UnauthorizedAccessException();
        }
    }
}
