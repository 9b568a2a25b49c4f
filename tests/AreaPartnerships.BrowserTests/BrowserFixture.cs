using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AreaPartnerships.BrowserTests;

/// <summary>
/// The real app on Kestrel (a loopback port), over its own SQLite file seeded with the demo data, and
/// Debian's Chromium driven by Playwright (never Playwright's own browser download: none is possible here).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ap-browser-{Guid.NewGuid():N}.db");

    /// <summary>The file outbox the app writes its e-mails to (the embedded default transport), in the temp folder.</summary>
    public string OutboxFolder { get; } = Path.Combine(Path.GetTempPath(), $"ap-browser-outbox-{Guid.NewGuid():N}");
    private AppServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = new AppServer(_databasePath, OutboxFolder);
        _server.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _server.StartServer();
        BaseUrl = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
        if (Directory.Exists(OutboxFolder))
        {
            Directory.Delete(OutboxFolder, recursive: true);
        }
    }

    private sealed class AppServer(string databasePath, string outboxFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
            builder.UseSetting("Database:SeedDemoData", "true");
            builder.UseSetting("Mail:Transport", "File");
            builder.UseSetting("Mail:FileFolder", outboxFolder);
            builder.UseSetting("Notifications:PollSeconds", "1");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
