using System.Diagnostics;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Platform;

/// <summary>The first administrator in Production is made from the command line, with no demo data anywhere.</summary>
public sealed class CreateAdminCommandTests : IDisposable
{
    private const string Password = "Lantern-Orchard-Bicycle-42";
    private readonly string _folder = Directory.CreateTempSubdirectory("ap-cli-").FullName;

    private string DatabasePath => Path.Combine(_folder, "production.db");

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={DatabasePath}";
        start.Environment["AP_ADMIN_PASSWORD"] = Password;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={DatabasePath}").Options;
        await using var db = new AppDbContext(options);
        return await query(db);
    }

    [Fact]
    public async Task Create_admin_makes_an_administrator_and_never_prints_or_logs_the_password()
    {
        var (exitCode, output) = await RunAsync("create-admin", "--email", "first.admin@walsall.test", "--name", "First Admin");

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        var logs = Directory.Exists(Path.Combine(_folder, "logs"))
            ? string.Concat(Directory.GetFiles(Path.Combine(_folder, "logs")).Select(File.ReadAllText))
            : string.Empty;
        Assert.DoesNotContain(Password, logs, StringComparison.Ordinal);

        var admin = await WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal("first.admin@walsall.test", admin.Email);
        var roles = await WithDbAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Administrator], roles);
        Assert.Equal(0, await WithDbAsync(db => db.Areas.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.Issues.CountAsync()));
    }

    [Fact]
    public async Task Create_admin_without_an_email_explains_its_usage()
    {
        var (exitCode, output) = await RunAsync("create-admin", "--name", "No Email");

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: create-admin", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
