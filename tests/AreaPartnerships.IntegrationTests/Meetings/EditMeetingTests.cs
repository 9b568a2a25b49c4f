using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.IntegrationTests.Issues;

namespace AreaPartnerships.IntegrationTests.Meetings;

public sealed class EditMeetingTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The change form's fields as the page filled them, with some changed.</summary>
    public static List<KeyValuePair<string, string>> FieldsFrom(IHtmlDocument form, params (string Key, string Value)[] changes)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var name in new[] { "Title", "StartDay", "StartMonth", "StartYear", "StartTime", "EndTime", "Venue", "OnlineLink", "Version" })
        {
            fields.Add(new(name, form.QuerySelector($"input[name={name}]")?.GetAttribute("value") ?? ""));
        }

        fields.Add(new("Purpose", form.QuerySelector("textarea[name=Purpose]")?.TextContent.Trim() ?? ""));
        fields.Add(new("IsConfidential", form.QuerySelector("input[name=IsConfidential][checked]")?.GetAttribute("value") ?? ""));
        fields.Add(new("ChairUserId", form.QuerySelector("#ChairUserId option[selected]")?.GetAttribute("value") ?? ""));
        foreach (var (key, value) in changes)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }

        return fields;
    }

    [Fact]
    public async Task A_change_of_time_is_saved_on_the_timeline_and_moves_the_calendar_sequence_on()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var client = app.ClientFor(world.People.SupportOfficerA.Id);
        var url = $"/meetings/{meeting.Id}/edit";
        var form = await client.GetDocumentAsync(url);
        Assert.Equal(("10:00", "11:30"), (form.QuerySelector("input[name=StartTime]")!.GetAttribute("value"), form.QuerySelector("input[name=EndTime]")!.GetAttribute("value")));

        var response = await client.PostFormAsync(url, FieldsFrom(form, ("StartTime", "14:00"), ("EndTime", "15:00")));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await MeetingWorld.FailureAsync(response));
        var stored = await MeetingWorld.StoredAsync(app, meeting.Id);
        Assert.Equal((UkTime.ToUtc(MeetingWorld.Fortnight, new TimeOnly(14, 0)), 1), (stored.StartsAt, stored.CalendarSequence));
        Assert.Contains(await MeetingWorld.EventsAsync(app, meeting.Id), e => e.Summary == "Time changed" && e.ActorId == world.People.SupportOfficerA.Id);
        Assert.Equal("Meeting changed", MeetingWorld.Banner(await client.GetDocumentAsync($"/meetings/{meeting.Id}")));
    }

    [Fact]
    public async Task Second_of_two_concurrent_changes_is_refused_with_what_the_meeting_reads_now_and_nothing_typed_is_lost()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var first = app.ClientFor(world.People.AreaManagerA.Id);
        var second = app.ClientFor(world.People.PartnershipManager.Id);
        var url = $"/meetings/{meeting.Id}/edit";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, FieldsFrom(firstForm, ("Title", "First title")))).StatusCode);
        var refused = await second.PostFormAsync(url, FieldsFrom(secondForm, ("Title", "Second title"), ("Venue", "Darlaston Town Hall")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.Contains(Html.ErrorSummary(page), e => e.StartsWith($"{world.People.AreaManagerA.DisplayName} changed this meeting at ", StringComparison.Ordinal)
            && e.Contains("title ‘First title’", StringComparison.Ordinal));
        Assert.Equal(("Second title", "Darlaston Town Hall"), (page.QuerySelector("input[name=Title]")!.GetAttribute("value"), page.QuerySelector("input[name=Venue]")!.GetAttribute("value")));
        Assert.NotEqual(IssueWorld.VersionOn(secondForm), IssueWorld.VersionOn(page));
        Assert.Equal("First title", (await MeetingWorld.StoredAsync(app, meeting.Id)).Title);

        var again = await second.PostFormAsync(url, FieldsFrom(page));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(("Second title", "Darlaston Town Hall"), ((await MeetingWorld.StoredAsync(app, meeting.Id)).Title, (await MeetingWorld.StoredAsync(app, meeting.Id)).Venue));
    }

    [Fact]
    public async Task A_meeting_is_cancelled_with_a_reason_and_then_says_so_and_can_no_longer_be_changed()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app);
        var client = app.ClientFor(world.People.AreaManagerA.Id);
        var url = $"/meetings/{meeting.Id}/cancel";

        var noReason = await client.PostFormAsync(url, [new("CancellationReason", " "), new("Version", IssueWorld.VersionOn(await client.GetDocumentAsync(url)))]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Enter why the meeting is cancelled", MeetingWorld.FieldError(await Html.ReadAsync(noReason), "CancellationReason"));

        var response = await IssueWorld.PostWithVersionAsync(client, url, [new("CancellationReason", "The venue is closed for repairs")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync($"/meetings/{meeting.Id}");
        Assert.Equal("Meeting cancelled", MeetingWorld.Banner(page));
        Assert.Contains("This meeting was cancelled: The venue is closed for repairs", MeetingWorld.Text(page.QuerySelector("[data-testid=cancelled]")!.TextContent), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=change-meeting]"));
        Assert.Null(page.QuerySelector("[data-testid=invite-person]"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri($"/meetings/{meeting.Id}/edit", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Someone_who_sees_the_meeting_but_does_not_run_its_area_may_not_change_or_cancel_it()
    {
        var world = await MeetingWorld.CreateAsync(app);
        var meeting = await world.MeetingAsync(app, invite: [world.People.AreaManagerB]);
        var client = app.ClientFor(world.People.AreaManagerB.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/meetings/{meeting.Id}/edit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/meetings/{meeting.Id}/cancel", UriKind.Relative))).StatusCode);
        var post = await MeetingWorld.PostFromHomeAsync(client, $"/meetings/{meeting.Id}/cancel", [new("CancellationReason", "Not mine"), new("Version", meeting.Version.ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False((await MeetingWorld.StoredAsync(app, meeting.Id)).IsCancelled);
    }
}
