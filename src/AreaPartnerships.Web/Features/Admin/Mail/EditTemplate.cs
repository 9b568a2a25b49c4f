using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.Mail;

/// <summary>
/// The administrator's wording for one kind of e-mail: subject and body with the kind's placeholders, checked on save
/// (<see cref="EmailTemplates.Check"/>) so a broken placeholder is refused at its field; or back to the default.
/// </summary>
public static class EditTemplate
{
    /// <summary>Example values for the preview: what a filled-in e-mail might say.</summary>
    public static readonly IReadOnlyDictionary<string, string> Examples = new Dictionary<string, string>
    {
        ["name"] = "Sam Patel",
        ["link"] = "https://areapartnerships.example.gov.uk/issues/SW-0042",
        ["service_name"] = "Area Partnerships",
        ["reference"] = "SW-0042",
        ["title"] = "Fly-tipping behind the shops on Green Lane",
        ["area"] = "South Walsall",
        ["ward"] = "Pleck",
        ["level"] = "Level 2",
        ["organisation"] = "Street Cleansing",
        ["follow_up_on"] = "12 March 2027",
        ["action"] = "Walk the alleyways with the housing officer",
        ["due_on"] = "12 March 2027",
        ["source"] = "the task group Green Lane clean-up",
        ["meeting"] = "South Walsall Area Partnership",
        ["when"] = "3 December 2026 at 9:30am",
        ["where"] = "Walsall Council House, Room 2",
        ["reason"] = "The reason given: the chair is unwell.",
        ["task_group"] = "Green Lane clean-up",
        ["status"] = "In progress",
        ["date"] = "3 December 2026",
        ["week"] = "6 December 2026",
        ["sections"] = "New issues waiting for triage: 2\n- SW-0042 Fly-tipping behind the shops on Green Lane",
    };

    public sealed class Form : IVersionedForm
    {
        public string? Subject { get; set; }

        public string? Body { get; set; }

        public Guid Version { get; set; }
    }

    /// <summary>The page: the form, the kind, whether the wording is the administrator's, and a preview when there is one.</summary>
    public sealed record Page(NotificationKindInfo Kind, Form Form, bool IsChanged, EmailTemplates.Wording? Preview)
    {
        /// <summary>The form's fields, named as they are posted.</summary>
        public string? Subject => Form.Subject;

        public string? Body => Form.Body;

        public Guid Version => Form.Version;
    }

    /// <summary>The wording filled with <see cref="Examples"/>, when it passes the check.</summary>
    public static EmailTemplates.Wording? PreviewOf(NotificationKind kind, string? subject, string? body) =>
        EmailTemplates.Check(kind, subject, body).Count > 0
            ? null
            : new(EmailTemplates.OneLine(EmailTemplates.Render(subject!, Examples)), EmailTemplates.Render(body!.Replace("\r\n", "\n", StringComparison.Ordinal), Examples));

    public sealed class Validator : AbstractValidator<Form>
    {
        /// <summary>The kind being edited (the route's): set by the controller before validating.</summary>
        public NotificationKind Kind { get; set; }

        public Validator()
        {
            RuleFor(f => f).Custom((form, context) =>
            {
                foreach (var error in EmailTemplates.Check(Kind, form.Subject, form.Body))
                {
                    context.AddFailure(error.Field, error.Message);
                }
            });
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public static NotificationKindInfo? KindOf(int kind) => NotificationKinds.All.FirstOrDefault(k => (int)k.Kind == kind);

        public async Task<Page> LoadAsync(NotificationKindInfo info, CancellationToken ct)
        {
            var template = await db.EmailTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == info.Kind, ct);
            var wording = template is null ? EmailTemplates.Default(info.Kind) : new EmailTemplates.Wording(template.Subject, template.Body);
            var form = new Form { Subject = wording.Subject, Body = wording.Body, Version = template?.Version ?? Guid.Empty };
            return new Page(info, form, template is not null, PreviewOf(info.Kind, wording.Subject, wording.Body));
        }

        public async Task<Page> FillAsync(NotificationKindInfo info, Form form, bool preview, CancellationToken ct) =>
            new(info, form, await db.EmailTemplates.AnyAsync(t => t.Kind == info.Kind, ct), preview ? PreviewOf(info.Kind, form.Subject, form.Body) : null);

        public async Task<SaveResult> HandleAsync(NotificationKind kind, Form form, int byId, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var template = await db.EmailTemplates.SingleOrDefaultAsync(t => t.Kind == kind, ct);
            if (template is null)
            {
                db.EmailTemplates.Add(new EmailTemplate(kind, form.Subject, form.Body, byId, now));
                await db.SaveChangesAsync(ct);
                return SaveResult.Saved((int)kind);
            }

            if (await VersionedSave.IsStaleAsync(db, template, form.Version, Conflict, ct) is { } stale)
            {
                return stale;
            }

            template.Change(form.Subject, form.Body, byId, now);
            return await VersionedSave.SaveAsync(db, template, form.Version, Conflict, ct);
        }

        /// <summary>Back to the default wording: the administrator's row goes.</summary>
        public async Task<bool> RestoreAsync(NotificationKind kind, CancellationToken ct) =>
            await db.EmailTemplates.Where(t => t.Kind == kind).ExecuteDeleteAsync(ct) > 0;

        private static readonly ConflictText Conflict = new("e-mail template", v =>
            [$"subject “{v.GetValue<string>(nameof(EmailTemplate.Subject))}”"]);
    }
}
