using System.Security.Cryptography;
using System.Text;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Cli;
using Microsoft.Data.Sqlite;

namespace AreaPartnerships.IntegrationTests.Cli;

/// <summary>
/// The data generator (issue 10) on a small size: what it writes, that it writes the same again for the same seed,
/// that it refuses real data, and that the app runs over what it wrote. Its speed is measured by the benchmark,
/// not here (decision 0006).
/// </summary>
public sealed class GenerateCommandTests : IDisposable
{
    private const int Issues = 2_000;
    private static readonly DateOnly AsOf = new(2026, 11, 29);
    private readonly List<string> _files = [];

    [Fact]
    public async Task Writes_the_expected_places_people_issues_and_timelines()
    {
        var path = NewPath();

        var result = await GenerateAsync(path, seed: 42);

        Assert.Equal(Issues, result.Issues);
        Assert.Equal(Issues, await CountAsync(path, "Issues"));
        Assert.Equal(result.Events, await CountAsync(path, "IssueEvents"));
        Assert.InRange(result.Events, Issues * 8L, Issues * 12L);
        Assert.Equal(40, await CountAsync(path, "Areas"));
        Assert.Equal(240, await CountAsync(path, "Wards"));
        Assert.Equal(25, await CountAsync(path, "Organisations"));

        // 1 administrator, 1 partnership manager, an area manager and a support officer per area, 2 councillors per ward, 3 partners per organisation.
        Assert.Equal(1 + 1 + 40 + 40 + (240 * 2) + (25 * 3), await CountAsync(path, "AspNetUsers"));
        Assert.Equal(await CountAsync(path, "AspNetUsers"), await CountAsync(path, "AspNetUserRoles"));
        Assert.Equal(120, await CountAsync(path, "TaskGroups"));

        // Meetings in every area and at borough level, past ones recorded, the next few weeks' scheduled, each with invitees and an agenda.
        Assert.Equal(40, await ScalarAsync(path, """SELECT COUNT(DISTINCT "AreaId") FROM "Meetings" """));
        Assert.True(await ScalarAsync(path, """SELECT COUNT(*) FROM "Meetings" WHERE "AreaId" IS NULL AND "Type" = 5""") > 0);
        Assert.True(await ScalarAsync(path, """SELECT COUNT(*) FROM "Meetings" WHERE "StartsAt" >= '2026-11-29' AND "Minutes" IS NULL""") > 0);
        Assert.Equal(0, await ScalarAsync(path, """SELECT COUNT(*) FROM "Meetings" WHERE "StartsAt" < '2026-11-29' AND "Minutes" IS NULL"""));
        Assert.Equal(0, await ScalarAsync(path, """SELECT COUNT(*) FROM "Meetings" m WHERE NOT EXISTS (SELECT 1 FROM "MeetingAttendees" a WHERE a."MeetingId" = m."Id")"""));
        Assert.Equal(0, await ScalarAsync(path, """SELECT COUNT(*) FROM "Meetings" m WHERE NOT EXISTS (SELECT 1 FROM "AgendaItems" a WHERE a."MeetingId" = m."Id")"""));

        // A quick-win budget per area and year, each with its first allocation, its running total equal to its ledger and never past the allocation.
        Assert.Equal(40 * 11, await CountAsync(path, "QuickWinBudgets"));
        Assert.Equal(await CountAsync(path, "QuickWinBudgets"), await CountAsync(path, "AllocationChanges"));
        Assert.True(await CountAsync(path, "QuickWinSpends") > 40 * 10 * 20);
        Assert.Equal(0, await ScalarAsync(path, """
            SELECT COUNT(*) FROM "QuickWinBudgets" b
            WHERE ABS(CAST(b."Spent" AS REAL) - COALESCE((SELECT SUM(CAST(s."Amount" AS REAL)) FROM "QuickWinSpends" s WHERE s."BudgetId" = b."Id"), 0)) > 0.001
               OR CAST(b."Spent" AS REAL) > CAST(b."Allocation" AS REAL)
            """));

        // Costs on some triaged issues and estimates on fewer, each estimate's total equal to its lines, every cost and line on the issue's timeline.
        Assert.True(await CountAsync(path, "UnitCosts") >= 8);
        Assert.InRange(await CountAsync(path, "IssueCosts"), Issues / 100, Issues / 10);
        Assert.InRange(await CountAsync(path, "CostEstimates"), Issues / 200, Issues / 20);
        Assert.Equal(0, await ScalarAsync(path, """
            SELECT COUNT(*) FROM "CostEstimates" e
            WHERE ABS(CAST(e."Avoided" AS REAL) - (SELECT SUM(CAST(l."Amount" AS REAL)) FROM "EstimateLines" l WHERE l."CostEstimateId" = e."Id")) > 0.001
            """));
        Assert.Equal(await CountAsync(path, "IssueCosts"), await ScalarAsync(path, """SELECT COUNT(*) FROM "IssueEvents" WHERE "Kind" = 20"""));
        Assert.Equal(await CountAsync(path, "EstimateLines"), await ScalarAsync(path, """SELECT COUNT(*) FROM "IssueEvents" WHERE "Kind" = 17"""));

        // Every issue starts with Raised, its last activity is its latest entry, and nothing happens after the as-of date.
        Assert.Equal(0, await ScalarAsync(path, """
            SELECT COUNT(*) FROM "Issues" i WHERE "LastActivityAt" <> (SELECT MAX("OccurredAt") FROM "IssueEvents" e WHERE e."IssueId" = i."Id")
               OR (SELECT "Kind" FROM "IssueEvents" e WHERE e."IssueId" = i."Id" ORDER BY "OccurredAt", "Id" LIMIT 1) <> 1
            """));
        Assert.Equal(0, await ScalarAsync(path, """SELECT COUNT(*) FROM "IssueEvents" WHERE "OccurredAt" >= '2026-11-29'"""));

        // A mix: most closed or resolved, a few still open (some overdue), confidential ones, step ups, referrals, task groups.
        Assert.InRange(await ScalarAsync(path, """SELECT COUNT(*) FROM "Issues" WHERE "Status" IN (1, 2, 3)"""), 1, Issues / 10);
        Assert.True(await ScalarAsync(path, """SELECT COUNT(*) FROM "Issues" WHERE "Status" IN (1, 2, 3) AND "TargetDate" < '2026-11-29'""") > 0);
        Assert.InRange(await ScalarAsync(path, """SELECT COUNT(*) FROM "Issues" WHERE "IsConfidential" = 1"""), Issues / 20, Issues / 5);
        Assert.True(await ScalarAsync(path, """SELECT SUM("StepUpCount") FROM "Issues" """) > 0);
        Assert.True(await ScalarAsync(path, """SELECT COUNT(*) FROM "Issues" WHERE "ReferredOrganisationId" IS NOT NULL AND "FollowUpOn" IS NOT NULL""") > 0);
        Assert.True(await ScalarAsync(path, """SELECT COUNT(*) FROM "Issues" WHERE "TaskGroupId" IS NOT NULL""") > 0);

        // The issue counts summary equals the straight count of what was loaded.
        Assert.Equal(Issues, await ScalarAsync(path, """SELECT SUM("Total") FROM "IssueCounts" """));
        Assert.Equal(0, await ScalarAsync(path, """
            SELECT COUNT(*) FROM (
                SELECT "AreaId", "WardId", "Status", COALESCE("Level", 0) AS "Level", "IsConfidential", COUNT(*) AS "Total" FROM "Issues"
                GROUP BY "AreaId", "WardId", "Status", COALESCE("Level", 0), "IsConfidential"
                EXCEPT SELECT "AreaId", "WardId", "Status", "Level", "IsConfidential", "Total" FROM "IssueCounts")
            """));

        // Every reference resolves (foreign keys are not checked during the load itself).
        Assert.Equal(0, await ScalarAsync(path, "SELECT COUNT(*) FROM pragma_foreign_key_check"));

        // Each year's counter is the highest number used, so the next issue raised takes a new reference.
        Assert.Equal(0, await ScalarAsync(path, """
            SELECT COUNT(*) FROM "ReferenceCounters" c
            WHERE c."LastNumber" <> (SELECT MAX(CAST(substr("Reference", 9) AS INTEGER)) FROM "Issues" WHERE substr("Reference", 4, 4) = CAST(c."Year" AS TEXT))
            """));
    }

