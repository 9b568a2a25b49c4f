using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.IntegrationTests.Actions;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Meetings;

/// <summary>
/// <see cref="ActionWorld"/> (two areas, one user per role, a task group in area A with its members, a Level 2 issue
/// linked to it) plus meetings made directly through the <see cref="Meeting"/> entity: by default a confidential
/// tasking meeting of area A that started two hours ago (recorded after the event), scheduled by area A's manager.
/// </summary>
public sealed class MeetingRecordWorld
{
    private MeetingRecordWorld(ActionWorld actions) => Actions = actions;

    public ActionWorld Actions { get; }

    public IssueWorld People => Actions.People;

    public static async Task<MeetingRecordWorld> CreateAsync(AppFactory app) => new(await ActionWorld.CreateAsync(app));

    /// <summary>A meeting, then the invitees (councillors confirmed), then <paramref name="then"/>.</summary>
    public Task<Meeting> MeetingAsync(AppFactory app, MeetingType type = MeetingType.Tasking, bool confidential = true, bool started = true,
        bool borough = false, int? chairUserId = null, ApplicationUser[]? invitees = null, Action<Meeting>? then = null) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var startsAt = started ? now.AddHours(-2) : now.AddDays(2);
            var meeting = new Meeting(type, TestData.Unique(borough ? "Operations Group meeting" : "South Walsall tasking meeting"), borough ? null : People.AreaA, null, null,
                new MeetingTime(startsAt, startsAt.AddHours(1)), "Walsall Council House", null, null, confidential, chairUserId, alreadyHappened: started,
                borough ? People.PartnershipManager.Id : People.AreaManagerA.Id, now.AddMinutes(-1));
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            foreach (var person in invitees ?? [])
            {
                var isCouncillor = await db.UserRoles.AnyAsync(ur => ur.UserId == person.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Councillor));
                meeting.Invite(new Invitee(person.Id, person.DisplayName, isCouncillor), confirmedCouncillor: true, People.AreaManagerA.Id, now);
            }

            then?.Invoke(meeting);
            await db.SaveChangesAsync();
            return meeting;
        });

    /// <summary>Adds an agenda item through the entity (an issue's or a group's, or free text).</summary>
    public static Task<AgendaItem> ItemAsync(AppFactory app, int meetingId, string title, int? issueId = null, int? groupId = null) =>
        app.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.Include(m => m.AgendaItems).SingleAsync(m => m.Id == meetingId);
            var item = meeting.AddAgendaItem(title, issueId, groupId, meeting.CreatedById, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return item;
        });

    public static Task<Meeting> StoredAsync(AppFactory app, int meetingId) =>
        app.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.AgendaItems).Include(m => m.Attendees).SingleAsync(m => m.Id == meetingId));

    public static Task<List<MeetingEvent>> EventsAsync(AppFactory app, int meetingId) =>
        app.WithDbAsync(db => db.MeetingEvents.AsNoTracking().Where(e => e.MeetingId == meetingId).OrderBy(e => e.Id).ToListAsync());

    public static string Papers(int meetingId) => $"/meetings/{meetingId}/papers";

    /// <summary>Posts a form of the papers page (its anti-forgery token) to one of the meeting's routes.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, int meetingId, string route, params KeyValuePair<string, string>[] fields) =>
        client.PostFormAsync(Papers(meetingId), fields, $"/meetings/{meetingId}/{route}");

    /// <summary>Posts as someone the papers page is refused to: the anti-forgery token from the home page.</summary>
    public static Task<HttpResponseMessage> ForgeAsync(HttpClient client, int meetingId, string route, params KeyValuePair<string, string>[] fields) =>
        client.PostFormAsync("/", fields, $"/meetings/{meetingId}/{route}");

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    public static KeyValuePair<string, string>[] Due(DateOnly date, string prefix = "ActionDue") =>
        [new($"{prefix}Day", IssueWorld.Id(date.Day)), new($"{prefix}Month", IssueWorld.Id(date.Month)), new($"{prefix}Year", IssueWorld.Id(date.Year))];

    /// <summary>The papers page after a refused post (status 400).</summary>
    public static async Task<IHtmlDocument> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await Html.ReadAsync(response);
    }

    public static void Redirected(HttpResponseMessage response, string to)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(to, response.Headers.Location?.OriginalString);
    }
}
