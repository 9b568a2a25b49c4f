using System.Net.Mail;
using AreaPartnerships.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Notifications;

/// <summary>
/// What the administrator sets for every e-mail: who it is from, the footer, and the service's own address (the
/// start of every link). One row (<see cref="SingletonId"/>); until an administrator saves, the defaults stand.
/// </summary>
public class MailSettings : IVersioned
{
    public const int SingletonId = 1;
    public const int FooterMaxLength = 1000;

    public MailSettings(string? senderName, string? senderAddress, string? footer, string? serviceAddress)
    {
        SenderName = null!;
        SenderAddress = null!;
        Footer = null!;
        ServiceAddress = null!;
        Change(senderName, senderAddress, footer, serviceAddress);
    }

    private MailSettings()
    {
        SenderName = null!;
        SenderAddress = null!;
        Footer = null!;
        ServiceAddress = null!;
    }

    public int Id { get; private set; } = SingletonId;

    public string SenderName { get; private set; }

    public string SenderAddress { get; private set; }

    public string Footer { get; private set; }

    /// <summary>The service's address as people reach it, e.g. https://areapartnerships.walsall.gov.uk (no trailing slash).</summary>
    public string ServiceAddress { get; private set; }

    public Guid Version { get; set; }

    public static MailSettings Defaults() => new(
        "Area Partnerships", "area.partnerships@example.gov.uk",
        "You are receiving this because you use Area Partnerships. Choose which e-mails you get on your notification settings page.",
        "http://localhost:5080");

    public void Change(string? senderName, string? senderAddress, string? footer, string? serviceAddress)
    {
        SenderName = Guard.Required(senderName, "Enter the sender's name", nameof(SenderName), 100);
        var address = Guard.Required(senderAddress, "Enter the sender's e-mail address", nameof(SenderAddress), 256);
        if (!IsEmailAddress(address))
        {
            throw new DomainException("Enter the sender's e-mail address in the correct format, like name@example.gov.uk", nameof(SenderAddress));
        }

        SenderAddress = address;
        Footer = Guard.Required(footer, "Enter the footer", nameof(Footer), FooterMaxLength);
        var service = Guard.Required(serviceAddress, "Enter the service's address", nameof(ServiceAddress), 200).TrimEnd('/');
        if (!Uri.TryCreate(service, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new DomainException("Enter the service's address as a web address, like https://areapartnerships.example.gov.uk", nameof(ServiceAddress));
        }

        ServiceAddress = service;
    }

    /// <summary>
    /// The one rule for an e-mail address anywhere in the product (users, guests, the sender): one @, something
    /// before it, a dot in the domain, no spaces, and nothing .NET's mail parser refuses.
    /// </summary>
    public static bool IsEmailAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 256 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }

        var domain = value[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;
    }
}

internal sealed class MailSettingsConfiguration : IEntityTypeConfiguration<MailSettings>
{
    public void Configure(EntityTypeBuilder<MailSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.SenderName).HasMaxLength(100);
        b.Property(s => s.SenderAddress).HasMaxLength(256);
        b.Property(s => s.Footer).HasMaxLength(MailSettings.FooterMaxLength);
        b.Property(s => s.ServiceAddress).HasMaxLength(200);
    }
}
