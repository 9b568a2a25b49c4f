using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Notifications.ContentWorld;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>Each person's notification settings page: the choices, the digest time, refusals at the field, and conflicts.</summary>
public sealed class ContentPreferencesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/account/notifications";

    private static List<KeyValuePair<string, string>> AllAt(Delivery delivery, string digestAt, string version, params (string Key, string Value)[] changes)
    {
        var fields = NotificationKinds.All.Where(k => k.IsChoosable)
            .Select(k => new KeyValuePair<string, string>($"Kind{(int)k.Kind}", (k.IsDuty && delivery == Delivery.Off ? Delivery.Immediately : delivery).ToString()))
            .ToList();
        fields.Add(new("DailyDigestAt", digestAt));
        fields.Add(new("Version", version));
        foreach (var (key, value) in changes)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }

        return fields;
    }

    private static string[] Options(IHtmlDocument page, string field) =>
        [.. page.QuerySelectorAll($"input[name={field}]").Select(i => i.GetAttribute("value")!)];

    private static string? Checked(IHtmlDocument page, string field) => page.QuerySelector($"input[name={field}][checked]")?.GetAttribute("value");

    private static string Version(IHtmlDocument page) => page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

    [Fact]
    public async Task The_page_offers_every_kind_and_duty_kinds_cannot_be_switched_off()
    {
        var world = await CreateAsync(app);
        var page = await app.ClientFor(world.People.SupportOfficerA.Id).GetDocumentAsync(Url);

        Assert.Equal(["Immediately", "InDailyDigest"], Options(page, "Kind1"));
        Assert.Equal(["Immediately", "InDailyDigest"], Options(page, "Kind2"));
        Assert.Equal(["Immediately", "InDailyDigest", "Off"], Options(page, "Kind3"));
        Assert.Equal("Immediately", Checked(page, "Kind10"));
        var times = page.QuerySelectorAll("#DailyDigestAt option").ToList();
        Assert.Equal(29, times.Count);
        Assert.Equal(("06:00", "6:00am"), (times[0].GetAttribute("value"), times[0].TextContent));
        Assert.Equal(("20:00", "8:00pm"), (times[^1].GetAttribute("value"), times[^1].TextContent));
        Assert.Equal("7:00am", page.QuerySelector("#DailyDigestAt option[selected]")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/account/notifications']"));
    }

    [Fact]
    public async Task Saved_choices_are_kept_and_confirmed_and_the_dispatcher_follows_them()
    {
        var world = await CreateAsync(app);
        var person = world.People.PoliceUser;
        var client = app.ClientFor(person.Id);

        var response = await client.PostFormAsync(Url, AllAt(Delivery.Immediately, "18:30", Version(await client.GetDocumentAsync(Url)), ("Kind1", "InDailyDigest"), ("Kind6", "Off")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(Url);
        Assert.Equal("Your notification settings have been saved", Html.Banner(page));
        Assert.Equal(("InDailyDigest", "Off", "6:30pm"), (Checked(page, "Kind1"), Checked(page, "Kind6"), page.QuerySelector("#DailyDigestAt option[selected]")!.TextContent));
        var profile = await app.WithDbAsync(db => db.NotificationProfiles.AsNoTracking().SingleAsync(p => p.UserId == person.Id));
        Assert.Equal(new TimeOnly(18, 30), profile.DailyDigestAt);

        var meeting = await world.Meetings.MeetingAsync(app, confidential: false);
        var mark = await MarkAsync(app);
        await app.ClientFor(world.People.AreaManagerA.Id).PostFormAsync($"/meetings/{meeting.Id}",
            [new("UserId", Id(person.Id)), new("ConfirmCouncillor", "false")], $"/meetings/{meeting.Id}/invitees");
        Assert.Empty(await SentSinceAsync(app, mark));
        Assert.Equal(NotificationState.Skipped, Assert.Single(await NotificationsSinceAsync(app, mark)).State);
    }

    [Theory]
    [InlineData("Kind1", "Off", "Kind1", "“An issue is assigned to you” cannot be switched off: choose immediately or in your daily digest")]
    [InlineData("Kind2", "3", "Kind2", "Choose how you get “A Level 1 issue is referred to your organisation”")]
    [InlineData("DailyDigestAt", "07:15", "DailyDigestAt", "Choose a time for your daily digest from the list, on the hour or half hour between 6:00am and 8:00pm")]
    [InlineData("DailyDigestAt", "23:00", "DailyDigestAt", "Choose a time for your daily digest from the list, on the hour or half hour between 6:00am and 8:00pm")]
    public async Task A_forged_value_is_refused_at_its_field_with_the_other_choices_kept(string key, string value, string field, string message)
    {
        var world = await CreateAsync(app);
        var person = world.People.SupportOfficerA;
        var client = app.ClientFor(person.Id);

        var response = await client.PostFormAsync(Url, AllAt(Delivery.Immediately, "19:00", Version(await client.GetDocumentAsync(Url)), ("Kind3", "Off"), (key, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(message, Html.FieldError(page, field));
        Assert.Contains(message, Html.ErrorSummary(page));
        Assert.Equal("Off", Checked(page, "Kind3"));
        Assert.False(await app.WithDbAsync(db => db.NotificationPreferences.AnyAsync(p => p.UserId == person.Id)));
    }

    [Fact]
    public async Task A_kind_that_does_not_exist_is_refused_and_nothing_is_saved()
    {
        var world = await CreateAsync(app);
        var person = world.People.SupportOfficerA;
        var client = app.ClientFor(person.Id);

        var response = await client.PostFormAsync(Url, AllAt(Delivery.Immediately, "07:00", Version(await client.GetDocumentAsync(Url)), ("Kind99", "Off")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your choices could not be read: there is no such kind of e-mail. Choose again below.", Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.False(await app.WithDbAsync(db => db.NotificationProfiles.AnyAsync(p => p.UserId == person.Id)));
    }

    [Fact]
    public async Task A_save_from_a_page_read_before_another_save_is_refused_as_a_conflict_with_the_choices_kept()
    {
        var world = await CreateAsync(app);
        var person = world.People.SupportOfficerA;
        var first = app.ClientFor(person.Id);
        var second = app.ClientFor(person.Id);
        var firstVersion = Version(await first.GetDocumentAsync(Url));
        var secondVersion = Version(await second.GetDocumentAsync(Url));

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(Url, AllAt(Delivery.Immediately, "08:00", firstVersion))).StatusCode);
        var refused = await second.PostFormAsync(Url, AllAt(Delivery.InDailyDigest, "09:00", secondVersion));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains("changed this set of notification choices", StringComparison.Ordinal));
        Assert.Equal("InDailyDigest", Checked(page, "Kind3"));
        var profile = await app.WithDbAsync(db => db.NotificationProfiles.AsNoTracking().SingleAsync(p => p.UserId == person.Id));
        Assert.Equal(new TimeOnly(8, 0), profile.DailyDigestAt);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(Url, AllAt(Delivery.InDailyDigest, "09:00", Version(page)))).StatusCode);
    }

    [Fact]
    public async Task Administrators_are_told_they_get_no_notifications_and_a_save_from_them_is_refused()
    {
        var admin = await app.Data.CreateUserAsync(Roles.Administrator);
        var client = app.ClientFor(admin.Id);

        var page = await client.GetDocumentAsync(Url);

        Assert.Contains("Administrators get no e-mail notifications", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name=Kind1]"));
        var forged = await Html.ForgePostAsync(client, Url, AllAt(Delivery.Immediately, "07:00", Guid.Empty.ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.NotificationProfiles.AnyAsync(p => p.UserId == admin.Id)));
    }
}
