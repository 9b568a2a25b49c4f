using System.Diagnostics;
using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure.Database;
using AreaPartnerships.Web.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Infrastructure.Cli;

/// <summary>
/// <c>dotnet run -c Release --project src/AreaPartnerships.Web -- generate --issues 1000000 --events-per-issue 10
/// --seed 42 --database PATH [--as-of 2026-11-29] [--allow-real-data]</c>: fills a SQLite database with realistic
/// synthetic data (areas, wards, organisations, users, task groups, issues and their timelines) for load and
/// performance testing. SQLite only: the SQL Server provider is out of scope for the generator.
/// <para>
/// Every generated user signs in with the published password <see cref="Password"/>: a generated database is
/// for testing only, never for real work. The schema is the app's own (migrated by EF Core first); the rows
/// are then written by raw ADO.NET in large transactions, in the same text forms EF Core uses in SQLite, so
/// the app reads them exactly as its own (docs/decisions/0021-data-generator.md).
/// </para>
/// <para>
/// Deterministic: the same seed and <c>--as-of</c> date give identical rows in every table written (ids,
/// text, dates, statuses, versions), password hashes apart (they are salted). Refuses a database holding any
/// issue raised by a person who is not a generated user unless <c>--allow-real-data</c>, and always refuses
/// one already holding generated data.
/// </para>
/// </summary>
public static class GenerateCommand
{
    public const string Verb = "generate";

    /// <summary>Generated users, and only they, have e-mail addresses in this domain (how generated data is recognised).</summary>
    public const string EmailDomain = "generated.example";

    /// <summary>Every generated user's password (published: generated databases are for testing only).</summary>
    public const string Password = "Generated-data-only-2026";

    public const string Usage =
        $"Usage: {Verb} --issues <count> --events-per-issue <average> --seed <number> --database <path to a SQLite file> " +
        "[--as-of yyyy-mm-dd] [--allow-real-data]\n" +
        "Fills a SQLite database (created if missing; SQLite only) with synthetic data for testing. " +
        $"Every generated user's password is {Password}: never use a generated database for real work.";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>What to generate.</summary>
    /// <param name="AsOf">The UK date the data is "as of": issues are raised over the ten years before it.</param>
    public sealed record Options(int Issues, int EventsPerIssue, int Seed, string DatabasePath, DateOnly AsOf, bool AllowRealData);

    /// <summary>What was written, for the summary and the tests.</summary>
    public sealed record Result(int Areas, int Wards, int Organisations, int Users, int Issues, long Events, int TaskGroups, TimeSpan Elapsed);

