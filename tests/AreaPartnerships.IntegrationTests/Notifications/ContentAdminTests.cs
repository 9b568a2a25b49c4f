using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Notifications.ContentWorld;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>The administrator's e-mail templates and mail settings.</summary>
public sealed class ContentAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Assigned = "/admin/email-templates/1";

    private async Task<HttpClient> AdminAsync() => app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

    private static string Version(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

    private static Task ResetAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        await db.EmailTemplates.ExecuteDeleteAsync();
        await db.MailSettings.ExecuteDeleteAsync();
    });

    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Only_administrators_may_open_or_change_the_email_pages(string role)
    {
        var client = app.ClientFor((await app.Data.CreateUserAsync(role)).Id);

        foreach (var url in new[] { "/admin/email-templates", Assigned, "/admin/mail-settings" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await Html.ForgePostAsync(client, Assigned, [new("Subject", "Hi"), new("Body", "((link))")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Html.ForgePostAsync(client, $"{Assigned}/restore", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Html.ForgePostAsync(client, "/admin/mail-settings", [new("SenderName", "X")])).StatusCode);
    }

    [Fact]
    public async Task The_list_shows_every_kind_with_its_subject_and_whether_its_wording_is_changed()
    {
        await ResetAsync(app);
        var page = await (await AdminAsync()).GetDocumentAsync("/admin/email-templates");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(NotificationKinds.All.Count, rows.Count);
        Assert.Contains("((reference)) has been assigned to you", rows[0].TextContent, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains("Default", r.TextContent, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("nav a[href='/admin/email-templates']"));
        Assert.NotNull(page.QuerySelector("nav a[href='/admin/mail-settings']"));
    }

    [Theory]
    [InlineData("Over to you: ((referense))", "Hello ((name)) ((link))", "Subject", "The subject has a placeholder ((referense)) this e-mail does not have")]
    [InlineData("Over to you", "Hello ((name)), it is yours.", "Body", "The body must include ((link)), so people can open the record")]
    [InlineData("Over to you", "Hello ((name) ((link))", "Body", "The body has a placeholder that is not closed: write it as ((name)), with two brackets each side")]
    public async Task A_broken_template_is_refused_at_its_field_with_what_was_typed_kept(string subject, string body, string field, string message)
    {
        await ResetAsync(app);
        var admin = await AdminAsync();

        var response = await admin.PostFormAsync(Assigned, [new("Subject", subject), new("Body", body), new("Version", Version(await admin.GetDocumentAsync(Assigned)))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.StartsWith(message, Html.FieldError(page, field), StringComparison.Ordinal);
        Assert.Equal((subject, body), (page.QuerySelector("input[name=Subject]")!.GetAttribute("value"), page.QuerySelector("textarea[name=Body]")!.TextContent.Trim()));
        Assert.False(await app.WithDbAsync(db => db.EmailTemplates.AnyAsync()));
    }

    [Fact]
    public async Task Saved_wording_is_used_for_the_next_email_and_restoring_the_default_brings_the_default_back()
    {
        await ResetAsync(app);
        var world = await CreateAsync(app);
        var admin = await AdminAsync();
        Assert.Contains("((title))", (await admin.GetDocumentAsync(Assigned)).QuerySelector("#placeholders")!.TextContent, StringComparison.Ordinal);

        var saved = await admin.PostFormAsync(Assigned,
            [new("Subject", "Over to you: ((reference))"), new("Body", "Hello ((name)), “((title))” is yours.\n\n((link))"), new("Version", Version(await admin.GetDocumentAsync(Assigned)))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("The wording of “An issue is assigned to you” has been saved", Html.Banner(await admin.GetDocumentAsync(Assigned)));
        Assert.Contains("Changed", (await admin.GetDocumentAsync("/admin/email-templates")).QuerySelectorAll("tbody tr")[0].TextContent, StringComparison.Ordinal);

        var issue = await world.People.IssueAsync(app);
        var mark = await MarkAsync(app);
        await Issues.IssueWorld.PostWithVersionAsync(app.ClientFor(world.People.AreaManagerA.Id), $"/issues/{issue.Reference}/triage",
            [new("Level", "Partnership"), new("Reason", "Needs the partnership"), new("OwnerId", Id(world.People.PoliceUser.Id))]);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal($"Over to you: {issue.Reference}", message.Subject);
        Assert.StartsWith($"Hello {world.People.PoliceUser.DisplayName}, “{issue.Title}” is yours.", message.Body, StringComparison.Ordinal);

        var restored = await admin.PostFormAsync(Assigned, [], $"{Assigned}/restore");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var page = await admin.GetDocumentAsync(Assigned);
        Assert.Equal("“An issue is assigned to you” is back to the default wording", Html.Banner(page));
        Assert.Equal(EmailTemplates.Default(NotificationKind.IssueAssigned).Subject, page.QuerySelector("input[name=Subject]")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.EmailTemplates.AnyAsync()));
    }

    [Fact]
    public async Task A_save_from_a_form_read_before_another_save_is_refused_as_a_conflict()
    {
        await ResetAsync(app);
        var first = await AdminAsync();
        var second = await AdminAsync();
        await first.PostFormAsync(Assigned, [new("Subject", "One: ((reference))"), new("Body", "One ((link))"), new("Version", Version(await first.GetDocumentAsync(Assigned)))]);
        var firstVersion = Version(await first.GetDocumentAsync(Assigned));
        var secondVersion = Version(await second.GetDocumentAsync(Assigned));

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(Assigned, [new("Subject", "Two: ((reference))"), new("Body", "Two ((link))"), new("Version", firstVersion)])).StatusCode);
        var refused = await second.PostFormAsync(Assigned, [new("Subject", "Three: ((reference))"), new("Body", "Three ((link))"), new("Version", secondVersion)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains("subject “Two: ((reference))”", StringComparison.Ordinal));
        Assert.Equal("Three: ((reference))", page.QuerySelector("input[name=Subject]")!.GetAttribute("value"));
        Assert.Equal("Two: ((reference))", await app.WithDbAsync(db => db.EmailTemplates.Select(t => t.Subject).SingleAsync()));
    }

    [Fact]
    public async Task Preview_fills_the_typed_wording_with_example_values_and_saves_nothing()
    {
        await ResetAsync(app);
        var admin = await AdminAsync();

        var response = await admin.PostFormAsync(Assigned,
            [new("Subject", "Over to you: ((reference))"), new("Body", "Hello ((name)), ((title)) in ((ward)). ((link))"), new("Version", Guid.Empty.ToString()), new("preview", "1")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await Html.ReadAsync(response)).QuerySelector("#preview")!.TextContent;
        Assert.Contains("Over to you: SW-0042", preview, StringComparison.Ordinal);
        Assert.Contains("Hello Sam Patel, Fly-tipping behind the shops on Green Lane in Pleck.", preview, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.EmailTemplates.AnyAsync()));
    }

    [Fact]
    public async Task Mail_settings_are_made_on_first_save_and_used_in_every_email()
    {
        await ResetAsync(app);
        var world = await CreateAsync(app);
        var admin = await AdminAsync();
        var form = await admin.GetDocumentAsync("/admin/mail-settings");
        Assert.Equal(MailSettings.Defaults().SenderAddress, form.QuerySelector("input[name=SenderAddress]")!.GetAttribute("value"));

        var response = await admin.PostFormAsync("/admin/mail-settings",
        [
            new("SenderName", "Walsall Area Partnerships"), new("SenderAddress", "partnerships@walsall.example.gov.uk"),
            new("Footer", "Sent by Walsall Council."), new("ServiceAddress", "https://ap.walsall.example.gov.uk/"), new("Version", Version(form)),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Mail settings saved", Html.Banner(await admin.GetDocumentAsync("/admin/mail-settings")));
        var issue = await world.People.IssueAsync(app);
        var mark = await MarkAsync(app);
        await Issues.IssueWorld.PostWithVersionAsync(app.ClientFor(world.People.AreaManagerA.Id), $"/issues/{issue.Reference}/triage",
            [new("Level", "Partnership"), new("Reason", "Needs the partnership"), new("OwnerId", Id(world.People.PoliceUser.Id))]);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Contains($"https://ap.walsall.example.gov.uk/issues/{issue.Reference}", message.Body, StringComparison.Ordinal);
        Assert.EndsWith("\n--\nSent by Walsall Council.", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_sender_address_or_service_address_is_refused_at_its_field_with_what_was_typed_kept()
    {
        await ResetAsync(app);
        var admin = await AdminAsync();
        var form = await admin.GetDocumentAsync("/admin/mail-settings");

        var response = await admin.PostFormAsync("/admin/mail-settings",
        [
            new("SenderName", "Walsall Area Partnerships"), new("SenderAddress", "partnerships@walsall"),
            new("Footer", "Sent by Walsall Council."), new("ServiceAddress", "ap.walsall.example.gov.uk"), new("Version", Version(form)),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Enter the sender's e-mail address in the correct format, like name@example.gov.uk", Html.FieldError(page, "SenderAddress"));
        Assert.Equal(("partnerships@walsall", "Sent by Walsall Council."), (page.QuerySelector("input[name=SenderAddress]")!.GetAttribute("value"), page.QuerySelector("textarea[name=Footer]")!.TextContent.Trim()));

        var fixedSender = await admin.PostFormAsync("/admin/mail-settings",
        [
            new("SenderName", "Walsall Area Partnerships"), new("SenderAddress", "partnerships@walsall.example.gov.uk"),
            new("Footer", "Sent by Walsall Council."), new("ServiceAddress", "ap.walsall.example.gov.uk"), new("Version", Version(form)),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, fixedSender.StatusCode);
        Assert.Equal("Enter the service's address as a web address, like https://areapartnerships.example.gov.uk", Html.FieldError(await Html.ReadAsync(fixedSender), "ServiceAddress"));
        Assert.False(await app.WithDbAsync(db => db.MailSettings.AnyAsync()));
    }
}
