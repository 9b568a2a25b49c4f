using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Infrastructure;

/// <summary>Small builders for test data, saved through the app's own DbContext and UserManager.</summary>
public sealed class TestData(IServiceProvider services)
{
    public const string Password = "Correct-Horse-Battery-Staple";

    private static int _counter;

    public static string Unique(string prefix) => $"{prefix} {Interlocked.Increment(ref _counter)}";

    public async Task<Area> CreateAreaAsync(string? name = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var area = new Area(name ?? Unique("Area"));
        db.Areas.Add(area);
        await db.SaveChangesAsync();
        return area;
    }

    public async Task<Ward> CreateWardAsync(int areaId, string? name = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ward = new Ward(name ?? Unique("Ward"), areaId);
        db.Wards.Add(ward);
        await db.SaveChangesAsync();
        return ward;
    }

    public async Task<Organisation> CreateOrganisationAsync(string? name = null, OrganisationKind kind = OrganisationKind.Police)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisation = new Organisation(name ?? Unique("Organisation"), kind, isFrontLineService: false, frontLineContact: null);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    public async Task<ApplicationUser> CreateUserAsync(
        string role,
        int[]? areaIds = null,
        int[]? wardIds = null,
        int? organisationId = null,
        string? email = null,
        string? password = Password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser(email ?? $"{Guid.NewGuid():N}@test.walsall.test", Unique("Person"))
        {
            EmailConfirmed = true,
            OrganisationId = organisationId,
            CreatedAt = DateTime.UtcNow,
        };
        user.SetAreas(areaIds ?? []);
        user.SetWards(wardIds ?? []);
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }

    private static int _issueNumber;

    /// <summary>
    /// A New issue in the ward, raised by the user, then whatever <paramref name="then"/> does to it
    /// through its own methods (triage, notes…). References use the year 2099 so they never meet real ones.
    /// </summary>
    public async Task<Issue> CreateIssueAsync(int wardId, int raisedById, bool confidential = false, Action<Issue>? then = null, string? title = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ward = await db.Wards.SingleAsync(w => w.Id == wardId);
        var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
        var issue = new Issue($"AP-2099-{Interlocked.Increment(ref _issueNumber):00000}", title ?? Unique("Issue"), "Something needs doing.", ward,
            category.Id, IssueSource.Councillor, raisedById, DateTime.UtcNow.AddDays(-3))
        {
            IsConfidential = confidential,
        };
        then?.Invoke(issue);
        db.Issues.Add(issue);
        await db.SaveChangesAsync();
        return issue;
    }
}
