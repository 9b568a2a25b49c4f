using AreaPartnerships.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AreaPartnerships.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file of its own (migrated by the app's own start-up), in the
/// "Testing" environment (no demo data: tests make what they need with <see cref="TestData"/>).
/// Requests carrying <see cref="TestAuthHandler.UserHeader"/> are signed in as that user with the
/// same claims a real sign-in gives; requests without it use the real cookie sign-in.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public AppFactory()
        : this(Path.Combine(Path.GetTempPath(), $"ap-tests-{Guid.NewGuid():N}.db"))
    {
    }

    private AppFactory(string databasePath) => DatabasePath = databasePath;

    public string DatabasePath { get; }

    /// <summary>Where the file mail transport (the default) writes this app's e-mails: a temporary folder of its own, not the source tree.</summary>
    public string OutboxFolder { get; } = Path.Combine(Path.GetTempPath(), $"ap-outbox-{Guid.NewGuid():N}");

    /// <summary>A second instance of the app over the same database file (the scale-out test).</summary>
    public static AppFactory SharingDatabaseWith(AppFactory other) => new(other.DatabasePath);

    /// <summary>The app over an existing database file (e.g. one the generator filled); the file is deleted with the factory.</summary>
    public static AppFactory Over(string databasePath) => new(databasePath);

    public TestData Data => new(Services);

    /// <summary>Every SQL command the app runs (reset it before the request you measure).</summary>
    public SqlCommandCounter Commands { get; } = new();

    /// <summary>A client signed in as the user (by the test scheme), following no redirects.</summary>
    public HttpClient ClientFor(int userId)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client;
    }

    public HttpClient AnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        builder.UseSetting("Serilog:WriteTo:1:Name", "Console");

        // No background worker: notification tests run its passes themselves (NotificationWorker.RunOnceAsync).
        builder.UseSetting("Notifications:WorkerEnabled", "false");
        builder.UseSetting("Mail:FileFolder", OutboxFolder);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(Commands));
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { })
                .AddPolicyScheme(TestAuthHandler.Selector, TestAuthHandler.Selector, o =>
                    o.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(TestAuthHandler.UserHeader)
                        ? TestAuthHandler.SchemeName
                        : IdentityConstants.ApplicationScheme);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = TestAuthHandler.Selector;
                o.DefaultAuthenticateScheme = TestAuthHandler.Selector;
                o.DefaultChallengeScheme = TestAuthHandler.Selector;
                o.DefaultForbidScheme = TestAuthHandler.Selector;
            });
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                if (Directory.Exists(OutboxFolder))
                {
                    Directory.Delete(OutboxFolder, recursive: true);
                }
            }
            catch (IOException)
            {
                // Left for the OS to clean up with the temp folder.
            }

            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                try
                {
                    File.Delete(DatabasePath + suffix);
                }
                catch (IOException)
                {
                    // Left for the OS to clean up with the temp folder.
                }
            }
        }
    }
}
