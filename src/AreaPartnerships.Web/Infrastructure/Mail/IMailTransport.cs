using MimeKit;

namespace AreaPartnerships.Web.Infrastructure.Mail;

/// <summary>
/// The seam between the outbox and whatever carries e-mail away (docs/decisions/0028): SMTP
/// (<see cref="SmtpMailTransport"/>) or the file outbox (<see cref="FileMailTransport"/>). An implementation either
/// returns (the message is accepted: the outbox marks it sent) or throws <see cref="MailDeliveryException"/> saying
/// whether trying again could help. The message carries its own fixed Message-ID: every attempt at one outbox
/// message is the same e-mail.
/// </summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>
/// A message that was not accepted. <see cref="Permanent"/>: the receiving side refused it for good (an SMTP 5xx
/// such as 550 "mailbox unavailable", or an address that cannot be sent to): it is parked at once. Otherwise
/// (4xx, a refused connection, a time-out, a broken line) it is tried again after the backoff.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException(bool permanent, string reason, Exception? inner = null)
        : base(reason, inner)
    {
        Permanent = permanent;
        Reason = reason;
    }

    public MailDeliveryException()
        : this(false, "The message could not be sent")
    {
    }

    public MailDeliveryException(string message)
        : this(false, message)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : this(false, message, innerException)
    {
    }

    public bool Permanent { get; }

    public string Reason { get; }
}
