using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Costs;

/// <summary>
/// A cost entered in error is withdrawn with a reason: it stops counting and stays on the record (never edited or
/// deleted). The withdrawal and its timeline line are saved together; the withdrawal is one conditional update, so two
/// people withdrawing the same cost at once record it once and the second is told it is already withdrawn.
/// </summary>
public static class WithdrawCost
{
    public const string AlreadyWithdrawn = "This cost has already been withdrawn: nothing has been changed";

    public sealed class Form
    {
        public string? WithdrawnReason { get; set; }

        [BindNever]
        [ValidateNever]
        public Choices Page { get; set; } = null!;
    }

    /// <summary>The issue and the cost the page is about.</summary>
    public sealed record Choices(ViewCosts.IssueHead Issue, ViewCosts.CostRow Cost, bool CanRecord);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.WithdrawnReason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Say why the cost is withdrawn, like \"Entered twice\"")
                .Must(r => r!.Trim().Length <= IssueCost.ReasonMaxLength).WithMessage($"The reason must be {IssueCost.ReasonMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>What the last successful save left: the confirmation.</summary>
        public string? Confirmation { get; private set; }

        /// <summary>The confirm page; null when the issue is not there for the person or the cost is not on it.</summary>
        public async Task<Form?> LoadAsync(Viewer viewer, string reference, long costId, Form? posted, CancellationToken ct)
        {
            var issue = await CostText.FindIssueAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            var cost = await ViewCosts.Rows(db, db.IssueCosts.AsNoTracking().Where(c => c.Id == costId && c.IssueId == issue.Id)).SingleOrDefaultAsync(ct);
            if (cost is null)
            {
                return null;
            }

            var form = posted ?? new Form();
            form.Page = new Choices(issue, cost, viewer.CanRecordCosts(issue.AreaId));
            return form;
        }

        /// <summary>Withdraws the cost; null when it is not there for the person, 403 when they may not withdraw it.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, string reference, long costId, Form form, CancellationToken ct)
        {
            var issue = await IssueStore.FindForAppendAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            var cost = await db.IssueCosts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == costId && c.IssueId == issue.Id, ct);
            if (cost is null)
            {
                return null;
            }

            if (!viewer.CanRecordCosts(issue.AreaId))
            {
                throw new UnauthorizedAccessException();
            }

            if (cost.IsWithdrawn)
            {
                // Not a field's fault: the page now shows the withdrawal instead of the form.
                throw new DomainException(AlreadyWithdrawn, string.Empty);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            cost.Withdraw(form.WithdrawnReason, viewer.UserId, now);

            // The rule was checked against the cost as read; the update applies only while it is still not withdrawn.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var applied = await db.IssueCosts
                .Where(c => c.Id == costId && c.WithdrawnAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.WithdrawnAt, now)
                    .SetProperty(c => c.WithdrawnById, viewer.UserId)
                    .SetProperty(c => c.WithdrawnReason, cost.WithdrawnReason), ct);
            if (applied == 0)
            {
                await transaction.RollbackAsync(ct);
                throw new DomainException(AlreadyWithdrawn, string.Empty);
            }

            await ValueSummaries.CostWithdrawnAsync(db, cost, issue.AreaId, ct);
            issue.RecordCost($"Cost withdrawn: {cost.Description}, {UkFormat.Money(cost.Amount)}", cost.WithdrawnReason, viewer.UserId, now);
            var latest = IssueStore.Append(db, issue);
            await db.SaveChangesAsync(ct);
            await IssueStore.MarkActivityAsync(db, issue.Id, latest, ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("User {UserId} withdrew cost {CostId} on issue {Reference}", viewer.UserId, costId, issue.Reference);

            var value = await IssueValue.ForIssueAsync(db, issue.Id, ct);
            Confirmation = $"Cost withdrawn: {UkFormat.Money(cost.Amount)}. This issue has cost {UkFormat.Money(value.Spent)} so far.";
            return SaveResult.Saved(issue.Id);
        }
    }
}
