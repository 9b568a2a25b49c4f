using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Costs;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Estimates;

/// <summary>
/// Changing an issue's cost-avoidance estimate: add a line (unit cost × quantity × chance), take one out, and set the
/// method and confidence. The estimate is made on the first change. Every change goes on the issue's timeline
/// (confidential) in the same save. Adding or taking out a line is an append to the estimate (docs/decisions/0013): two
/// people adding lines at once both succeed (a clash on the estimate's running total is retried from a fresh read). The
/// method and confidence are an edit, saved under the version the form was read at, so a concurrent change is refused
/// with what the estimate now says. Only the area's officers may change it (<see cref="CostAccess.CanRecordCosts"/>).
/// </summary>
public static class ChangeEstimate
{
    /// <summary>How many times a line's save is tried when another change to the same estimate lands in between.</summary>
    private const int Attempts = 3;

    public const string ChanceFormat = "Enter the chance as a percentage more than 0 and up to 100, like 10%, or as \"1 in 10\"";

    public const string QuantityFormat = "Enter the quantity as a number more than 0, like 1 or 2.5";

    /// <summary>A line to add.</summary>
    public static class AddLine
    {
        public sealed class Form
        {
            public string? UnitCostId { get; set; }

            public string? Quantity { get; set; }

            public string? Chance { get; set; }

            public string? Note { get; set; }

            public int? UnitCost => int.TryParse(UnitCostId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

            public decimal? QuantityValue => UkFormat.QuantityFrom(Quantity);

            public decimal? Probability => UkFormat.ChanceFrom(Chance);

            /// <summary>The unit costs the select offers (filled by the page's handler, never posted).</summary>
            [BindNever]
            [ValidateNever]
            public IReadOnlyList<SelectListItem> UnitCosts { get; set; } = [];
        }

        public sealed class Validator : AbstractValidator<Form>
        {
            public Validator()
            {
                RuleFor(f => f.UnitCostId).Must((form, _) => form.UnitCost is not null).WithMessage("Choose the unit cost of the late intervention");
                RuleFor(f => f.Quantity).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage("Enter the quantity, like 1")
                    .Must(q => UkFormat.QuantityFrom(q) is > 0 and <= EstimateLine.MaximumQuantity).WithMessage(QuantityFormat);
                RuleFor(f => f.Chance).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage("Enter the chance it would have happened, like 10%")
                    .Must(c => UkFormat.ChanceFrom(c) is not null).WithMessage(ChanceFormat);
                RuleFor(f => f.Note).Must(n => n is null || n.Trim().Length <= EstimateLine.NoteMaxLength)
                    .WithMessage($"The note must be {EstimateLine.NoteMaxLength} characters or fewer");
            }
        }

    }

    /// <summary>The method notes and the confidence, saved under the estimate's version.</summary>
    public static class SetMethod
    {
        public sealed class Form : IVersionedForm
        {
            public string? Method { get; set; }

            /// <summary>"Low", "Medium" or "High" (read as text, so anything else meets the form's own message).</summary>
            public string? Confidence { get; set; }

            public EstimateConfidence? ConfidenceValue =>
                Enum.TryParse<EstimateConfidence>(Confidence, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(Confidence![0]) ? value : null;

            public Guid Version { get; set; }
        }

        public sealed class Validator : AbstractValidator<Form>
        {
            public Validator()
            {
                RuleFor(f => f.Method).Must(m => m is null || m.Trim().Length <= CostEstimate.MethodMaxLength)
                    .WithMessage($"The method must be {CostEstimate.MethodMaxLength} characters or fewer");
                RuleFor(f => f.Confidence).Must((form, _) => form.ConfidenceValue is not null).WithMessage("Choose how confident the estimate is: low, medium or high");
            }
        }

    }

    /// <summary>"A child in care for a year × 1 × 10% = £25,900.00".</summary>
    public static string Describe(EstimateLine line) =>
        $"{line.Name} × {UkFormat.Quantity(line.Quantity)} × {UkFormat.Chance(line.Probability)} = {UkFormat.Money(line.Amount)}";

    public static string ConfidenceName(EstimateConfidence confidence) => confidence switch
    {
        EstimateConfidence.Low => "Low",
        EstimateConfidence.Medium => "Medium",
        EstimateConfidence.High => "High",
        _ => "Not known",
    };

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The banner for the change just saved.</summary>
        public string? Confirmation { get; private set; }

