using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Add an update or note to an issue's timeline, visible to everyone who can see the issue or to officers
/// and partners only (confidential). Only people who may read confidential material may write it.
/// </summary>
public static class AddNote
{
    public sealed class Form
    {
        public string? Text { get; set; }

        public Visibility? Visibility { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Text).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the note")
                .MaximumLength(Issue.DescriptionMaxLength).WithMessage($"Note must be {Issue.DescriptionMaxLength} characters or fewer");
            RuleFor(f => f.Visibility).Must(v => v is not null && Enum.IsDefined(v.Value)).WithMessage("Select who can see the note");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>
        /// Adds the note; null when the person may not see the issue. A note is appended, never an edit: it does
        /// not conflict with anyone else's note or change (<see cref="IssueStore.Append"/>).
        /// </summary>
        public async Task<SaveResult?> HandleAsync(Viewer viewer, string reference, Form form, CancellationToken ct)
        {
            var issue = await IssueStore.FindForAppendAsync(db, viewer, reference, logger, ct);
            if (issue is null)
            {
                return null;
            }

            if (!viewer.CanAddNote)
            {
                throw new UnauthorizedAccessException();
            }

            if (form.Visibility == Visibility.Confidential && !viewer.SeesConfidential)
            {
                throw new Domain.Common.DomainException("You cannot add a confidential note", nameof(Form.Visibility));
            }

            issue.AddNote(form.Text, form.Visibility!.Value, viewer.UserId, clock.GetUtcNow().UtcDateTime);

            await IssueStore.AppendAsync(db, issue, ct);
            return SaveResult.Saved(issue.Id);
        }
    }
}
