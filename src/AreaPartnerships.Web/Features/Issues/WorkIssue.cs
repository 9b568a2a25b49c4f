using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Move an issue along its lifecycle: start work, resolve with an outcome (a Level 1 referral by
/// recording the service's confirmation), reopen, close, or withdraw as a duplicate / not for the
/// partnership. Which moves are allowed is the issue's rule; who may make them is <see cref="Viewer"/>'s.
/// </summary>
public static class WorkIssue
{
    public enum Move
    {
        Start,
        Resolve,
        ConfirmReferral,
        Reopen,
        Close,
        Withdraw,
    }

    public sealed class Form : IVersionedForm
    {
        /// <summary>From the form only: otherwise the route's own "action" value ("Work") is bound when none is chosen.</summary>
        [FromForm]
        public Move? Action { get; set; }

        /// <summary>The outcome (resolve, confirm) or the reason (reopen, withdraw).</summary>
        public string? Text { get; set; }

        /// <summary>Withdraw as a duplicate of this issue (its reference).</summary>
        public string? DuplicateOf { get; set; }

        public Guid Version { get; set; }

        [BindNever]
        public string Reference { get; set; } = string.Empty;

        [BindNever]
        public string Title { get; set; } = string.Empty;

        [BindNever]
        public IssueLevel? Level { get; set; }

        [BindNever]
        public IssueStatus Status { get; set; }

        /// <summary>The moves this person may make now.</summary>
        [BindNever]
        public IReadOnlyList<Move> Moves { get; set; } = [];

        /// <summary>Whether this person may move the issue's status at all (whatever its state now).</summary>
        [BindNever]
        public bool MayWork { get; set; }

        /// <summary>When this person may work the issue but has no move now: why, and what they can do instead.</summary>
        [BindNever]
        public string? NothingToChange { get; set; }

        /// <summary>Offer to raise a new issue instead (a closed or withdrawn issue cannot be reopened).</summary>
        [BindNever]
        public bool OfferRaise { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Action).Must(a => a is not null && Enum.IsDefined(a.Value)).WithMessage("Select what you want to do");
            RuleFor(f => f.Text).MaximumLength(Issue.DescriptionMaxLength).WithMessage($"Text must be {Issue.DescriptionMaxLength} characters or fewer");
            RuleFor(f => f.Text).NotEmpty()
                .When(f => f.Action is Move.Resolve or Move.ConfirmReferral)
                .WithMessage("Enter the outcome");
            RuleFor(f => f.Text).NotEmpty()
                .When(f => f.Action is Move.Reopen or Move.Withdraw)
                .WithMessage("Enter the reason");
        }
    }

    /// <summary>The moves this person may make on the issue in its current state.</summary>
    public static IReadOnlyList<Move> MovesFor(Viewer viewer, int areaId, int? ownerId, int? leadOrganisationId, int? referredOrganisationId, IssueLevel? level, IssueStatus status, DateTime? referralConfirmedAt)
    {
        var moves = new List<Move>();
        var works = viewer.CanWork(areaId, ownerId, leadOrganisationId, referredOrganisationId);
        var manages = viewer.CanWithdrawOrClose(areaId);
        if (works && status == IssueStatus.Triaged)
        {
            moves.Add(Move.Start);
        }

        if (works && status is IssueStatus.Triaged or IssueStatus.InProgress)
        {
            moves.Add(level == IssueLevel.FrontLine && referralConfirmedAt is null ? Move.ConfirmReferral : Move.Resolve);
        }

        if (works && status == IssueStatus.Resolved)
        {
            moves.Add(Move.Reopen);
        }

        if (manages && status == IssueStatus.Resolved)
        {
            moves.Add(Move.Close);
        }

        if (manages && status is IssueStatus.New or IssueStatus.Triaged or IssueStatus.InProgress)
        {
            moves.Add(Move.Withdraw);
        }

        return moves;
    }

    public static string Describe(Move move) => move switch
    {
        Move.Start => "Start work on it",
        Move.Resolve => "Resolve it, with the outcome",
        Move.ConfirmReferral => "Record that the front-line service has done the job (resolves it)",
        Move.Reopen => "Reopen it",
        Move.Close => "Close it",
        _ => "Withdraw it: a duplicate, or not for the partnership",
    };

    /// <summary>Why someone who may work the issue has nothing to change about its status now, and how to go on.</summary>
    public static string WhyNothing(IssueStatus status) => status switch
    {
        IssueStatus.Closed => "This issue is closed, so its status cannot change any more. A closed issue cannot be reopened: if the problem has come back, raise a new issue and mention this one.",
        IssueStatus.Withdrawn => "This issue was withdrawn, so its status cannot change any more. It cannot be reopened: if it needs the partnership after all, raise a new issue and mention this one.",
        IssueStatus.New => "This issue has not been triaged yet. The area manager triages it first; work on it can start after that.",
        IssueStatus.Resolved => "This issue is resolved. The people working it can reopen it, and the area manager can close it.",
        _ => "There is nothing you can change about its status now.",
    };

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Form?> LoadAsync(Viewer viewer, string reference, Form? posted, CancellationToken ct)
        {
            var issue = await viewer.VisibleIssues(db).Where(i => i.Reference == reference)
                .Select(i => new { i.Reference, i.Title, i.AreaId, i.OwnerId, i.LeadOrganisationId, i.ReferredOrganisationId, i.Level, i.Status, i.ReferralConfirmedAt, i.Version })
                .SingleOrDefaultAsync(ct);
            if (issue is null)
            {
                IssueStore.LogNotVisible(logger, viewer, reference);
                return null;
            }

            var moves = MovesFor(viewer, issue.AreaId, issue.OwnerId, issue.LeadOrganisationId, issue.ReferredOrganisationId, issue.Level, issue.Status, issue.ReferralConfirmedAt);
            var form = posted ?? new Form { Version = issue.Version };
            form.Reference = issue.Reference;
            form.Title = issue.Title;
            form.Level = issue.Level;
            form.Status = issue.Status;
            form.Moves = moves;
            form.MayWork = viewer.CanWork(issue.AreaId, issue.OwnerId, issue.LeadOrganisationId, issue.ReferredOrganisationId) || viewer.CanWithdrawOrClose(issue.AreaId);
            form.NothingToChange = moves.Count > 0 ? null : WhyNothing(issue.Status);
            form.OfferRaise = moves.Count == 0 && issue.Status is IssueStatus.Closed or IssueStatus.Withdrawn && viewer.CanRaise;
            return form;
        }

        /// <summary>Makes the move; null when the person may not see the issue.</summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, string reference, Form form, CancellationToken ct)
        {
            var issue = await IssueStore.FindForChangeAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            var move = form.Action!.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var permitted = move switch
            {
                Move.Close or Move.Withdraw => viewer.CanWithdrawOrClose(issue.AreaId),
                _ => viewer.CanWork(issue.AreaId, issue.OwnerId, issue.LeadOrganisationId, issue.ReferredOrganisationId),
            };
            if (!permitted)
            {
                throw new UnauthorizedAccessException();
            }

            if (await IssueStore.IsStaleAsync(db, issue, form.Version, ct) is { } stale)
            {
                return stale;
            }

            Issue? original = null;
            if (move == Move.Withdraw && !string.IsNullOrWhiteSpace(form.DuplicateOf))
            {
                var duplicateReference = form.DuplicateOf.Trim().ToUpperInvariant();
                var originalId = await viewer.VisibleIssues(db).Where(i => i.Reference == duplicateReference).Select(i => (int?)i.Id).SingleOrDefaultAsync(ct)
                    ?? throw new Domain.Common.DomainException("Enter the reference of an issue you can see, like AP-2026-00042", nameof(Form.DuplicateOf));
                original = await db.Issues.SingleAsync(i => i.Id == originalId, ct);
            }

            // The issue's rules name its own values (status, outcome, reason); this form posts them as Action and Text.
            DomainErrors.Rekey(
                () =>
                {
                    switch (move)
                    {
                        case Move.Start:
                            issue.Start(viewer.UserId, now);
                            break;
                        case Move.Resolve:
                            issue.Resolve(form.Text, viewer.UserId, now);
                            break;
                        case Move.ConfirmReferral:
                            issue.ConfirmReferralDone(form.Text, viewer.UserId, now);
                            break;
                        case Move.Reopen:
                            issue.Reopen(form.Text, viewer.UserId, now);
                            break;
                        case Move.Close:
                            issue.Close(viewer.UserId, now);
                            break;
                        default:
                            issue.Withdraw(form.Text, original, viewer.UserId, now);
                            break;
                    }
                },
                (nameof(Issue.Status), nameof(Form.Action)),
                (nameof(Issue.Outcome), nameof(Form.Text)),
                ("Reason", nameof(Form.Text)));

            return await IssueStore.SaveAsync(db, issue, form.Version, ct);
        }
    }
}
