using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.Web.Features.Budgets;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Home;

/// <summary>
/// <see cref="IssueWorld"/> (areas A and B, one person per role scoped to area A / ward A1, the police and street
/// cleansing) and the builders the role homes' tests seed with: issues owned, led or referred as needed and aged by
/// their activity or resolution, meetings at a given time (with or without minutes), quick-win budgets with spends,
/// and task group actions. Each test seeds what it counts and what would change the count if a rule leaked.
/// </summary>
public sealed class HomeWorld
{
    private HomeWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public static DateOnly Today => UkTime.DateOf(DateTime.UtcNow);

    public static async Task<HomeWorld> CreateAsync(AppFactory app) => new(await IssueWorld.CreateAsync(app));

    /// <summary>An issue in the ward (A1 by default), triaged at <paramref name="level"/> with this assignment, by area A's manager.</summary>
    public Task<Issue> TriagedAsync(AppFactory app, IssueLevel level, Assignment assignment, int? wardId = null, bool confidential = false, Action<Issue>? then = null) =>
        People.IssueAsync(app, issue =>
        {
            issue.Triage(level, "Triaged for the home page", assignment, People.AreaManagerA.Id, DateTime.UtcNow.AddDays(-2), 30);
            then?.Invoke(issue);
        }, wardId, confidential);

    public Assignment OwnedBy(ApplicationUser owner) => new(owner.Id, owner.DisplayName);

    public Assignment LedByPolice(ApplicationUser owner) => new(owner.Id, owner.DisplayName, People.Police.Id, People.Police.Name);

    public Assignment LedByCleansing => new(People.CleansingUser.Id, People.CleansingUser.DisplayName, People.Cleansing.Id, People.Cleansing.Name);

    public Assignment ReferredToPolice => new(ReferredOrganisationId: People.Police.Id, ReferredOrganisationName: People.Police.Name, FollowUpOn: Today.AddDays(7));

    public void Resolve(Issue issue) => issue.Resolve("Sorted", People.AreaManagerA.Id, DateTime.UtcNow.AddDays(-1));

    /// <summary>Sets when the issue was last updated (a column only the domain sets).</summary>
    public static Task LastUpdatedAsync(AppFactory app, Issue issue, DateTime at) =>
        IssueWorld.UpdateIssueAsync(app, issue.Id, s => s.SetProperty(i => i.LastActivityAt, at));

    /// <summary>Sets when the issue was resolved, and its last update to then.</summary>
    public static Task ResolvedOnAsync(AppFactory app, Issue issue, DateTime at) =>
        IssueWorld.UpdateIssueAsync(app, issue.Id, s => s.SetProperty(i => i.ResolvedAt, at).SetProperty(i => i.LastActivityAt, at));

    /// <summary>Sets when the issue was raised.</summary>
    public static Task RaisedOnAsync(AppFactory app, Issue issue, DateTime at) =>
        IssueWorld.UpdateIssueAsync(app, issue.Id, s => s.SetProperty(i => i.RaisedAt, at));

    /// <summary>
    /// A meeting of the area (none: a borough meeting) starting at <paramref name="startsAt"/> for an hour, inviting
    /// <paramref name="invitees"/>, then <paramref name="then"/> (given the saved meeting, e.g. to minute or cancel it).
    /// </summary>
    public Task<Meeting> MeetingAsync(AppFactory app, int? areaId, DateTime startsAt, string title, ApplicationUser[]? invitees = null, Action<Meeting>? then = null) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var type = areaId is null ? MeetingType.OperationsGroup : MeetingType.Partnership;
            var meeting = new Meeting(type, title, areaId, null, null, new MeetingTime(startsAt, startsAt.AddHours(1)), "Civic Centre", null, null,
                isConfidential: false, null, alreadyHappened: startsAt < now, People.AreaManagerA.Id, now.AddMinutes(-1));
            foreach (var person in invitees ?? [])
            {
                meeting.Invite(new Invitee(person.Id, person.DisplayName, false), false, People.AreaManagerA.Id, now);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            if (then is not null)
            {
                then(meeting);
                await db.SaveChangesAsync();
            }

            return meeting;
        });

    /// <summary>Minutes under an agenda item only (no general minutes): the meeting is minuted all the same.</summary>
    public Task MinuteAnItemAsync(AppFactory app, int meetingId) =>
        app.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.Include(m => m.AgendaItems).SingleAsync(m => m.Id == meetingId);
            var item = meeting.AddAgendaItem("Welcome", null, null, People.AreaManagerA.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
            meeting.RecordMinutes(null, new Dictionary<int, string?> { [item.Id] = "Everyone welcomed" }, false, null, People.AreaManagerA.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    /// <summary>An area's quick-win budget for a financial year, with these spends recorded against it.</summary>
    public Task<QuickWinBudget> BudgetAsync(AppFactory app, int areaId, FinancialYear year, decimal allocation, params decimal[] spends) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var budget = new QuickWinBudget(areaId, year, allocation);
            db.QuickWinBudgets.Add(budget);
            await db.SaveChangesAsync();
            db.AllocationChanges.Add(budget.FirstAllocation(People.PartnershipManager.Id, now));
            await db.SaveChangesAsync();
            foreach (var amount in spends)
            {
                var tracked = await db.QuickWinBudgets.AsNoTracking().SingleAsync(b => b.Id == budget.Id);
                var spend = tracked.Spend(new SpendDetails(amount, year.Starts, "Skip hire", "Quick win", null, false, null), null, People.AreaManagerA.Id, now);
                await LedgerStore.AppendAsync(db, spend, CancellationToken.None);
            }

            return budget;
        });

    /// <summary>An action in the group, owned by <paramref name="owner"/>, due on the day; done if <paramref name="done"/>.</summary>
    public Task<PlanAction> ActionAsync(AppFactory app, int groupId, ApplicationUser owner, string description, DateOnly dueOn, bool done = false) =>
        app.WithDbAsync(async db =>
        {
            var action = new PlanAction(description, owner.Id, dueOn, groupId, meetingId: null);
            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            if (done)
            {
                db.PlanActionUpdates.Add(action.PostUpdate("Finished", PlanActionStatus.Done, null, Today, owner.Id, DateTime.UtcNow));
                await db.SaveChangesAsync();
            }

            return action;
        });

    /// <summary>A fresh person with this role and no areas, wards or data: every section shows its empty state.</summary>
    public static Task<ApplicationUser> LonelyAsync(AppFactory app, string role, int? areaId = null, int? wardId = null, int? organisationId = null) =>
        app.Data.CreateUserAsync(role, areaIds: areaId is { } a ? [a] : [], wardIds: wardId is { } w ? [w] : [], organisationId: organisationId);
}
