using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.IntegrationTests.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Meetings;

public sealed class ScheduleMeetingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_area_manager_schedules_a_tasking_meeting_in_their_area_confidential_by_default_with_the_usual_title()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var form = await client.GetDocumentAsync("/meetings/new");
        Assert.NotNull(form.QuerySelector("input[name=Type][value=Tasking]"));
        Assert.Null(form.QuerySelector("input[name=Type][value=OperationsGroup]"));

        var response = await client.PostFormAsync("/meetings/new", MeetingWorld.ScheduleFields(MeetingType.Tasking, world.AreaA, start: "18:30", end: "20:00"));

        var id = MeetingWorld.MeetingIdFrom(response);
        var stored = await MeetingWorld.StoredAsync(app, id);
        var areaName = await app.WithDbAsync(db => Task.FromResult(db.Areas.Single(a => a.Id == world.AreaA).Name));
        Assert.Equal((MeetingType.Tasking, (int?)world.AreaA, true, $"{areaName} tasking meeting"), (stored.Type, stored.AreaId, stored.IsConfidential, stored.Title));
        Assert.Equal(UkTime.ToUtc(MeetingWorld.Fortnight, new TimeOnly(18, 30)), stored.StartsAt);
        Assert.Equal(UkTime.ToUtc(MeetingWorld.Fortnight, new TimeOnly(20, 0)), stored.EndsAt);
        var page = await client.GetDocumentAsync($"/meetings/{id}");
        Assert.Equal("Meeting scheduled", MeetingWorld.Banner(page));
        Assert.Equal(UkTime.Describe(stored.StartsAt, stored.EndsAt), MeetingWorld.Text(page.QuerySelector("[data-testid=when] dd")?.TextContent ?? page.QuerySelector("[data-testid=when]")!.TextContent).Replace("When ", "", StringComparison.Ordinal));
        Assert.Contains("Confidential", MeetingWorld.Text(page.QuerySelector("[data-testid=tags]")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_support_officer_schedules_a_community_meeting_for_a_ward_of_their_area_not_confidential_by_default()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.SupportOfficerA.Id);

        var response = await client.PostFormAsync("/meetings/new",
            MeetingWorld.ScheduleFields(MeetingType.Community, world.AreaA, more: [("WardId", MeetingWorld.Id(world.People.WardA1)), ("Title", "Pleck community meeting")]));

        var stored = await MeetingWorld.StoredAsync(app, MeetingWorld.MeetingIdFrom(response));
        Assert.Equal((MeetingType.Community, (int?)world.People.WardA1, false, "Pleck community meeting"), (stored.Type, stored.WardId, stored.IsConfidential, stored.Title));
    }

    [Fact]
    public async Task The_partnership_manager_schedules_an_operations_group_meeting_which_belongs_to_no_area()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        // An area chosen by mistake is ignored for a borough meeting.
        var response = await client.PostFormAsync("/meetings/new", MeetingWorld.ScheduleFields(MeetingType.OperationsGroup, world.AreaA, more: [("IsConfidential", "true")]));

        var stored = await MeetingWorld.StoredAsync(app, MeetingWorld.MeetingIdFrom(response));
        Assert.Equal((MeetingType.OperationsGroup, (int?)null, true, "Operations Group meeting"), (stored.Type, stored.AreaId, stored.IsConfidential, stored.Title));
    }

    [Fact]
    public async Task Councillors_and_partners_may_not_schedule_meetings()
    {
        var world = await MeetingWorld.CreateAsync(app);
        foreach (var user in new[] { world.People.CouncillorA1, world.People.PoliceUser })
        {
            var client = app.ClientFor(user.Id);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/meetings/new", UriKind.Relative))).StatusCode);
            var post = await MeetingWorld.PostFromHomeAsync(client, "/meetings/new", MeetingWorld.ScheduleFields(MeetingType.Tasking, world.AreaA));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.DoesNotContain("Schedule a meeting", await (await client.GetAsync(new Uri("/meetings", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.AreaId == world.AreaA)));
    }

    [Fact]
    public async Task An_area_manager_may_not_schedule_another_areas_meeting_or_a_borough_meeting()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var otherArea = await client.PostFormAsync("/meetings/new", MeetingWorld.ScheduleFields(MeetingType.Tasking, world.AreaB));
        var borough = await client.PostFormAsync("/meetings/new", MeetingWorld.ScheduleFields(MeetingType.BoroughManagementTeam, null));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (otherArea.StatusCode, borough.StatusCode));
        Assert.Equal(0, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.AreaId == world.AreaB || m.AreaId == null && m.CreatedById == world.People.AreaManagerA.Id)));
    }

    [Fact]
    public async Task A_task_group_meeting_names_a_group_of_the_meetings_area_and_another_areas_group_is_refused()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var own = await IssueWorld.CreateTaskGroupAsync(app, world.AreaA, world.People.PoliceUser);
        var other = await IssueWorld.CreateTaskGroupAsync(app, world.AreaB, world.People.PoliceUser);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var form = await client.GetDocumentAsync("/meetings/new");
        Assert.NotNull(form.QuerySelector($"#TaskGroupId option[value='{own.Id}']"));
        Assert.Null(form.QuerySelector($"#TaskGroupId option[value='{other.Id}']"));

        var refused = await client.PostFormAsync("/meetings/new", MeetingWorld.ScheduleFields(MeetingType.TaskGroup, world.AreaA, more: [("TaskGroupId", MeetingWorld.Id(other.Id))]));
        var saved = await client.PostFormAsync("/meetings/new", MeetingWorld.ScheduleFields(MeetingType.TaskGroup, world.AreaA, more: [("TaskGroupId", MeetingWorld.Id(own.Id))]));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Select an active task group of the meeting's area", MeetingWorld.FieldError(await Html.ReadAsync(refused), "TaskGroupId"));
        var stored = await MeetingWorld.StoredAsync(app, MeetingWorld.MeetingIdFrom(saved));
        Assert.Equal(((int?)own.Id, false), (stored.TaskGroupId, stored.IsConfidential));
    }

    [Fact]
    public async Task A_ward_of_another_area_is_refused_on_the_ward_field()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.PartnershipManager.Id);

        var response = await client.PostFormAsync("/meetings/new",
            MeetingWorld.ScheduleFields(MeetingType.Community, world.AreaA, more: [("WardId", MeetingWorld.Id(world.People.WardB1))]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Select a ward of the meeting's area", MeetingWorld.FieldError(await Html.ReadAsync(response), "WardId"));
    }

    public static TheoryData<string, string, string, string, string> BadInput() => new()
    {
        // day offset from today (or a fixed date), start, end, field, message
        { "+14", "25:00", "11:30", "StartTime", "Enter a real start time, like 10:00 or 18:30" },
        { "+14", "10:00", "09:30", "EndTime", "The end time must be after the start time" },
        { "+14", "10:00", "half ten", "EndTime", "Enter a real end time, like 11:30 or 20:00" },
        { "-3", "10:00", "11:30", "StartDay", "The meeting starts in the past: to record a meeting that has already happened, say so" },
        { "31 2 2027", "10:00", "11:30", "StartDay", "Enter a real date for the meeting, like 3 12 2026" },
        { "28 3 2027", "01:30", "03:00", "StartTime", "There is no 01:30 on 28 March 2027: the clocks go forward from 01:00 to 02:00. Enter a start time of 02:00 or later, or before 01:00" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_on_its_field_with_everything_typed_kept(string date, string start, string end, string field, string message)
    {
        var world = await MeetingWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var (day, month, year) = date.StartsWith('+') || date.StartsWith('-')
            ? Parts(MeetingWorld.Today.AddDays(int.Parse(date, System.Globalization.CultureInfo.InvariantCulture)))
            : (date.Split(' ')[0], date.Split(' ')[1], date.Split(' ')[2]);

        var response = await client.PostFormAsync("/meetings/new", MeetingWorld.ScheduleFields(MeetingType.Tasking, world.AreaA, start: start, end: end,
            more: [("StartDay", day), ("StartMonth", month), ("StartYear", year), ("Title", "Typed title"), ("Purpose", "Typed purpose"), ("Venue", "Typed venue")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains(message, Html.ErrorSummary(page));
        Assert.Equal(message, MeetingWorld.FieldError(page, field));
        Assert.Equal($"#{field}", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal((start, end, day, "Typed title", "Typed venue"), (
            page.QuerySelector("input[name=StartTime]")!.GetAttribute("value"),
            page.QuerySelector("input[name=EndTime]")!.GetAttribute("value"),
            page.QuerySelector("input[name=StartDay]")!.GetAttribute("value"),
            page.QuerySelector("input[name=Title]")!.GetAttribute("value"),
            page.QuerySelector("input[name=Venue]")!.GetAttribute("value")));
        Assert.Equal("Typed purpose", page.QuerySelector("textarea[name=Purpose]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input[name=Type][value=Tasking][checked]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.AreaId == world.AreaA)));
    }

    [Fact]
    public async Task A_meeting_that_has_already_taken_place_may_be_recorded_with_a_past_date()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var response = await client.PostFormAsync("/meetings/new",
            MeetingWorld.ScheduleFields(MeetingType.Partnership, world.AreaA, on: MeetingWorld.Today.AddDays(-3), more: [("AlreadyHappened", "true")]));

        var id = MeetingWorld.MeetingIdFrom(response);
        Assert.Equal(["Meeting recorded after it took place"], (await MeetingWorld.EventsAsync(app, id)).Select(e => e.Summary));
    }

    [Fact]
    public async Task A_time_the_clocks_repeat_in_October_is_read_as_British_Summer_Time()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var day = new DateOnly(2027, 10, 31);

        var response = await client.PostFormAsync("/meetings/new", MeetingWorld.ScheduleFields(MeetingType.Tasking, world.AreaA, on: day, start: "01:30", end: "03:00"));

        var stored = await MeetingWorld.StoredAsync(app, MeetingWorld.MeetingIdFrom(response));
        Assert.Equal(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), stored.StartsAt);
        Assert.Equal(new DateTime(2027, 10, 31, 3, 0, 0, DateTimeKind.Utc), stored.EndsAt);
    }

    private static (string, string, string) Parts(DateOnly date) => (MeetingWorld.Id(date.Day), MeetingWorld.Id(date.Month), MeetingWorld.Id(date.Year));
}
