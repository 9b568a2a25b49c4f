using AreaPartnerships.Domain.Meetings;
using static AreaPartnerships.IntegrationTests.Meetings.MeetingRecordWorld;

namespace AreaPartnerships.IntegrationTests.Meetings;

/// <summary>Approving the minutes (the chair or a manager of the area) and the lock that follows: only the area manager changes them, with a reason on the timeline.</summary>
public sealed class MeetingApprovalRecordTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_chair_approves_the_minutes_and_the_page_says_who_and_when()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var chair = world.People.PoliceUser;
        await Issues.IssueWorld.RecordAgreementAsync(app, chair.Id, world.People.AreaManagerA.Id);
        var meeting = await world.MeetingAsync(app, chairUserId: chair.Id, invitees: [chair]);
        var client = app.ClientFor(chair.Id);

        Redirected(await PostAsync(client, meeting.Id, "approve"), $"/meetings/{meeting.Id}#approval");

        var stored = await StoredAsync(app, meeting.Id);
        Assert.Equal(chair.Id, stored.MinutesApprovedById);
        var page = await client.GetDocumentAsync(Papers(meeting.Id));
        Assert.Equal($"Minutes approved by {chair.DisplayName} on {Web.Infrastructure.UkFormat.Date(stored.MinutesApprovedAt!.Value)}.",
            page.QuerySelector("[data-testid=approved]")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=approve-form]"));
    }

    [Fact]
    public async Task The_area_manager_approves_and_the_support_officer_may_not()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var support = app.ClientFor(world.People.SupportOfficerA.Id);

        Assert.Null((await support.GetDocumentAsync(Papers(meeting.Id))).QuerySelector("[data-testid=approve-form]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(support, meeting.Id, "approve")).StatusCode);
        Assert.Null((await StoredAsync(app, meeting.Id)).MinutesApprovedAt);

        Redirected(await PostAsync(app.ClientFor(world.People.AreaManagerA.Id), meeting.Id, "approve"), $"/meetings/{meeting.Id}#approval");
        Assert.Equal(world.People.AreaManagerA.Id, (await StoredAsync(app, meeting.Id)).MinutesApprovedById);
    }

    [Fact]
    public async Task Minutes_cannot_be_approved_before_the_meeting_starts()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, started: false);

        var refused = await RefusedAsync(await PostAsync(app.ClientFor(world.People.AreaManagerA.Id), meeting.Id, "approve"));

        Assert.Equal(["The meeting has not started yet: its minutes cannot be approved"], Html.ErrorSummary(refused));
    }

    [Fact]
    public async Task Approved_minutes_are_refused_to_the_support_officer_need_a_reason_from_the_area_manager_and_the_reason_is_on_the_timeline()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, then: m => m.RecordMinutes("Quorate.", new Dictionary<int, string?>(), false, null, m.CreatedById, DateTime.UtcNow));
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var support = app.ClientFor(world.People.SupportOfficerA.Id);
        Redirected(await PostAsync(manager, meeting.Id, "approve"), $"/meetings/{meeting.Id}#approval");
        var version = (await StoredAsync(app, meeting.Id)).Version.ToString();

        var supportPage = await support.GetDocumentAsync(Papers(meeting.Id));
        var bySupport = await ForgeAsync(support, meeting.Id, "minutes", Field("Version", version), Field("Minutes", "Changed by support"));
        var managerPage = await manager.GetDocumentAsync(Papers(meeting.Id));
        var withoutReason = await RefusedAsync(await PostAsync(manager, meeting.Id, "minutes", Field("Version", version), Field("Minutes", "Quorate, with the police.")));
        var withReason = await PostAsync(manager, meeting.Id, "minutes", Field("Version", version), Field("Minutes", "Quorate, with the police."),
            Field("AmendReason", "The police attended but were left out"));

        Assert.Null(supportPage.QuerySelector("[data-testid=minutes-form]"));
        Assert.Null(supportPage.QuerySelector("[data-testid=decision-form]"));
        Assert.Null(supportPage.QuerySelector("[data-testid=add-agenda-item]"));
        Assert.Equal(HttpStatusCode.Forbidden, bySupport.StatusCode);
        Assert.NotNull(managerPage.QuerySelector("[data-testid=minutes-form] input[name=AmendReason]"));
        Assert.Equal(["The minutes are approved: enter why you are changing them"], Html.ErrorSummary(withoutReason));
        Assert.NotNull(withoutReason.QuerySelector("#AmendReason"));
        Assert.Equal("Quorate, with the police.", withoutReason.QuerySelector("#Minutes")?.TextContent);
        Redirected(withReason, $"/meetings/{meeting.Id}#minutes");
        Assert.Equal("Quorate, with the police.", (await StoredAsync(app, meeting.Id)).Minutes);
        var change = Assert.Single(await EventsAsync(app, meeting.Id), e => e.Summary == "Approved minutes changed");
        Assert.Equal("The police attended but were left out", change.Body);
        var timeline = (await manager.GetDocumentAsync(Papers(meeting.Id))).QuerySelector("[data-testid=meeting-timeline]")!.TextContent;
        Assert.Contains("The police attended but were left out", timeline);
    }

    [Fact]
    public async Task The_agenda_is_closed_once_the_minutes_are_approved()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, then: m => m.ApproveMinutes(m.CreatedById, DateTime.UtcNow));
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        var refused = await RefusedAsync(await ForgeAsync(manager, meeting.Id, "agenda", Field("ItemTitle", "Late item")));

        Assert.Equal(["The minutes are approved: the agenda can no longer change"], Html.ErrorSummary(refused));
        Assert.Empty((await StoredAsync(app, meeting.Id)).AgendaItems);
        Assert.Equal(MeetingStatus.Scheduled, (await StoredAsync(app, meeting.Id)).Status);
    }
}
