using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Features.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>The delivery tests' world: an instance of the app sending through the test SMTP server, and outbox messages written straight into the database.</summary>
public static class DeliveryWorld
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// An instance of the app over <paramref name="app"/>'s database, sending through <paramref name="smtp"/> and telling
    /// the time by <paramref name="clock"/>. Each call is a fresh instance (its own host and services): disposing one
    /// and making another over the same database is a restart.
    /// </summary>
    public static WebApplicationFactory<Program> SendingThrough(this AppFactory app, SmtpServerFixture smtp, TimeProvider clock,
        string instance = "instance-1", int maxAttempts = 8, int batchSize = 20, Action<IWebHostBuilder>? more = null) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Mail:Transport", "Smtp");
            b.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            b.UseSetting("Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Mail:Smtp:Security", "None");
            b.UseSetting("Mail:Smtp:TimeoutSeconds", "10");
            b.UseSetting("Notifications:InstanceName", instance);
            b.UseSetting("Notifications:MaxAttempts", maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Notifications:BatchSize", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.ConfigureServices(s => s.AddSingleton(clock));
            more?.Invoke(b);
        });

    /// <summary>One pass of the outbox sender in a scope of its own (as the worker runs it): how many it sent.</summary>
    public static async Task<int> SendOnceAsync(this WebApplicationFactory<Program> instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Writes e-mails into the outbox as the composer would (not yet sent, due now by <paramref name="clock"/>).</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> AddMessagesAsync(this WebApplicationFactory<Program> instance, TestClock clock, params string[] addresses)
    {
        var messages = addresses.Select(a => new OutboxMessage(NotificationKind.IssueAssigned, a, "Pat Example",
            $"Issue WAL-2099-{TestData.Unique("x").Split(' ')[1]} has been assigned to you", "Dear Pat,\n\nAn issue has been assigned to you.\n\n--\nFooter", clock.UtcNow)).ToList();
        await WithDbAsync(instance, async db =>
        {
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
        });
        return messages;
    }

    public static async Task<OutboxMessage> MessageAsync(this WebApplicationFactory<Program> instance, long id) =>
        await WithDbAsync(instance, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    public static async Task WithDbAsync(this WebApplicationFactory<Program> instance, Func<AppDbContext, Task> action)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task<T> WithDbAsync<T>(this WebApplicationFactory<Program> instance, Func<AppDbContext, Task<T>> action)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A client of this instance signed in (by the test scheme) as a new user with the role.</summary>
    public static async Task<HttpClient> ClientAsAsync(this WebApplicationFactory<Program> instance, string role, int? organisationId = null)
    {
        var user = await new TestData(instance.Services).CreateUserAsync(role, organisationId: organisationId);
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client;
    }

    public static string Address(string who) => $"{who}.{Guid.NewGuid():N}@partners.example.org";
}
