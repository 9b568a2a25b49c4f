using AreaPartnerships.Domain.Meetings;

namespace AreaPartnerships.IntegrationTests.Meetings;

public sealed class ListMeetingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Upcoming_meetings_come_soonest_first_and_past_ones_most_recent_first()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var later = await world.MeetingAsync(app, on: MeetingWorld.Today.AddDays(20));
        var sooner = await world.MeetingAsync(app, on: MeetingWorld.Today.AddDays(3));
        var longAgo = await world.MeetingAsync(app, on: MeetingWorld.Today.AddDays(-30));
        var lastWeek = await world.MeetingAsync(app, on: MeetingWorld.Today.AddDays(-7));
        var client = app.ClientFor(world.People.AreaManagerA.Id);

        var upcoming = await client.GetDocumentAsync("/meetings");
        var past = await client.GetDocumentAsync("/meetings?When=past");

        Assert.Equal([sooner.Id, later.Id], MeetingWorld.ListedIds(upcoming));
        Assert.Equal([lastWeek.Id, longAgo.Id], MeetingWorld.ListedIds(past));
        Assert.NotNull(upcoming.QuerySelector("[data-testid=schedule]"));
        Assert.NotNull(upcoming.QuerySelector("a[href='/meetings/mine']"));
    }

    [Fact]
    public async Task The_list_filters_by_area_the_borough_type_and_dates()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var tasking = await world.MeetingAsync(app, on: MeetingWorld.Today.AddDays(5));
        var partnership = await world.MeetingAsync(app, type: MeetingType.Partnership, on: MeetingWorld.Today.AddDays(10));
        var areaB = await world.MeetingAsync(app, areaId: world.AreaB, on: MeetingWorld.Today.AddDays(6));
        var borough = await world.MeetingAsync(app, type: MeetingType.OperationsGroup, on: MeetingWorld.Today.AddDays(7));
        var client = app.ClientFor(world.People.PartnershipManager.Id);
        string Date(string prefix, DateOnly d) => $"{prefix}Day={d.Day}&{prefix}Month={d.Month}&{prefix}Year={d.Year}";

        var mine = new[] { tasking.Id, partnership.Id, areaB.Id, borough.Id };
        async Task<List<int>> Listed(string query) => [.. MeetingWorld.ListedIds(await client.GetDocumentAsync($"/meetings?{query}")).Where(mine.Contains)];

        Assert.Equal([tasking.Id, partnership.Id], await Listed($"Area={world.AreaA}"));
        Assert.Equal([borough.Id], await Listed("Area=borough"));
        Assert.Equal([tasking.Id, areaB.Id], await Listed("Type=Tasking"));
        Assert.Equal([areaB.Id, borough.Id], await Listed($"{Date("From", MeetingWorld.Today.AddDays(6))}&{Date("To", MeetingWorld.Today.AddDays(7))}"));
        Assert.Equal([tasking.Id, areaB.Id, borough.Id, partnership.Id], await Listed("Type=nonsense&Area=x"));
        var empty = await client.GetDocumentAsync($"/meetings?Area={world.AreaB}&Type=Community");
        Assert.Equal("No meetings match these filters.", MeetingWorld.Text(empty.QuerySelector("[data-testid=no-meetings]")!.TextContent));
    }

    [Fact]
    public async Task The_list_reads_a_page_of_25_by_key_with_next_previous_and_last_links()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var ids = new List<int>();
        for (var n = 0; n < 30; n++)
        {
            // Two meetings a day, so the key's tie-breaker (Id) matters where two start at once.
            ids.Add((await world.MeetingAsync(app, on: MeetingWorld.Today.AddDays(2 + (n / 2)))).Id);
        }

        var client = app.ClientFor(world.People.SupportOfficerA.Id);
        var first = await client.GetDocumentAsync("/meetings");
        Assert.Equal(ids.Take(25), MeetingWorld.ListedIds(first));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Null(first.QuerySelector("a[rel=prev]"));

        var second = await client.GetDocumentAsync(next);
        Assert.Equal(ids.Skip(25), MeetingWorld.ListedIds(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        var previous = await client.GetDocumentAsync(second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(ids.Take(25), MeetingWorld.ListedIds(previous));

        var last = await client.GetDocumentAsync(first.QuerySelector("[data-testid=last-page]")!.GetAttribute("href")!);
        Assert.Equal(ids.Skip(5), MeetingWorld.ListedIds(last));
    }

    [Fact]
    public async Task A_position_naming_a_meeting_the_person_may_not_see_opens_the_first_page()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var own = await world.MeetingAsync(app, areaId: world.AreaB);
        var hidden = await world.MeetingAsync(app);
        var client = app.ClientFor(world.People.AreaManagerB.Id);

        var page = await client.GetDocumentAsync($"/meetings?After={hidden.Id}");

        Assert.Equal([own.Id], MeetingWorld.ListedIds(page));
    }

    [Fact]
    public async Task Someone_with_no_meetings_sees_an_empty_state_and_no_schedule_button()
    {
        var world = await MeetingWorld.CreateAsync(app);

        var page = await app.ClientFor(world.People.PoliceUser.Id).GetDocumentAsync("/meetings");

        Assert.Equal("There are no upcoming meetings for you to see.", MeetingWorld.Text(page.QuerySelector("[data-testid=no-meetings]")!.TextContent));
        Assert.Null(page.QuerySelector("[data-testid=schedule]"));
    }
}
