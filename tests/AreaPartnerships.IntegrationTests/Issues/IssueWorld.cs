using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// Two areas and the people around them, for the issue tests: area A (wards A1, A2) and area B (ward B1);
/// a front-line street cleansing service and the police; one user per role, scoped to area A / ward A1.
/// </summary>
public sealed class IssueWorld
{
    private IssueWorld()
    {
    }

    public int AreaA { get; private set; }

    public int AreaB { get; private set; }

    public int WardA1 { get; private set; }

    public int WardA2 { get; private set; }

    public int WardB1 { get; private set; }

    public Organisation Cleansing { get; private set; } = null!;

    public Organisation Police { get; private set; } = null!;

    public ApplicationUser PartnershipManager { get; private set; } = null!;

    public ApplicationUser AreaManagerA { get; private set; } = null!;

    public ApplicationUser AreaManagerB { get; private set; } = null!;

    public ApplicationUser SupportOfficerA { get; private set; } = null!;

    public ApplicationUser CouncillorA1 { get; private set; } = null!;

    public ApplicationUser PoliceUser { get; private set; } = null!;

    public ApplicationUser CleansingUser { get; private set; } = null!;

    public static async Task<IssueWorld> CreateAsync(AppFactory app)
    {
        var world = new IssueWorld();
        var a = await app.Data.CreateAreaAsync();
        var b = await app.Data.CreateAreaAsync();
        world.AreaA = a.Id;
        world.AreaB = b.Id;
        world.WardA1 = (await app.Data.CreateWardAsync(a.Id)).Id;
        world.WardA2 = (await app.Data.CreateWardAsync(a.Id)).Id;
        world.WardB1 = (await app.Data.CreateWardAsync(b.Id)).Id;
        world.Police = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.Police);
        world.Cleansing = await app.WithDbAsync(async db =>
        {
            var cleansing = new Organisation(TestData.Unique("Street Cleansing"), OrganisationKind.CouncilService, isFrontLineService: true, "Call 01922 650000");
            db.Organisations.Add(cleansing);
            await db.SaveChangesAsync();
            var flyTipping = await db.Categories.SingleAsync(c => c.Code == "fly-tipping");
            flyTipping.SetFrontLineService(cleansing.Id);
            await db.SaveChangesAsync();
            return cleansing;
        });
        world.PartnershipManager = await app.Data.CreateUserAsync(Roles.PartnershipManager);
        world.AreaManagerA = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [a.Id]);
        world.AreaManagerB = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [b.Id]);
        world.SupportOfficerA = await app.Data.CreateUserAsync(Roles.SupportOfficer, areaIds: [a.Id]);
        world.CouncillorA1 = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [world.WardA1]);
        world.PoliceUser = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: world.Police.Id);
        world.CleansingUser = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: world.Cleansing.Id);
        return world;
    }

    public Assignment PoliceLead => new(PoliceUser.Id, PoliceUser.DisplayName, Police.Id, Police.Name);

    public Assignment ReferToCleansing => new(ReferredOrganisationId: Cleansing.Id, ReferredOrganisationName: Cleansing.Name, FollowUpOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));

    public static async Task RecordAgreementAsync(AppFactory app, int userId, int recordedById) =>
        await app.WithDbAsync(async db =>
        {
            db.ConfidentialityAgreements.Add(new ConfidentialityAgreement(userId, DateOnly.FromDateTime(DateTime.UtcNow), "v1", recordedById, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

    public static Task<T> ReadAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> read) => app.WithDbAsync(read);

    /// <summary>An active task group in the area, led by <paramref name="lead"/> (a partner user), with these members.</summary>
    public static async Task<TaskGroup> CreateTaskGroupAsync(AppFactory app, int areaId, ApplicationUser lead, params ApplicationUser[] members) =>
        await app.WithDbAsync(async db =>
        {
            var group = new TaskGroup(areaId, TestData.Unique("Task group"), lead.OrganisationId!.Value, lead.Id, ledByPartner: true,
                DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3), DateTime.UtcNow);
            db.TaskGroups.Add(group);
            await db.SaveChangesAsync();
            db.TaskGroupMembers.AddRange(members.Select(m => new TaskGroupMember { TaskGroupId = group.Id, UserId = m.Id, JoinedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync();
            return group;
        });

    /// <summary>Sets columns only the domain sets (raised and activity times, target, category, source), for list tests.</summary>
    public static Task UpdateIssueAsync(AppFactory app, int issueId, Action<UpdateSettersBuilder<Issue>> set) =>
        app.WithDbAsync(db => db.Issues.Where(i => i.Id == issueId).ExecuteUpdateAsync(set));
}