    [Fact]
    public async Task Same_seed_and_date_write_the_same_rows_and_another_seed_does_not()
    {
        var first = NewPath();
        var second = NewPath();
        var other = NewPath();

        await GenerateAsync(first, seed: 7);
        await GenerateAsync(second, seed: 7);
        await GenerateAsync(other, seed: 8);

        foreach (var table in new[] { "Issues", "IssueEvents", "TaskGroups", "TaskGroupEvents", "PlanActions", "Meetings", "MeetingAttendees" })
        {
            Assert.Equal(await HashAsync(first, table), await HashAsync(second, table));
        }

        // Users too, all but the salted password hash.
        Assert.Equal(await HashAsync(first, "AspNetUsers", "PasswordHash"), await HashAsync(second, "AspNetUsers", "PasswordHash"));
        Assert.NotEqual(await HashAsync(first, "Issues"), await HashAsync(other, "Issues"));
        Assert.NotEqual(await HashAsync(first, "IssueEvents"), await HashAsync(other, "IssueEvents"));
    }

    [Fact]
    public async Task Refuses_a_database_holding_real_issues_unless_allowed_and_never_generates_twice()
    {
        await using var app = new AppFactory();
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var councillor = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [ward.Id]);
        var real = await app.Data.CreateIssueAsync(ward.Id, councillor.Id);
        SqliteConnection.ClearAllPools();
        var indexes = await HashOfQueryAsync(app.DatabasePath, "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name");

