using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// Writes e-mails into the outbox: the administrator's template for the kind (or the default), filled in, with the
/// link to the record and the footer, from the administrator's settings (or the defaults). One home for how an
/// e-mail reads; the dispatcher, digests and reminders all use it. A confidential record gets the neutral e-mail
/// (<see cref="ComposeNeutralAsync"/>): nothing about it but its area and a link.
/// </summary>
public sealed class EmailComposer(AppDbContext db)
{
    private MailSettings? _settings;
    private Dictionary<NotificationKind, EmailTemplate>? _templates;

    public sealed record Recipient(string Address, string? Name, int? UserId);

    public sealed record Attachment(string Name, string ContentType, string Text);

    public async Task<MailSettings> SettingsAsync(CancellationToken ct) =>
        _settings ??= await db.MailSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == MailSettings.SingletonId, ct) ?? MailSettings.Defaults();

    public async Task<EmailTemplates.Wording> WordingAsync(NotificationKind kind, CancellationToken ct)
    {
        _templates ??= await db.EmailTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, ct);
        return _templates.TryGetValue(kind, out var t) ? new EmailTemplates.Wording(t.Subject, t.Body) : EmailTemplates.Default(kind);
    }

    /// <summary>The full address of a page of the service (<paramref name="path"/> starts with /).</summary>
    public async Task<string> LinkAsync(string path, CancellationToken ct) => (await SettingsAsync(ct)).ServiceAddress + path;

    /// <summary>
    /// An e-mail of <paramref name="kind"/> to <paramref name="to"/>, its template filled with <paramref name="values"/>
    /// (name, link and service_name are added here). Not yet saved: the caller adds it in its own transaction.
    /// </summary>
    public async Task<OutboxMessage> ComposeAsync(NotificationKind kind, Recipient to, IReadOnlyDictionary<string, string> values, string path,
        long? notificationId, Attachment? attachment, DateTime now, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var wording = await WordingAsync(kind, ct);
        var all = new Dictionary<string, string>(values)
        {
            ["name"] = to.Name ?? "colleague",
            ["link"] = await LinkAsync(path, ct),
            ["service_name"] = settings.SenderName,
        };
        return Message(kind, to, EmailTemplates.Render(wording.Subject, all), EmailTemplates.Render(wording.Body, all), settings, notificationId, attachment, now);
    }

    /// <summary>
    /// The e-mail about a confidential record: it says only that something in <paramref name="area"/> needs the
    /// person's attention, and links to it (they see it there only if they may). Not editable: it must never
    /// carry anything a template could put in.
    /// </summary>
    public Task<OutboxMessage> ComposeNeutralAsync(NotificationKind kind, Recipient to, string what, string area, string path,
        long? notificationId, DateTime now, CancellationToken ct) =>
        ComposeNeutralAsync(kind, to, what, area, path, notificationId, attachment: null, now, ct);

    /// <summary>The neutral e-mail with an attachment (a confidential meeting's calendar event, written without its title or purpose).</summary>
    public async Task<OutboxMessage> ComposeNeutralAsync(NotificationKind kind, Recipient to, string what, string area, string path,
        long? notificationId, Attachment? attachment, DateTime now, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var link = await LinkAsync(path, ct);
        return Message(kind, to, $"{Capitalised(what)} in {area} needs your attention",
            $"Dear {to.Name ?? "colleague"},\n\n{Capitalised(what)} in {area} needs your attention. Sign in to see it:\n\n{link}", settings, notificationId, attachment, now);
    }

    /// <summary>The e-mail as it goes in the outbox: the subject on one line, the footer under the text.</summary>
    private static OutboxMessage Message(NotificationKind kind, Recipient to, string subject, string text, MailSettings settings, long? notificationId,
        Attachment? attachment, DateTime now) =>
        new(kind, to.Address, to.Name, EmailTemplates.OneLine(subject), text + "\n\n--\n" + settings.Footer, now)
        {
            NotificationId = notificationId,
            RecipientUserId = to.UserId,
            AttachmentName = attachment?.Name,
            AttachmentType = attachment?.ContentType,
            Attachment = attachment?.Text,
        };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
