using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Actions;

/// <summary>
/// <see cref="IssueWorld"/> plus a task group in area A, led by the police user and set up by area A's
/// manager, with the street cleansing user as a member and a housing partner who is a member too; a
/// Level 2 issue linked to the group; and a partner from another organisation who is not a member.
/// </summary>
public sealed class ActionWorld
{
    private ActionWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public TaskGroup Group { get; private set; } = null!;

    public Issue Issue { get; private set; } = null!;

    /// <summary>A member of the group (street cleansing): owns the actions in most tests.</summary>
    public ApplicationUser Member => People.CleansingUser;

    /// <summary>The group's lead (police).</summary>
    public ApplicationUser Lead => People.PoliceUser;

    /// <summary>Another member (housing), who owns nothing.</summary>
    public ApplicationUser OtherMember { get; private set; } = null!;

    /// <summary>A partner user who is not a member of the group.</summary>
    public ApplicationUser Outsider { get; private set; } = null!;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<ActionWorld> CreateAsync(AppFactory app)
    {
        var world = new ActionWorld(await IssueWorld.CreateAsync(app));
        var housing = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.Housing);
        var fire = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.FireAndRescue);
        world.OtherMember = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: housing.Id);
        world.Outsider = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: fire.Id);
        world.Group = await world.People.CreateTaskGroupAsync(app);
        await AddMemberAsync(app, world.Group.Id, world.Member, world.People.AreaManagerA.Id);
        await AddMemberAsync(app, world.Group.Id, world.OtherMember, world.People.AreaManagerA.Id);
        var group = world.Group;
        world.Issue = await world.People.IssueAsync(app, issue =>
        {
            world.People.AtLevel2(issue);
            issue.LinkToTaskGroup(group.Id, group.Name, group.AreaId, world.People.AreaManagerA.Id, DateTime.UtcNow.AddDays(-1));
        });
        return world;
    }

    public static Task AddMemberAsync(AppFactory app, int groupId, ApplicationUser user, int actorId) =>
        app.WithDbAsync(async db =>
        {
            var group = await db.TaskGroups.Include(g => g.Members).SingleAsync(g => g.Id == groupId);
            group.AddMember(user.Id, user.DisplayName, actorId, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    public static Task RemoveMemberAsync(AppFactory app, int groupId, ApplicationUser user, int actorId) =>
        app.WithDbAsync(async db =>
        {
            var group = await db.TaskGroups.Include(g => g.Members).SingleAsync(g => g.Id == groupId);
            group.RemoveMember(user.Id, user.DisplayName, actorId, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    /// <summary>An action in the group (by default owned by <see cref="Member"/>, due in a week, serving the issue), then <paramref name="then"/>.</summary>
    public Task<PlanAction> ActionAsync(AppFactory app, string? description = null, int? ownerId = null, DateOnly? dueOn = null, bool linked = true,
        int? groupId = null, Action<PlanAction>? then = null) =>
        app.WithDbAsync(async db =>
        {
            var action = new PlanAction(description ?? TestData.Unique("Visit the households on Williams Street"), ownerId ?? Member.Id,
                dueOn ?? Today.AddDays(7), groupId ?? Group.Id, meetingId: null, linked ? Issue.Id : null);
            then?.Invoke(action);
            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            return action;
        });

    /// <summary>Moves the action on through its own method, as its owner would.</summary>
    public Action<PlanAction> Marked(PlanActionStatus status, string? reason = null) =>
        action => action.PostUpdate(null, status, reason, Today, Member.Id, DateTime.UtcNow);

    /// <summary>Closes the group (every action must be done or cancelled first).</summary>
    public static Task CloseAsync(AppFactory app, int groupId, int actorId) =>
        app.WithDbAsync(async db =>
        {
            var group = await db.TaskGroups.SingleAsync(g => g.Id == groupId);
            var actions = await db.PlanActions.Where(a => a.TaskGroupId == groupId).ToListAsync();
            group.Close("Done what we set out to do", actions, actorId, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    public static Task<PlanAction> StoredActionAsync(AppFactory app, int actionId) =>
        app.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.Id == actionId));

    public static Task<List<PlanActionUpdate>> UpdatesAsync(AppFactory app, int actionId) =>
        app.WithDbAsync(db => db.PlanActionUpdates.AsNoTracking().Where(u => u.PlanActionId == actionId).OrderBy(u => u.Id).ToListAsync());

    /// <summary>The group's stored timeline, oldest first.</summary>
    public static Task<List<TaskGroupEvent>> GroupEventsAsync(AppFactory app, int groupId) =>
        app.WithDbAsync(db => db.TaskGroupEvents.AsNoTracking().Where(e => e.TaskGroupId == groupId).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The three fields of a GOV.UK date input.</summary>
    public static KeyValuePair<string, string>[] Due(DateOnly date) =>
        [new("DueDay", IssueWorld.Id(date.Day)), new("DueMonth", IssueWorld.Id(date.Month)), new("DueYear", IssueWorld.Id(date.Year))];

    /// <summary>Posts as someone the form page is refused to: the anti-forgery token from the home page, the version from the database.</summary>
    public static async Task<HttpResponseMessage> ForgeActionPostAsync(AppFactory app, HttpClient client, int actionId, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var version = await app.WithDbAsync(db => db.PlanActions.Where(a => a.Id == actionId).Select(a => a.Version).SingleAsync());
        return await client.PostFormAsync("/", fields.Append(new("Version", version.ToString())), url);
    }
}