        /// <summary>Adds the line; null when the issue is not there for the person, 403 when they may not change its estimate.</summary>
        public async Task<SaveResult?> AddLineAsync(Viewer viewer, string reference, AddLine.Form form, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                var issue = await FindAsync(viewer, reference, ct);
                if (issue is null)
                {
                    return null;
                }

                var unitCost = await db.UnitCosts.AsNoTracking().SingleOrDefaultAsync(u => u.Id == form.UnitCost, ct)
                    ?? throw new DomainException("Choose a unit cost from the list", nameof(AddLine.Form.UnitCostId));
                var (now, today) = Now();
                var estimate = await db.CostEstimates.Include(e => e.Lines).SingleOrDefaultAsync(e => e.IssueId == issue.Id, ct);
                if (estimate is null)
                {
                    estimate = new CostEstimate(issue.Id, viewer.UserId, now, today);
                    db.CostEstimates.Add(estimate);
                }

                EstimateLine line = null!;
                DomainErrors.Rekey(
                    () => line = estimate.AddLine(unitCost, form.QuantityValue!.Value, form.Probability!.Value, form.Note, viewer.UserId, now, today),
                    (nameof(EstimateLine.Probability), nameof(AddLine.Form.Chance)));
                var text = Describe(line);
                issue.RecordEstimate($"Estimate line added: {text}", Body($"Estimated avoided: {UkFormat.Money(estimate.Avoided)}.", line.Note), viewer.UserId, now);

                if (await SaveAsync(issue, estimate, null, retry: attempt < Attempts, ct) is { } result)
                {
                    logger.LogInformation("User {UserId} added line {LineId} to the estimate on issue {IssueId}", viewer.UserId, line.Id, issue.Id);
                    Confirmation = $"Line added: {text}. Estimated avoided: {UkFormat.Money(estimate.Avoided)}.";
                    return result;
                }
            }
        }

        /// <summary>Takes the line out (it stays on the record); null when the issue or the line is not there for the person.</summary>
        public async Task<SaveResult?> RemoveLineAsync(Viewer viewer, string reference, long lineId, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                var issue = await FindAsync(viewer, reference, ct);
                if (issue is null)
                {
                    return null;
                }

                var estimate = await db.CostEstimates.Include(e => e.Lines).SingleOrDefaultAsync(e => e.IssueId == issue.Id, ct);
                if (estimate is null || estimate.Lines.All(l => l.Id != lineId))
                {
                    return null;
                }

                var (now, today) = Now();
                EstimateLine line = null!;
                DomainErrors.Rekey(() => line = estimate.RemoveLine(lineId, viewer.UserId, now, today), (nameof(EstimateLine), EditConflict.Field));
                var text = Describe(line);
                issue.RecordEstimate($"Estimate line taken out: {text}", $"Estimated avoided: {UkFormat.Money(estimate.Avoided)}.", viewer.UserId, now);

                if (await SaveAsync(issue, estimate, null, retry: attempt < Attempts, ct) is { } result)
                {
                    logger.LogInformation("User {UserId} took line {LineId} out of the estimate on issue {IssueId}", viewer.UserId, lineId, issue.Id);
                    Confirmation = $"Line taken out: {text}. Estimated avoided: {UkFormat.Money(estimate.Avoided)}.";
                    return result;
                }
            }
        }

        /// <summary>Sets the method and confidence under the version the form was read at (a new estimate is made if there is none).</summary>
        public async Task<SaveResult?> DescribeAsync(Viewer viewer, string reference, SetMethod.Form form, CancellationToken ct)
        {
            var issue = await FindAsync(viewer, reference, ct);
            if (issue is null)
            {
                return null;
            }

            var (now, today) = Now();
            var estimate = await db.CostEstimates.SingleOrDefaultAsync(e => e.IssueId == issue.Id, ct);
            if (estimate is not null && await VersionedSave.IsStaleAsync(db, estimate, form.Version, ConflictText(issue.Id), ct) is { } stale)
            {
                return stale;
            }

            var method = string.IsNullOrWhiteSpace(form.Method) ? null : form.Method.Trim();
            var confidence = form.ConfidenceValue!.Value;
            var before = estimate is null ? (Method: null, Confidence: EstimateConfidence.Low) : (estimate.Method, estimate.Confidence);
            if (before.Method == method && before.Confidence == confidence)
            {
                Confirmation = "Nothing has changed: the method and confidence are as they were";
                return SaveResult.Saved(issue.Id);
            }

            if (estimate is null)
            {
                estimate = new CostEstimate(issue.Id, viewer.UserId, now, today);
                db.CostEstimates.Add(estimate);
            }

            estimate.Describe(method, confidence, viewer.UserId, now, today);
            var name = ConfidenceName(confidence).ToLowerInvariant();
            var summary = before.Confidence != confidence ? $"Estimate confidence set to {name}" : "Estimate method changed";
            issue.RecordEstimate(summary, method, viewer.UserId, now);

            var result = await SaveAsync(issue, estimate, form.Version, retry: false, ct);
            if (result is { Conflict: null, NotFound: false })
            {
                logger.LogInformation("User {UserId} set the method and confidence of the estimate on issue {IssueId}", viewer.UserId, issue.Id);
                Confirmation = before.Confidence != confidence ? summary : "Estimate method saved";
            }

            return result;
        }

