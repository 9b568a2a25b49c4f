using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>
/// The transactional outbox's first half (docs/decisions/0028): a change writes its notifications in its own
/// transaction, with the ids of rows the same save creates, and a change that fails writes none.
/// </summary>
public sealed class PlannerTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public PlannerTests(AppFactory app) => _app = app;

    private async Task<(int WardId, ApplicationUser Manager, ApplicationUser Councillor, ApplicationUser Partner)> WorldAsync()
    {
        var area = await _app.Data.CreateAreaAsync();
        var ward = await _app.Data.CreateWardAsync(area.Id);
        var manager = await _app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id]);
        var councillor = await _app.Data.CreateUserAsync(Roles.Councillor, wardIds: [ward.Id]);
        var organisation = await _app.Data.CreateOrganisationAsync();
        var partner = await _app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: organisation.Id);
        return (ward.Id, manager, councillor, partner);
    }

    private Task<List<Notification>> NotificationsAboutIssueAsync(int issueId) =>
        _app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.IssueId == issueId).OrderBy(n => n.Id).ToListAsync());

    [Fact]
    public async Task Triage_to_an_owner_tells_the_owner_and_the_person_who_raised_it_but_not_the_actor()
    {
        var (wardId, manager, councillor, partner) = await WorldAsync();
        var issue = await _app.Data.CreateIssueAsync(wardId, councillor.Id);
        Assert.Empty(await NotificationsAboutIssueAsync(issue.Id));

        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Issues.SingleAsync(i => i.Id == issue.Id);
            tracked.Triage(IssueLevel.Partnership, "Needs partners", new Assignment(OwnerId: partner.Id, OwnerName: partner.DisplayName), manager.Id, DateTime.UtcNow, 28);
            await db.SaveChangesAsync();
        });

        var notifications = await NotificationsAboutIssueAsync(issue.Id);
        var assigned = Assert.Single(notifications, n => n.Kind == NotificationKind.IssueAssigned);
        Assert.Equal(partner.Id, assigned.RecipientUserId);
        Assert.Equal(manager.Id, assigned.ActorId);
        Assert.Equal(NotificationState.Pending, assigned.State);
        var status = Assert.Single(notifications, n => n.Kind == NotificationKind.RaisedIssueStatusChanged);
        Assert.Equal(councillor.Id, status.RecipientUserId);
        Assert.Equal("Triaged", status.Detail);
        Assert.Equal(2, notifications.Count);
    }

    [Fact]
    public async Task Nobody_is_told_about_their_own_change()
    {
        var (wardId, manager, _, _) = await WorldAsync();
        var issue = await _app.Data.CreateIssueAsync(wardId, manager.Id);

        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Issues.SingleAsync(i => i.Id == issue.Id);
            tracked.Triage(IssueLevel.Partnership, "Mine", new Assignment(OwnerId: manager.Id, OwnerName: manager.DisplayName), manager.Id, DateTime.UtcNow, 28);
            await db.SaveChangesAsync();
        });

        Assert.Empty(await NotificationsAboutIssueAsync(issue.Id));
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_notification()
    {
        var (wardId, manager, councillor, partner) = await WorldAsync();
        var issue = await _app.Data.CreateIssueAsync(wardId, councillor.Id);

        // Someone else changes the issue first: this save is refused as a conflict, and so tells nobody.
        await _app.WithDbAsync(db => db.Issues.Where(i => i.Id == issue.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, Guid.NewGuid())));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => _app.WithDbAsync(async db =>
        {
            var stale = await db.Issues.SingleAsync(i => i.Id == issue.Id);
            db.Entry(stale).Property(i => i.Version).OriginalValue = issue.Version;
            stale.Triage(IssueLevel.Partnership, "Too late", new Assignment(OwnerId: partner.Id, OwnerName: partner.DisplayName), manager.Id, DateTime.UtcNow, 28);
            await db.SaveChangesAsync();
        }));

        Assert.Empty(await NotificationsAboutIssueAsync(issue.Id));
        Assert.Null(await _app.WithDbAsync(db => db.Issues.Where(i => i.Id == issue.Id).Select(i => i.OwnerId).SingleAsync()));
    }

    [Fact]
    public async Task A_new_meetings_invitees_are_told_with_the_meetings_id_and_a_change_or_cancellation_tells_everyone_invited()
    {
        var (_, manager, councillor, partner) = await WorldAsync();
        var areaId = await _app.WithDbAsync(db => db.UserAreas.Where(u => u.UserId == manager.Id).Select(u => u.AreaId).SingleAsync());
        var now = DateTime.UtcNow;
        var meetingId = await _app.WithDbAsync(async db =>
        {
            var meeting = new Meeting(MeetingType.Partnership, "Spring partnership meeting", areaId, null, null,
                new MeetingTime(now.AddDays(10), now.AddDays(10).AddHours(2)), "Council House", null, null, false, null, false, manager.Id, now);
            meeting.Invite(new Invitee(partner.Id, partner.DisplayName, false), false, manager.Id, now);
            meeting.Invite(new Invitee(manager.Id, manager.DisplayName, false), false, manager.Id, now);
            meeting.InviteGuest("Sam Guest", "Residents' group", "sam.guest@example.org", false, manager.Id, now);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        var invitations = await _app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.MeetingId == meetingId).ToListAsync());
        Assert.All(invitations, n => Assert.Equal(NotificationKind.MeetingInvitation, n.Kind));
        Assert.Equal(2, invitations.Count); // the partner and the guest; not the manager who invited themselves
        Assert.Contains(invitations, n => n.RecipientUserId == partner.Id);
        Assert.Contains(invitations, n => n.RecipientEmail == "sam.guest@example.org" && n.RecipientName == "Sam Guest");

        await _app.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            meeting.Cancel("The hall is flooded", manager.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var cancelled = await _app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.MeetingId == meetingId && n.Kind == NotificationKind.MeetingCancelled));
        Assert.Null(cancelled.RecipientUserId); // every invitee, worked out when sending
        Assert.Equal(manager.Id, cancelled.ActorId);
    }

    [Fact]
    public async Task An_action_tells_its_owner_when_added_and_when_given_to_someone_else()
    {
        var (wardId, manager, councillor, partner) = await WorldAsync();
        var issue = await _app.Data.CreateIssueAsync(wardId, councillor.Id);
        var actionId = await _app.WithDbAsync(async db =>
        {
            var action = new PlanAction("Clear the alley", partner.Id, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), null, null, issue.Id);
            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });

        var first = await _app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.PlanActionId == actionId));
        Assert.Equal((NotificationKind.ActionAssigned, partner.Id, issue.Id), (first.Kind, first.RecipientUserId, first.IssueId));

        await _app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
            action.Change("Clear the alley", manager.Id, action.DueOn, issue.Id);
            await db.SaveChangesAsync();
        });
        var all = await _app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.PlanActionId == actionId).OrderBy(n => n.Id).ToListAsync());
        Assert.Equal([partner.Id, manager.Id], all.Select(n => n.RecipientUserId!.Value));
    }
}
