using AreaPartnerships.Domain;
using AreaPartnerships.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Platform;

/// <summary>
/// Each provider has its own migrations set. No SQL Server runs here, so the SQL Server side is proven
/// without a server: the model has no changes its migrations lack, and the create and migration scripts
/// generate from the model.
/// </summary>
public sealed class MigrationsTests
{
    private static AppDbContext ContextFor(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = "Data Source=:memory:",
            ["ConnectionStrings:SqlServer"] = "Server=127.0.0.1;Database=AreaPartnerships;User Id=ci;Password=unused;TrustServerCertificate=True",
        }).Build();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, configuration, Path.GetTempPath());
        return new AppDbContext(options.Options);
    }

    [Theory]
    [InlineData(DatabaseSetup.Sqlite)]
    [InlineData(DatabaseSetup.SqlServer)]
    public void Neither_migrations_set_lags_behind_the_model(string provider)
    {
        using var db = ContextFor(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lack model changes: run scripts/add-migration.sh");
    }

    [Fact]
    public void The_SQL_Server_create_script_generates_from_the_model()
    {
        using var db = ContextFor(DatabaseSetup.SqlServer);

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE [Issues]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Issues_Reference]", script, StringComparison.Ordinal);
        Assert.Contains("decimal(18,2)", script, StringComparison.Ordinal);
        Assert.Contains("[Version] uniqueidentifier NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SQL_Server_migration_script_generates_from_its_migrations()
    {
        using var db = ContextFor(DatabaseSetup.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script, StringComparison.Ordinal);
    }

    /// <summary>A start-up that applied migrations leaves the planner statistics for the indexes they made (decision 0023).</summary>
    [Fact]
    public async Task Starting_up_after_migrating_refreshes_the_planner_statistics()
    {
        using var app = new AppFactory();
        _ = app.Services;

        var indexesWithStatistics = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("""SELECT "idx" AS "Value" FROM "sqlite_stat1" WHERE "tbl" = 'Categories'""").ToListAsync());

        Assert.Contains("IX_Categories_Code", indexesWithStatistics);
    }

    [Fact]
    public async Task The_SQLite_migrations_build_a_working_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ap-migrate-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={path}", o => o.MigrationsAssembly("AreaPartnerships.Migrations.Sqlite")).Options;
        try
        {
            await using var db = new AppDbContext(options);
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Issues.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
