using System.Net.Sockets;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Infrastructure.Mail;
using MailKit.Net.Smtp;
using MimeKit;

namespace AreaPartnerships.UnitTests.Notifications;

public sealed class SmtpErrorsAreSortedIntoPermanentAndTransient
{
    [Theory]
    [InlineData(SmtpStatusCode.MailboxUnavailable)] // 550
    [InlineData(SmtpStatusCode.MailboxNameNotAllowed)] // 553
    [InlineData(SmtpStatusCode.TransactionFailed)] // 554
    public void A_5xx_answer_is_permanent(SmtpStatusCode status)
    {
        var error = SmtpMailTransport.Classify(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, status, "No such user here"));

        Assert.True(error.Permanent);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Reason, StringComparison.Ordinal);
        Assert.Contains("No such user here", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_4xx_answer_a_refused_connection_a_timeout_and_a_broken_line_are_transient()
    {
        Assert.False(SmtpMailTransport.Classify(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, "Try later")).Permanent);
        Assert.False(SmtpMailTransport.Classify(new SocketException((int)SocketError.ConnectionRefused)).Permanent);
        Assert.False(SmtpMailTransport.Classify(new TimeoutException()).Permanent);
        Assert.False(SmtpMailTransport.Classify(new IOException("Connection reset")).Permanent);
        Assert.False(SmtpMailTransport.Classify(new MailKit.Security.AuthenticationException("Bad password")).Permanent);
    }
}

public sealed class OutboxFileNamesStayInsideTheFolder
{
    [Fact]
    public void A_message_id_becomes_a_file_name_of_safe_characters()
    {
        Assert.Equal("0f3c@area-partnerships.eml", FileMailTransport.FileName("0f3c@area-partnerships"));
        Assert.Equal("_.._etc_passwd.eml", FileMailTransport.FileName("/../etc/passwd"));
        Assert.Equal("_etc.eml", FileMailTransport.FileName("..\\etc"));
        Assert.True(FileMailTransport.IsMessageFileName(FileMailTransport.FileName("../../x")));
    }

    [Theory]
    [InlineData("0f3c@area-partnerships.eml", true)]
    [InlineData("../secret.eml", false)]
    [InlineData("..\\secret.eml", false)]
    [InlineData("sub/secret.eml", false)]
    [InlineData(".hidden.eml", false)]
    [InlineData("..", false)]
    [InlineData("notes.txt", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("a.eml\n", false)]
    public void Only_names_the_transport_writes_are_accepted(string? name, bool accepted) =>
        Assert.Equal(accepted, FileMailTransport.IsMessageFileName(name));
}

public sealed class OutboxMessagesBecomeEmails
{
    private static readonly MailSettings Settings = new("Walsall Area Partnerships", "partnerships@walsall.example.gov.uk", "Footer", "https://ap.example.gov.uk");

    [Fact]
    public void A_message_keeps_its_message_id_subject_text_and_calendar_file()
    {
        var message = new OutboxMessage(NotificationKind.MeetingCancelled, "sam@example.org", "Sam Jones", "Cancelled: meeting", "Dear Sam,\n\nCancelled.", new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc))
        {
            AttachmentName = "meeting.ics",
            AttachmentType = "text/calendar; method=CANCEL",
            Attachment = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n",
        };

        var mail = new MailMessageBuilder().Build(message, Settings);

        Assert.Equal(message.MessageId, mail.MessageId);
        Assert.Equal("\"Walsall Area Partnerships\" <partnerships@walsall.example.gov.uk>", mail.From.ToString());
        Assert.Equal("\"Sam Jones\" <sam@example.org>", mail.To.ToString());
        Assert.Equal("Cancelled: meeting", mail.Subject);
        Assert.Equal("Dear Sam,\n\nCancelled.", mail.TextBody);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), mail.Date);
        var calendar = Assert.IsType<TextPart>(Assert.Single(mail.Attachments));
        Assert.Equal(("text/calendar", "CANCEL", "utf-8", "meeting.ics"),
            (calendar.ContentType.MimeType, calendar.ContentType.Parameters["method"], calendar.ContentType.Charset, calendar.FileName));
        using var bytes = new MemoryStream();
        calendar.Content!.DecodeTo(bytes);
        Assert.Equal(message.Attachment, System.Text.Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public void A_message_without_an_attachment_is_plain_text()
    {
        var mail = new MailMessageBuilder().Build(new OutboxMessage(NotificationKind.IssueAssigned, "sam@example.org", null, "Subject", "Text", DateTime.UtcNow), Settings);

        Assert.IsType<TextPart>(mail.Body);
        Assert.Equal("text/plain", mail.Body.ContentType.MimeType);
    }

    [Fact]
    public void An_address_that_cannot_be_sent_to_is_refused_for_good()
    {
        var error = Assert.Throws<MailDeliveryException>(() =>
            new MailMessageBuilder().Build(new OutboxMessage(NotificationKind.IssueAssigned, "not an address", null, "Subject", "Text", DateTime.UtcNow), Settings));

        Assert.True(error.Permanent);
    }
}
