using System.Text;
using AreaPartnerships.Domain.Notifications;
using MimeKit;

namespace AreaPartnerships.Web.Infrastructure.Mail;

/// <summary>
/// Turns an outbox message into the e-mail that goes out: from the administrator's sender, to the recipient, the
/// subject and plain text as written into the outbox, the outbox's fixed Message-ID (so every try is the same
/// e-mail), and the calendar file when there is one (its content type as stored, e.g.
/// <c>text/calendar; method=REQUEST</c> or <c>method=CANCEL</c>).
/// </summary>
public sealed class MailMessageBuilder
{
    public MimeMessage Build(OutboxMessage message, MailSettings settings)
    {
        if (!MailSettings.IsEmailAddress(message.ToAddress))
        {
            throw new MailDeliveryException(true, $"“{message.ToAddress}” is not an e-mail address that can be sent to");
        }

        var mail = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.MessageId,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc)),
        };
        mail.From.Add(new MailboxAddress(settings.SenderName, settings.SenderAddress));
        mail.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.ToAddress));

        // An automatic message (RFC 3834): out-of-office replies are not sent back to it.
        mail.Headers.Add("Auto-Submitted", "auto-generated");

        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, message.Body);
        if (message.Attachment is null)
        {
            mail.Body = text;
            return mail;
        }

        mail.Body = new Multipart("mixed") { text, AttachmentPart(message) };
        return mail;
    }

    private static MimePart AttachmentPart(OutboxMessage message)
    {
        var type = ContentType.TryParse(message.AttachmentType ?? string.Empty, out var parsed) ? parsed : new ContentType("application", "octet-stream");
        MimePart part;
        if (type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            var textPart = new TextPart(type.MediaSubtype);
            foreach (var parameter in type.Parameters.Where(p => !p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)))
            {
                textPart.ContentType.Parameters.Add(parameter.Name, parameter.Value);
            }

            textPart.SetText(Encoding.UTF8, message.Attachment!);
            part = textPart;
        }
        else
        {
            part = new MimePart(type) { Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(message.Attachment!))) };
        }

        part.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment);
        part.ContentTransferEncoding = ContentEncoding.Base64;
        part.FileName = message.AttachmentName ?? "attachment";
        return part;
    }
}
