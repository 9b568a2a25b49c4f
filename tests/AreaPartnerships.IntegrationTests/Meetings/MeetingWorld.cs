using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Meetings;

/// <summary>
/// The issue tests' two areas and one user per role (<see cref="IssueWorld"/>: area A's manager, support officer and
/// councillor (ward A1), area B's manager, the partnership manager, a police and a street cleansing partner).
/// Meetings are made through the domain, by area A's manager unless said otherwise.
/// </summary>
public sealed class MeetingWorld
{
    private MeetingWorld(IssueWorld people) => People = people;

    public IssueWorld People { get; }

    public int AreaA => People.AreaA;

    public int AreaB => People.AreaB;

    /// <summary>Today in the UK, as the app reads it.</summary>
    public static DateOnly Today => UkTime.DateOf(DateTime.UtcNow);

    /// <summary>A date two weeks ahead: far enough from any clock change or midnight to be plainly "upcoming".</summary>
    public static DateOnly Fortnight => Today.AddDays(14);

    public static async Task<MeetingWorld> CreateAsync(AppFactory app) => new(await IssueWorld.CreateAsync(app));

    /// <summary>A meeting (a tasking meeting in area A, confidential, in a fortnight 10:00–11:30 unless said otherwise), with these invitees.</summary>
    public Task<Meeting> MeetingAsync(
        AppFactory app,
        MeetingType type = MeetingType.Tasking,
        int? areaId = -1,
        bool confidential = true,
        DateOnly? on = null,
        int? wardId = null,
        string? purpose = "Level 2 issues in the area",
        ApplicationUser[]? invite = null,
        string? title = null) =>
        app.WithDbAsync(async db =>
        {
            var day = on ?? Fortnight;
            var area = Meeting.IsBoroughType(type) ? null : areaId == -1 ? AreaA : areaId;
            var time = new MeetingTime(UkTime.ToUtc(day, new TimeOnly(10, 0))!.Value, UkTime.ToUtc(day, new TimeOnly(11, 30))!.Value);
            var now = DateTime.UtcNow;
            var meeting = new Meeting(type, title ?? TestData.Unique("Meeting"), area, wardId, null, time, "Civic Centre", null, purpose, confidential, null,
                alreadyHappened: day < Today, People.AreaManagerA.Id, now);
            foreach (var person in invite ?? [])
            {
                var councillor = await db.UserRoles.AnyAsync(ur => ur.UserId == person.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Councillor));
                meeting.Invite(new Invitee(person.Id, person.DisplayName, councillor), confirmedCouncillor: true, People.AreaManagerA.Id, now);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting;
        });

    public static Task<Meeting> StoredAsync(AppFactory app, int id) =>
        app.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Attendees).SingleAsync(m => m.Id == id));

    public static Task<List<MeetingEvent>> EventsAsync(AppFactory app, int id) =>
        app.WithDbAsync(db => db.MeetingEvents.AsNoTracking().Where(e => e.MeetingId == id).OrderBy(e => e.Id).ToListAsync());

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The fields of the schedule form, as a person fills them in (date and times typed; the rest chosen).</summary>
    public static List<KeyValuePair<string, string>> ScheduleFields(
        MeetingType type, int? areaId, DateOnly? on = null, string start = "10:00", string end = "11:30", string venue = "Civic Centre", params (string Key, string Value)[] more)
    {
        var day = on ?? Fortnight;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Type", type.ToString()),
            new("AreaId", areaId is null ? "" : Id(areaId.Value)),
            new("StartDay", Id(day.Day)),
            new("StartMonth", Id(day.Month)),
            new("StartYear", Id(day.Year)),
            new("StartTime", start),
            new("EndTime", end),
            new("Venue", venue),
            new("AlreadyHappened", "false"),
        };
        foreach (var (key, value) in more)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }

        return fields;
    }

    /// <summary>The id in a redirect to /meetings/{id}.</summary>
    public static int MeetingIdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = Regex.Match(response.Headers.Location!.OriginalString, @"^/meetings/(\d+)$");
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Posts to <paramref name="url"/> with an anti-forgery token from the home page (for someone the form page is refused to).</summary>
    public static Task<HttpResponseMessage> PostFromHomeAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostFormAsync("/", fields, url);

    public static string Text(string? text) => IssueWorld.Text(text);

    /// <summary>The error message shown at the field (GOV.UK: inside the field's form group).</summary>
    public static string FieldError(IHtmlDocument page, string id) =>
        Text(page.QuerySelector($"#{id}-error")?.TextContent).Replace("Error: ", "", StringComparison.Ordinal);

    public static string Banner(IHtmlDocument page) => Text(page.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")?.TextContent);

    /// <summary>The ids of the meetings in a list page's table, in order.</summary>
    public static List<int> ListedIds(IHtmlDocument page, string table = "meetings") =>
        [.. page.QuerySelectorAll($"[data-testid={table}] tbody tr").Select(tr => int.Parse(tr.GetAttribute("data-testid")!["meeting-".Length..], CultureInfo.InvariantCulture))];

    public static async Task<string> FailureAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}: {string.Join("; ", Html.ErrorSummary(await Html.ReadAsync(response)))}";
}