    /// <summary>The accounts the benchmark and people testing by hand sign in as.</summary>
    public static readonly IReadOnlyList<(string Email, string What)> WellKnownAccounts =
    [
        ($"admin@{GeneratedText.Domain}", "administrator"),
        ($"partnership.manager@{GeneratedText.Domain}", "partnership manager"),
        ($"area.manager.1@{GeneratedText.Domain}", "area manager of the first generated area"),
        ($"support.officer.1@{GeneratedText.Domain}", "support officer in the first generated area"),
        ($"councillor.1@{GeneratedText.Domain}", "councillor for the first generated ward"),
        ($"partner.1@{GeneratedText.Domain}", "partner user (first organisation) with a confidentiality agreement"),
    ];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!TryParse(args, DateOnly.FromDateTime(UkTime.FromUtc(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)),
                out var options, out var problem))
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var result = await GenerateAsync(options, Console.Out);
            await Console.Out.WriteLineAsync(
                $"Generated {result.Issues:N0} issues, {result.Events:N0} timeline events, {result.Users:N0} users, {result.Areas} areas, " +
                $"{result.Wards} wards, {result.Organisations} organisations and {result.TaskGroups} task groups in {result.Elapsed.TotalSeconds:N1} s " +
                $"into {Path.GetFullPath(options.DatabasePath)}.");
            await Console.Out.WriteLineAsync($"Sign in with the password {Password} (testing only) as:");
            foreach (var (email, what) in WellKnownAccounts)
            {
                await Console.Out.WriteLineAsync($"  {email,-45} {what}");
            }

            return 0;
        }
        catch (RefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    /// <summary>Reads the options; <paramref name="today"/> (the UK date) is the default as-of date.</summary>
    public static bool TryParse(string[] args, DateOnly today, out Options options, out string problem)
    {
        options = null!;
        problem = string.Empty;
        var issues = Option(args, "--issues");
        var events = Option(args, "--events-per-issue");
        var seed = Option(args, "--seed");
        var database = Option(args, "--database");
        var asOf = Option(args, "--as-of");
        if (!int.TryParse(issues, CultureInfo.InvariantCulture, out var issueCount) || issueCount < 0)
        {
            problem = "--issues must be a whole number, 0 or more";
            return false;
        }

        if (!int.TryParse(events, CultureInfo.InvariantCulture, out var eventsPerIssue) || eventsPerIssue < 1)
        {
            problem = "--events-per-issue must be a whole number, 1 or more";
            return false;
        }

        if (!int.TryParse(seed, CultureInfo.InvariantCulture, out var seedValue))
        {
            problem = "--seed must be a whole number";
            return false;
        }

        if (string.IsNullOrWhiteSpace(database))
        {
            problem = "--database must name the SQLite file to fill";
            return false;
        }

        var asOfDate = today;
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOfDate))
        {
            problem = "--as-of must be a date written yyyy-mm-dd";
            return false;
        }

        options = new Options(issueCount, eventsPerIssue, seedValue, database, asOfDate, args.Contains("--allow-real-data"));
        return true;
    }

    /// <summary>
    /// Migrates the database and adds the reference data through the app's own code, checks it may be filled,
    /// then loads it and finishes it (<see cref="FinishAsync"/>). Throws <see cref="RefusedException"/> when the
    /// database holds real or already generated data.
    /// </summary>
    public static async Task<Result> GenerateAsync(Options options, TextWriter output, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var fullPath = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // No pooling: every connection really closes, so the journal mode can be changed for the load.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = false }.ToString();
        await MigrateAsync(connectionString, ct);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await RefuseUnlessEmptyOfRealDataAsync(connection, options.AllowRealData, ct);

        output.WriteLine($"Generating {options.Issues:N0} issues (about {options.EventsPerIssue} timeline events each) into {fullPath}, seed {options.Seed}, as of {options.AsOf:yyyy-MM-dd}");
        // For the load only (these settings belong to this connection, or are put back by FinishAsync): no rollback
        // journal on disk, no fsync, a big cache, and no foreign-key lookups (every reference is made consistent
        // here, and the tests check them with foreign_key_check).
        await ExecuteAsync(connection, "PRAGMA foreign_keys=OFF; PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", ct);

        var run = new GeneratorRun(connection, options, output);
        var indexes = await DropIndexesAsync(connection, ct);
        try
        {
            run.Load();
        }
        finally
        {
            // Rebuilt from their own saved SQL, loaded or not: building each once is far faster than keeping ~20 up to date row by row.
            output.WriteLine($"Rebuilding {indexes.Count} indexes on Issues and IssueEvents ({stopwatch.Elapsed.TotalSeconds:N0} s so far)");
            foreach (var sql in indexes)
            {
                await ExecuteAsync(connection, sql, CancellationToken.None);
            }
        }

        output.WriteLine($"Counting the dashboard summaries ({stopwatch.Elapsed.TotalSeconds:N0} s so far)");
        await WithContextAsync(connectionString, db => IssueSummaries.RebuildAsync(db, ct));
        await WithContextAsync(connectionString, db => Domain.CostAvoidance.ValueSummaries.RebuildAsync(db, ct));
        await FinishAsync(connection, run, ct);
        stopwatch.Stop();
        return run.Summary(stopwatch.Elapsed);
    }

    /// <summary>
    /// The last step, after every row is in: sets each year's reference counter to the highest number used (so a
    /// newly raised issue never collides), refreshes the planner's statistics, and puts the database back in WAL
    /// mode as the app runs it. Anything derived from the loaded rows (a summary table) is rebuilt here.
    /// </summary>
    public static async Task FinishAsync(SqliteConnection connection, GeneratorRun run, CancellationToken ct = default)
    {
        await using (var transaction = connection.BeginTransaction())
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO "ReferenceCounters" ("Year", "LastNumber", "Version") VALUES ($year, $last, '00000000-0000-0000-0000-000000000000')
                ON CONFLICT ("Year") DO UPDATE SET "LastNumber" = MAX("LastNumber", excluded."LastNumber")
                """;
            var year = command.Parameters.Add("$year", SqliteType.Integer);
            var last = command.Parameters.Add("$last", SqliteType.Integer);
            foreach (var (y, n) in run.LastReferenceNumbers)
            {
                year.Value = y;
                last.Value = n;
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        // The issue counts summary, from the rows just loaded (the app keeps it from here on, save by save).
        await using (var transaction = connection.BeginTransaction())
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Domain.Issues.IssueCount.RebuildSql;
            await command.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await ExecuteAsync(connection, "ANALYZE;", ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", ct);
    }

    private static Task MigrateAsync(string connectionString, CancellationToken ct) =>
        WithContextAsync(connectionString, async (db, services) =>
        {
            await db.Database.MigrateAsync(ct);
            await ReferenceData.EnsureAsync(db, services.GetRequiredService<RoleManager<ApplicationRole>>());
        });

    private static Task WithContextAsync(string connectionString, Func<AppDbContext, Task> work) =>
        WithContextAsync(connectionString, (db, _) => work(db));

    /// <summary>Runs <paramref name="work"/> with the app's own context (and Identity) on the generated file.</summary>
    private static async Task WithContextAsync(string connectionString, Func<AppDbContext, IServiceProvider, Task> work)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{DatabaseSetup.Sqlite}"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<AppDbContext>(o => DatabaseSetup.Configure(o, DatabaseSetup.Sqlite, configuration, Directory.GetCurrentDirectory()));
        services.AddIdentityCore<ApplicationUser>().AddRoles<ApplicationRole>().AddEntityFrameworkStores<AppDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider);
    }

    /// <summary>Real data is any issue raised by someone outside the generated domain; generated data is any generated user.</summary>
    private static async Task RefuseUnlessEmptyOfRealDataAsync(SqliteConnection connection, bool allowRealData, CancellationToken ct)
    {
        var generatedUsers = await ScalarAsync(connection,
            $"""SELECT COUNT(*) FROM "AspNetUsers" WHERE "NormalizedEmail" LIKE '%@{GeneratedText.Domain.ToUpperInvariant()}'""", ct);
        if (generatedUsers > 0)
        {
            throw new RefusedException("The database already holds generated data: generate into a new file.");
        }

        var realIssues = await ScalarAsync(connection,
            $"""
            SELECT COUNT(*) FROM "Issues" i JOIN "AspNetUsers" u ON u."Id" = i."RaisedById"
            WHERE COALESCE(u."NormalizedEmail", '') NOT LIKE '%@{GeneratedText.Domain.ToUpperInvariant()}'
            """, ct);
        if (realIssues > 0 && !allowRealData)
        {
            throw new RefusedException(
                $"The database holds {realIssues:N0} issues raised by people who are not generated users (real or demo data). " +
                "Refusing to add generated data to it: use a new file, or add --allow-real-data if you really mean to mix them.");
        }
    }

    /// <summary>Drops the secondary indexes of the two big tables and returns the SQL that recreates them.</summary>
    private static async Task<List<string>> DropIndexesAsync(SqliteConnection connection, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT "name", "sql" FROM sqlite_master
                WHERE type = 'index' AND tbl_name IN ('Issues', 'IssueEvents') AND sql IS NOT NULL ORDER BY "name"
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
        }

        return [.. indexes.Select(i => i.Sql)];
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL built from constants only
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constants, and index definitions read back from the database's own schema
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>The database may not be filled (it holds real or generated data): exit code 1 with the message.</summary>
    public sealed class RefusedException(string message) : Exception(message);
}
