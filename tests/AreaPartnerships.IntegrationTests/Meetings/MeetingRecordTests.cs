using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AreaPartnerships.IntegrationTests.Meetings.MeetingRecordWorld;

namespace AreaPartnerships.IntegrationTests.Meetings;

/// <summary>Recording a meeting: not before it starts; attendance; minutes under the meeting's version; decisions appended.</summary>
public sealed class MeetingRecordTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Nothing_is_recorded_before_the_meeting_starts()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var partner = world.Actions.Member;
        var meeting = await world.MeetingAsync(app, started: false, invitees: [partner]);
        var attendee = Assert.Single((await StoredAsync(app, meeting.Id)).Attendees);
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        var papers = await manager.GetDocumentAsync(Papers(meeting.Id));
        var attendance = await ForgeAsync(manager, meeting.Id, "attendance", Field($"Attendance[{attendee.Id}]", "Attended"));
        var decision = await ForgeAsync(manager, meeting.Id, "decisions", Field("DecisionText", "Agreed"));

        Assert.NotNull(papers.QuerySelector("[data-testid=records-later]"));
        Assert.Null(papers.QuerySelector("[data-testid=minutes-form]"));
        Assert.Contains("cannot be recorded before it starts", Assert.Single(Html.ErrorSummary(await RefusedAsync(attendance))));
        Assert.Contains("cannot be recorded before it starts", Assert.Single(Html.ErrorSummary(await RefusedAsync(decision))));
        Assert.Equal(Attendance.NotRecorded, Assert.Single((await StoredAsync(app, meeting.Id)).Attendees).Attendance);
        Assert.Equal(0, await app.WithDbAsync(db => db.Decisions.CountAsync(d => d.MeetingId == meeting.Id)));
    }

    [Fact]
    public async Task Attendance_is_recorded_per_invitee_and_shown_to_those_with_the_papers()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var (police, cleansing) = (world.People.PoliceUser, world.Actions.Member);
        await IssueWorld.RecordAgreementAsync(app, police.Id, world.People.AreaManagerA.Id);
        var meeting = await world.MeetingAsync(app, invitees: [police, cleansing]);
        var attendees = (await StoredAsync(app, meeting.Id)).Attendees.ToDictionary(a => a.UserId!.Value, a => a.Id);
        var support = app.ClientFor(world.People.SupportOfficerA.Id);

        var response = await PostAsync(support, meeting.Id, "attendance",
            Field($"Attendance[{attendees[police.Id]}]", "Attended"), Field($"Attendance[{attendees[cleansing.Id]}]", "Apologies"));

        Redirected(response, $"/meetings/{meeting.Id}#attendance");
        var stored = (await StoredAsync(app, meeting.Id)).Attendees.ToDictionary(a => a.UserId!.Value, a => a.Attendance);
        Assert.Equal((Attendance.Attended, Attendance.Apologies), (stored[police.Id], stored[cleansing.Id]));
        var policePage = await app.ClientFor(police.Id).GetDocumentAsync(Papers(meeting.Id));
        Assert.Contains("Apologies", policePage.QuerySelector($"[data-testid=attendee-{attendees[cleansing.Id]}]")!.TextContent);
        Assert.Contains(await EventsAsync(app, meeting.Id), e => e.Summary == "Attendance recorded");
    }

    [Fact]
    public async Task The_second_of_two_people_saving_the_minutes_is_refused_with_who_changed_them_and_what_they_read_and_keeps_their_text()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var item = await ItemAsync(app, meeting.Id, "Williams Street");
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var support = app.ClientFor(world.People.SupportOfficerA.Id);
        var page = await manager.GetDocumentAsync(Papers(meeting.Id));
        var version = page.QuerySelector("[data-testid=minutes-form] input[name=Version]")!.GetAttribute("value")!;

        var first = await PostAsync(manager, meeting.Id, "minutes", Field("Version", version), Field("Minutes", "Quorate."), Field($"Minute[{item.Id}]", "Police to patrol"));
        var second = await PostAsync(support, meeting.Id, "minutes", Field("Version", version), Field("Minutes", "Not quorate."), Field($"Minute[{item.Id}]", "Housing to visit"));

        Redirected(first, $"/meetings/{meeting.Id}#minutes");
        var refused = await RefusedAsync(second);
        var message = Assert.Single(Html.ErrorSummary(refused));
        Assert.Contains($"{world.People.AreaManagerA.DisplayName} changed this meeting's minutes", message);
        Assert.Contains("general minutes ‘Quorate.’", message);
        Assert.Contains("item 1 ‘Police to patrol’", message);
        Assert.Equal("Not quorate.", refused.QuerySelector("#Minutes")?.TextContent);
        Assert.Equal("Housing to visit", refused.QuerySelector($"textarea[name='Minute[{item.Id}]']")?.TextContent);
        var newVersion = refused.QuerySelector("[data-testid=minutes-form] input[name=Version]")!.GetAttribute("value");
        Assert.NotEqual(version, newVersion);

        var stored = await StoredAsync(app, meeting.Id);
        Assert.Equal(("Quorate.", "Police to patrol"), (stored.Minutes, stored.AgendaItems.Single().Minute));

        var again = await PostAsync(support, meeting.Id, "minutes", Field("Version", newVersion!), Field("Minutes", "Not quorate."), Field($"Minute[{item.Id}]", "Housing to visit"));
        Redirected(again, $"/meetings/{meeting.Id}#minutes");
        Assert.Equal("Not quorate.", (await StoredAsync(app, meeting.Id)).Minutes);
    }

    [Fact]
    public async Task An_over_long_minute_is_refused_on_its_field_and_nothing_is_saved()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var item = await ItemAsync(app, meeting.Id, "Williams Street");
        var manager = app.ClientFor(world.People.AreaManagerA.Id);
        var version = (await StoredAsync(app, meeting.Id)).Version.ToString();

        var refused = await RefusedAsync(await PostAsync(manager, meeting.Id, "minutes", Field("Version", version), Field("Minutes", "Kept"),
            Field($"Minute[{item.Id}]", new string('x', AgendaItem.MinuteMaxLength + 1))));

        Assert.Equal([$"Each item's minute must be {AgendaItem.MinuteMaxLength} characters or fewer"], Html.ErrorSummary(refused));
        Assert.Equal("Kept", refused.QuerySelector("#Minutes")?.TextContent);
        Assert.Null((await StoredAsync(app, meeting.Id)).Minutes);
    }

    [Fact]
    public async Task Decisions_are_appended_under_an_item_or_the_meeting()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var item = await ItemAsync(app, meeting.Id, "Williams Street");
        var manager = app.ClientFor(world.People.AreaManagerA.Id);

        Redirected(await PostAsync(manager, meeting.Id, "decisions", Field("DecisionText", "Close the alley at night"), Field("AgendaItemId", IssueWorld.Id(item.Id))),
            $"/meetings/{meeting.Id}#decisions");
        Redirected(await PostAsync(manager, meeting.Id, "decisions", Field("DecisionText", "Meet again in a month"), Field("AgendaItemId", "")),
            $"/meetings/{meeting.Id}#decisions");
        var empty = await RefusedAsync(await PostAsync(manager, meeting.Id, "decisions", Field("DecisionText", "")));

        Assert.Equal(["Enter the decision"], Html.ErrorSummary(empty));
        var decisions = await app.WithDbAsync(db => db.Decisions.AsNoTracking().Where(d => d.MeetingId == meeting.Id).OrderBy(d => d.Id).ToListAsync());
        Assert.Equal([("Close the alley at night", (int?)item.Id), ("Meet again in a month", null)], decisions.Select(d => (d.Text, d.AgendaItemId)));
        var page = await manager.GetDocumentAsync(Papers(meeting.Id));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=decisions] li").Length);
        Assert.Contains("Item 1.", page.QuerySelector("[data-testid=decisions] li")!.TextContent);
    }

    [Fact]
    public async Task Papers_are_not_shown_to_a_councillor_invited_to_a_confidential_meeting_or_a_partner_without_an_agreement()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var (councillor, partner) = (world.People.CouncillorA1, world.Actions.Member);
        var meeting = await world.MeetingAsync(app, invitees: [councillor, partner]);
        await ItemAsync(app, meeting.Id, "Williams Street");

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(councillor.Id).GetAsync(new Uri(Papers(meeting.Id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(partner.Id).GetAsync(new Uri($"/meetings/{meeting.Id}/agenda/print", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(world.Actions.Outsider.Id).GetAsync(new Uri(Papers(meeting.Id), UriKind.Relative))).StatusCode);
        Assert.Null(await LoadAsync(world.People.CouncillorA1.Id, meeting.Id));
        Assert.Null(await LoadAsync(partner.Id, meeting.Id));
    }

    [Fact]
    public async Task A_confidential_meetings_papers_are_shown_to_an_invited_partner_with_an_agreement()
    {
        var world = await MeetingRecordWorld.CreateAsync(app);
        var partner = world.People.PoliceUser;
        await IssueWorld.RecordAgreementAsync(app, partner.Id, world.People.AreaManagerA.Id);
        var meeting = await world.MeetingAsync(app, invitees: [partner]);
        await ItemAsync(app, meeting.Id, "Williams Street");

        var page = await app.ClientFor(partner.Id).GetDocumentAsync(Papers(meeting.Id));

        Assert.Contains("Williams Street", page.QuerySelector("[data-testid=agenda]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=minutes-form]"));
        Assert.NotNull(await LoadAsync(partner.Id, meeting.Id));
    }

    /// <summary>What the meeting page's partial would get (the handler the meeting page calls).</summary>
    private async Task<Web.Features.Meetings.MeetingPapers.Model?> LoadAsync(int userId, int meetingId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Domain.AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        var principal = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Domain.Identity.ApplicationUser>>().CreateAsync(user);
        var viewer = await Web.Infrastructure.Security.Viewer.ForAsync(principal, db, CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<Web.Features.Meetings.MeetingPapers.Handler>().LoadAsync(viewer, meetingId, CancellationToken.None);
    }
}