        var refused = await Assert.ThrowsAsync<GenerateCommand.RefusedException>(() => GenerateAsync(app.DatabasePath, seed: 1, issues: 10));
        Assert.Contains("--allow-real-data", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(app.DatabasePath, "Issues"));

        var mixed = await GenerateAsync(app.DatabasePath, seed: 1, issues: 10, allowRealData: true);
        Assert.Equal(10, mixed.Issues);
        Assert.Equal(11, await CountAsync(app.DatabasePath, "Issues"));
        Assert.Equal(indexes, await HashOfQueryAsync(app.DatabasePath, "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"));
        Assert.Equal(real.Reference, await StringAsync(app.DatabasePath, """SELECT "Reference" FROM "Issues" ORDER BY "Id" LIMIT 1"""));

        var again = await Assert.ThrowsAsync<GenerateCommand.RefusedException>(() => GenerateAsync(app.DatabasePath, seed: 2, issues: 10, allowRealData: true));
        Assert.Contains("new file", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_runs_over_a_generated_database_and_its_people_sign_in_through_the_real_form()
    {
        var path = NewPath();
        await GenerateAsync(path, seed: 42);
        var newest = await StringAsync(path, """SELECT "Reference" FROM "Issues" ORDER BY "RaisedAt" DESC, "Id" DESC LIMIT 1""");
        var deepest = await StringAsync(path, """SELECT i."Reference" FROM "Issues" i ORDER BY (SELECT COUNT(*) FROM "IssueEvents" e WHERE e."IssueId" = i."Id") DESC LIMIT 1""");
        var deepestTitle = await StringAsync(path, $"""SELECT "Title" FROM "Issues" WHERE "Reference" = '{deepest}'""");
        _files.Remove(path);
        await using var app = AppFactory.Over(path);

        var manager = app.BrowserLikeClient();
        var signedIn = await manager.SignInThroughFormAsync($"partnership.manager@{GenerateCommand.EmailDomain}", GenerateCommand.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var list = await manager.GetDocumentAsync("/issues");
        Assert.Contains(newest, list.Body!.TextContent, StringComparison.Ordinal);
        var issue = await manager.GetDocumentAsync($"/issues/{deepest}");
        Assert.Contains(deepestTitle, issue.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Raised", issue.Body!.TextContent, StringComparison.Ordinal);
        await manager.GetDocumentAsync("/");

        foreach (var email in new[] { "area.manager.1", "support.officer.1", "councillor.1", "partner.1", "admin" })
        {
            var client = app.BrowserLikeClient();
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInThroughFormAsync($"{email}@{GenerateCommand.EmailDomain}", GenerateCommand.Password)).StatusCode);
            await client.GetDocumentAsync("/");
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in _files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            File.Delete(file);
        }
    }

    private string NewPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ap-generated-{Guid.NewGuid():N}.db");
        _files.Add(path);
        return path;
    }

    private static Task<GenerateCommand.Result> GenerateAsync(string path, int seed, int issues = Issues, bool allowRealData = false) =>
        GenerateCommand.GenerateAsync(new GenerateCommand.Options(issues, 10, seed, path, AsOf, allowRealData), TextWriter.Null);

    private static Task<long> CountAsync(string path, string table) => ScalarAsync(path, $"SELECT COUNT(*) FROM \"{table}\"");

    private static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> StringAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A hash of every row of the table in id order (leaving out the column <paramref name="except"/>).</summary>
    private static Task<string> HashAsync(string path, string table, string? except = null) =>
        HashOfQueryAsync(path, $"SELECT * FROM \"{table}\" ORDER BY \"Id\"", except);

    private static async Task<string> HashOfQueryAsync(string path, string sql, string? except = null)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetName(i) != except)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes($"{(reader.IsDBNull(i) ? "∅" : reader.GetValue(i))}\u001f"));
                }
            }

            hash.AppendData("\u001e"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
