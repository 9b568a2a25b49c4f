using AreaPartnerships.Domain;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Infrastructure.Database;

/// <summary>
/// Chooses the database provider (<c>Database:Provider</c> = Sqlite, the embedded default, or SqlServer)
/// and points EF Core at that provider's migrations project. Migrating and seeding at start-up is on by
/// default; turn <c>Database:MigrateOnStartup</c> off where a deployment step migrates instead.
/// Demo data is seeded in Development (<c>Database:SeedDemoData</c>), never in Production.
/// </summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? Sqlite;
        var sqliteSettings = SqliteSettings.From(configuration);
        // One queue for the process's writers (docs/decisions/0030): a writer waits its turn no longer than SQLite would.
        var writeGate = new SqliteWriteGate(TimeSpan.FromMilliseconds(sqliteSettings.BusyTimeoutMs));

        // Contexts are pooled, and their options built once: building the options read the configuration and created
        // the database's folder, and creating a context with its services was about a fifth of a kept home's time (wall-clock
        // profiles). A pooled context is reset when its request ends; AppDbContext holds no state of its own beyond a save.
        services.AddDbContextPool<AppDbContext>(options =>
        {
            Configure(options, provider, configuration, contentRoot);
            if (provider == Sqlite)
            {
                options.AddInterceptors(sqliteSettings, writeGate);
            }
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string provider, IConfiguration configuration, string contentRoot)
    {
        switch (provider)
        {
            case Sqlite:
                options.UseSqlite(SqliteConnectionString(configuration, contentRoot),
                    o => o.MigrationsAssembly("AreaPartnerships.Migrations.Sqlite"));
                break;
            case SqlServer:
                var connection = configuration.GetConnectionString(SqlServer)
                    ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set.");
                options.UseSqlServer(connection, o => o.MigrationsAssembly("AreaPartnerships.Migrations.SqlServer"));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{SqlServer}', not '{provider}'.");
        }
    }

    /// <summary>
    /// <c>ConnectionStrings:Sqlite</c> if set, else a file at <c>Database:SqlitePath</c>
    /// (default <c>App_Data/area-partnerships.db</c> under the content root). The folder is created.
    /// </summary>
    public static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var explicitConnection = configuration.GetConnectionString(Sqlite);
        if (!string.IsNullOrWhiteSpace(explicitConnection))
        {
            return explicitConnection;
        }

        var path = configuration["Database:SqlitePath"] ?? Path.Combine("App_Data", "area-partnerships.db");
        var fullPath = Path.GetFullPath(path, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString();
    }

    /// <summary>Migrations after which the issue summaries are counted afresh from the issues (one rebuild, however many are pending).</summary>
    private static readonly string[] IssueSummaryRecounts =
        ["_DashboardSummariesWardFiguresHighlightReports", "_BoroughMonthCounts", "_OpenIssueCountsUndatedAndBorough", "_SummaryKeysAreaFirst"];

    public static async Task MigrateAndSeedAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var migrated = false;
        if (configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            migrated = pending.Count > 0;
            await db.Database.MigrateAsync();

            // The migration that created the dashboard summaries left them empty, and later ones changed nothing but
            // what they hold: count them once from the issues already there (from here on every save keeps them).
            if (pending.Any(m => IssueSummaryRecounts.Any(name => m.EndsWith(name, StringComparison.Ordinal))))
            {
                await IssueSummaries.RebuildAsync(db);
            }

            // Likewise the value-for-money summary, from the ledger, costs and estimates already there.
            if (pending.Any(m => m.EndsWith("_ValueMonthTotals", StringComparison.Ordinal)))
            {
                await ValueSummaries.RebuildAsync(db);
            }
        }

        await ReferenceData.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<RoleManager<ApplicationRole>>());

        // Demo users have a published password: never in Production, whatever the configuration says.
        if (!environment.IsProduction() && configuration.GetValue("Database:SeedDemoData", defaultValue: environment.IsDevelopment()))
        {
            await DemoData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(),
                scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }

        if (migrated && db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // A migration that adds an index leaves SQLite's planner without statistics for it, and at scale it then
            // picks it wrongly (seen at 10M issues: a 10M-row index scan for the borough's overdue counts). A sampled
            // ANALYZE (about 1,000 rows an index) takes milliseconds even on a very large file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;");
        }
    }
}
