namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>Registers the notification machinery: options, the composer, each step and the background worker.</summary>
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
        return services;
    }
}