        /// <summary>How an estimate reads in a conflict: its confidence, method and total, and who changed it last (from the issue's timeline).</summary>
        private ConflictText ConflictText(int issueId) => new(
            "estimate",
            v =>
            [
                $"confidence {ConfidenceName(v.GetValue<EstimateConfidence>(nameof(CostEstimate.Confidence))).ToLowerInvariant()}",
                v.GetValue<string?>(nameof(CostEstimate.Method)) is { Length: > 0 } method ? $"method “{method}”" : "no method notes",
                $"estimated avoided {UkFormat.Money(v.GetValue<decimal>(nameof(CostEstimate.Avoided)))}",
            ],
            ct => db.IssueEvents.AsNoTracking()
                .Where(e => e.IssueId == issueId && e.Kind == IssueEventKind.CostEstimateRecorded)
                .OrderByDescending(e => e.Id)
                .Select(e => new EditConflict.Change(db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone else", e.OccurredAt))
                .FirstOrDefaultAsync(ct));

        /// <summary>The issue (untracked, for an append to its timeline) if the person sees its costs; 403 when they may not change them.</summary>
        private async Task<Issue?> FindAsync(Viewer viewer, string reference, CancellationToken ct)
        {
            if (!viewer.SeesCosts)
            {
                IssueStore.LogNotVisible(logger, viewer, reference);
                return null;
            }

            var issue = await IssueStore.FindForAppendAsync(db, viewer, reference, logger, ct);
            return issue is null || viewer.CanRecordCosts(issue.AreaId) ? issue : throw new UnauthorizedAccessException();
        }

        /// <summary>
        /// Saves the estimate and the issue's timeline line (appended: the issue row is not saved) in one transaction.
        /// Null when <paramref name="retry"/> and another change to the estimate landed meanwhile: nothing was saved, try again.
        /// </summary>
        private async Task<SaveResult?> SaveAsync(Issue issue, CostEstimate estimate, Guid? readVersion, bool retry, CancellationToken ct)
        {
            var isNew = db.Entry(estimate).State == EntityState.Added;
            var latest = IssueStore.Append(db, issue);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            SaveResult result;
            try
            {
                result = await VersionedSave.SaveAsync(db, estimate, readVersion, ConflictText(issue.Id), ct);
            }
            catch (DbUpdateException ex) when (isNew && ex is not DbUpdateConcurrencyException)
            {
                // Someone else made the issue's estimate at the same moment (one per issue): add to theirs, or say so.
                await transaction.RollbackAsync(ct);
                if (retry)
                {
                    return null;
                }

                var version = await db.CostEstimates.AsNoTracking().Where(e => e.IssueId == issue.Id).Select(e => (Guid?)e.Version).SingleOrDefaultAsync(ct);
                if (version is not { } current)
                {
                    throw;
                }

                return new SaveResult(issue.Id, EditConflict.AtTheSameMoment("The estimate", current));
            }

            if (result.Conflict is not null || result.NotFound)
            {
                await transaction.RollbackAsync(ct);
                return retry ? null : result;
            }

            await IssueStore.MarkActivityAsync(db, issue.Id, latest, ct);
            await transaction.CommitAsync(ct);
            return result;
        }

        private (DateTime Now, DateOnly Today) Now()
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return (now, UkFormat.UkToday(clock));
        }

        private static string Body(string first, string? note) => note is null ? first : $"{first}\n{note.Trim()}";
    }
}
