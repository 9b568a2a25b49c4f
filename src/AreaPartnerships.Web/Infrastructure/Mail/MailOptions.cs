namespace AreaPartnerships.Web.Infrastructure.Mail;

/// <summary>How e-mail leaves the service (appsettings section <c>Mail</c>; docs/decisions/0028).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary><see cref="MailTransportKind.File"/> (the default: no mail server needed) or <see cref="MailTransportKind.Smtp"/>.</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.File;

    /// <summary>Where the file transport writes <c>.eml</c> files: relative to the content root unless absolute. Created if missing.</summary>
    public string FileFolder { get; set; } = Path.Combine("App_Data", "outbox");

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The file outbox's full path.</summary>
    public string FileFolderPath(string contentRoot) => Path.GetFullPath(FileFolder, contentRoot);
}

public enum MailTransportKind
{
    File = 0,
    Smtp = 1,
}

/// <summary>The SMTP server (section <c>Mail:Smtp</c>). The user name and password come from user-secrets or the environment, never from a committed file.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one connection, command or send may take before it counts as a (transient) failure.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

public enum SmtpSecurity
{
    /// <summary>Plain text: only for a server on the same machine or a trusted network (and the tests' server).</summary>
    None = 0,

    /// <summary>Connect in plain text and upgrade with STARTTLS, refusing to go on without it (port 587).</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 2,
}
