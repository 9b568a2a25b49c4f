using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AreaPartnerships.Web.Infrastructure.Mail;

/// <summary>
/// Sends through an SMTP server with MailKit: one connection per message (a pass sends a small batch; a long-lived
/// connection would need its own health checks). MailKit's errors are sorted into permanent and transient by
/// <see cref="Classify"/>. A failure while saying goodbye after the server accepted the message is not a failure.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options, ILogger<SmtpMailTransport> logger) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new MailDeliveryException(false, "No SMTP server is set (Mail:Smtp:Host)");
        }

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds)).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
            }

            await client.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is not MailDeliveryException && !(ex is OperationCanceledException && ct.IsCancellationRequested) && IsMailFailure(ex))
        {
            throw Classify(ex);
        }

        try
        {
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (IsMailFailure(ex) && !ct.IsCancellationRequested)
        {
            // The server has the message: a lost goodbye does not make it unsent.
            logger.LogInformation(ex, "Message {MessageId} was accepted; the SMTP connection did not close cleanly", message.MessageId);
        }
    }

    public static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>
    /// Permanent: the server answered a command with a 5xx status (550 mailbox unavailable, 553 address not allowed,
    /// 554 refused): the same message will be refused again. Everything else is transient: 4xx (try later), a refused
    /// or dropped connection, a time-out, a TLS or sign-in problem (a setting the administrator can put right, so
    /// the message waits out its tries rather than being parked at the first).
    /// </summary>
    public static MailDeliveryException Classify(Exception ex) => ex switch
    {
        SmtpCommandException command when (int)command.StatusCode is >= 500 and < 600 =>
            new MailDeliveryException(true, $"Refused by the mail server ({(int)command.StatusCode}): {command.Message}", ex),
        SmtpCommandException command =>
            new MailDeliveryException(false, $"The mail server said try later ({(int)command.StatusCode}): {command.Message}", ex),
        SocketException socket =>
            new MailDeliveryException(false, $"Could not reach the mail server: {socket.Message}", ex),
        AuthenticationException =>
            new MailDeliveryException(false, $"The mail server refused the user name or password: {ex.Message}", ex),
        SslHandshakeException =>
            new MailDeliveryException(false, $"Could not set up a secure connection to the mail server: {ex.Message}", ex),
        TimeoutException or OperationCanceledException =>
            new MailDeliveryException(false, "The mail server took too long to answer", ex),
        _ => new MailDeliveryException(false, $"The mail server connection failed: {ex.Message}", ex),
    };

    private static bool IsMailFailure(Exception ex) => ex is SmtpCommandException or SmtpProtocolException or SocketException or IOException
        or TimeoutException or OperationCanceledException or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
        or ServiceNotAuthenticatedException or NotSupportedException or ProtocolException or CommandException;
}
