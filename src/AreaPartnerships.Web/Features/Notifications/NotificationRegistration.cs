using AreaPartnerships.Web.Infrastructure.Mail;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>Registers the notification machinery: options, the composer, each step, the mail transport and the background worker.</summary>
public static class NotificationRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddScoped<EmailComposer>();
        services.AddScoped<Reminders>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<Digests>();
        services.AddScoped<OutboxSender>();
        services.AddHostedService<NotificationWorker>();

        // Delivery (docs/decisions/0028): the transport named by Mail:Transport (the file outbox unless it says Smtp).
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailMessageBuilder>();
        services.AddSingleton<FileMailTransport>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<IMailTransport>(provider =>
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.Transport == MailTransportKind.Smtp
                ? provider.GetRequiredService<SmtpMailTransport>()
                : provider.GetRequiredService<FileMailTransport>());
        return services;
    }
}
