using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>The administrator's E-mail page: counts, parked messages and "Try again" (through the real SMTP server), and who may see it.</summary>
public sealed class DeliveryAdminTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>, IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private readonly TestClock _clock = new(DeliveryWorld.Start);

    public Task InitializeAsync() => smtp.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await smtp.StartAsync();
    }

    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    [InlineData(Roles.Resident)]
    public async Task Non_administrators_are_refused_the_email_pages(string role)
    {
        await using var instance = _app.SendingThrough(smtp, _clock, maxAttempts: 1);
        var parked = (await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("reject")))[0];
        await instance.SendOnceAsync();
        var organisation = await _app.Data.CreateOrganisationAsync();
        var client = await instance.ClientAsAsync(role, role == Roles.PartnerUser ? organisation.Id : null);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/mail", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/mail/outbox", UriKind.Relative))).StatusCode);
        var forged = await Html.ForgePostAsync(client, $"/admin/mail/{parked.Id}/retry", []);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(OutboxStatus.Parked, (await instance.MessageAsync(parked.Id)).Status);
    }

    [Fact]
    public async Task Administrator_sees_the_counts_and_the_parked_messages_and_tries_one_again_which_is_then_delivered()
    {
        await using var instance = _app.SendingThrough(smtp, _clock, maxAttempts: 1);
        var client = await instance.ClientAsAsync(Roles.Administrator);
        var empty = await client.GetDocumentAsync("/admin/mail");
        Assert.NotNull(empty.QuerySelector("[data-testid=no-parked]"));
        Assert.Contains(empty.QuerySelectorAll(".govuk-service-navigation a"), a => a.GetAttribute("href") == "/admin/mail" && a.TextContent.Trim() == "E-mail");

        var sent = await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("fine"));
        Assert.Equal(1, await instance.SendOnceAsync());
        await smtp.StopAsync();
        var failing = (await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("unlucky")))[0];
        Assert.Equal(0, await instance.SendOnceAsync());
        var later = (await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("later")))[0];
        await instance.WithDbAsync(async db =>
        {
            var waiting = db.OutboxMessages.Single(m => m.Id == later.Id);
            waiting.Failed("not yet", permanent: false, _clock.UtcNow, maxAttempts: 8);
            await db.SaveChangesAsync();
        });

        var page = await client.GetDocumentAsync("/admin/mail");
        Assert.Equal(["1", "1", "1"], page.QuerySelectorAll("[data-testid=mail-counts] dd").Select(d => d.TextContent.Trim()));
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=parked-messages] tbody tr"));
        Assert.Contains(failing.ToAddress, row.QuerySelector("[data-testid=to]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(failing.Subject, row.QuerySelector("[data-testid=subject]")!.TextContent.Trim());
        Assert.Equal("1", row.QuerySelector("[data-testid=tries]")!.TextContent.Trim());
        Assert.Contains("Could not reach the mail server", row.QuerySelector("[data-testid=error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("10 March 2026 at 9am", row.QuerySelector("[data-testid=parked-at]")!.TextContent.Trim());

        await smtp.StartAsync();
        var retried = await client.PostFormAsync("/admin/mail", [], $"/admin/mail/{failing.Id}/retry");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var after = await client.GetDocumentAsync("/admin/mail");
        Assert.Equal($"The message to {failing.ToAddress} will be tried again in the next few moments", Html.Banner(after));
        Assert.NotNull(after.QuerySelector("[data-testid=no-parked]"));
        var queued = await instance.MessageAsync(failing.Id);
        Assert.Equal((OutboxStatus.Pending, 0), (queued.Status, queued.Attempts));

        Assert.Equal(1, await instance.SendOnceAsync());
        Assert.Single(smtp.WithMessageId(failing.MessageId));
        Assert.Single(smtp.WithMessageId(sent[0].MessageId));
        Assert.Equal(OutboxStatus.Sent, (await instance.MessageAsync(failing.Id)).Status);

        // Trying again a message that is no longer parked says so; one that does not exist is not found.
        var again = await client.PostFormAsync("/admin/mail", [], $"/admin/mail/{failing.Id}/retry");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var refused = await client.GetDocumentAsync("/admin/mail");
        Assert.Contains("is not waiting to be tried again", refused.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Single(smtp.WithMessageId(failing.MessageId));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/admin/mail", [], "/admin/mail/999999/retry")).StatusCode);
    }

    [Fact]
    public async Task Parked_messages_are_listed_newest_first_a_page_at_a_time()
    {
        await using var instance = _app.SendingThrough(smtp, _clock, maxAttempts: 1);
        var messages = await instance.AddMessagesAsync(_clock, [.. Enumerable.Range(1, 30).Select(i => DeliveryWorld.Address($"reject{i}"))]);
        Assert.Equal(0, await instance.SendOnceAsync());
        Assert.Equal(0, await instance.SendOnceAsync());
        var client = await instance.ClientAsAsync(Roles.Administrator);

        var first = await client.GetDocumentAsync("/admin/mail");
        var firstIds = first.QuerySelectorAll("[data-outbox-id]").Select(r => long.Parse(r.GetAttribute("data-outbox-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(messages.Select(m => m.Id).OrderDescending().Take(25), firstIds);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);
        Assert.Equal(messages.Select(m => m.Id).OrderDescending().Skip(25),
            second.QuerySelectorAll("[data-outbox-id]").Select(r => long.Parse(r.GetAttribute("data-outbox-id")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }
}

/// <summary>The file transport (the default) and the Development outbox pages that show what it wrote.</summary>
public sealed class DeliveryFileOutboxTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private readonly TestClock _clock = new(DeliveryWorld.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private WebApplicationFactory<Program> Instance(string environment) => _app.WithWebHostBuilder(b =>
    {
        b.UseEnvironment(environment);
        b.UseSetting("Database:SeedDemoData", "false");
        b.ConfigureServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(s, _clock));
    });

    [Fact]
    public async Task The_file_transport_writes_each_message_once_as_an_eml_file_named_by_its_message_id()
    {
        await using var instance = Instance("Testing");
        var messages = await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("one"), DeliveryWorld.Address("two"));

        Assert.Equal(2, await instance.SendOnceAsync());

        var files = Directory.GetFiles(_app.OutboxFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(messages.Select(m => m.MessageId + ".eml").Order(StringComparer.Ordinal), files);
        var written = await MimeKit.MimeMessage.LoadAsync(Path.Combine(_app.OutboxFolder, messages[0].MessageId + ".eml"));
        Assert.Equal((messages[0].MessageId, messages[0].Subject, messages[0].ToAddress), (written.MessageId, written.Subject, written.To.Mailboxes.Single().Address));

        // Sending the same message again (a lapsed claim, say) finds its file and leaves it as it was.
        var before = File.GetLastWriteTimeUtc(Path.Combine(_app.OutboxFolder, files[0]!));
        var transport = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AreaPartnerships.Web.Infrastructure.Mail.IMailTransport>(instance.Services);
        written.Subject = "Changed";
        await transport.SendAsync(written, CancellationToken.None);
        Assert.Equal(2, Directory.GetFiles(_app.OutboxFolder).Length);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(_app.OutboxFolder, files[0]!)));
        Assert.Equal(messages[0].Subject, (await MimeKit.MimeMessage.LoadAsync(Path.Combine(_app.OutboxFolder, messages[0].MessageId + ".eml"))).Subject);
    }

    [Fact]
    public async Task In_development_the_outbox_page_lists_the_files_and_shows_one_message()
    {
        await using var instance = Instance("Development");
        var message = new OutboxMessage(NotificationKind.MeetingCancelled, DeliveryWorld.Address("sam"), "Sam Jones", "Cancelled: North area partnership meeting",
            "Dear Sam,\n\nThe meeting <b>is cancelled</b>.", _clock.UtcNow)
        {
            AttachmentName = "meeting.ics",
            AttachmentType = "text/calendar; method=CANCEL",
            Attachment = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n",
        };
        await instance.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
        });
        await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("other"));
        Assert.Equal(2, await instance.SendOnceAsync());
        var client = await instance.ClientAsAsync(Roles.Administrator);

        var mail = await client.GetDocumentAsync("/admin/mail");
        var link = mail.QuerySelector("[data-testid=outbox-link]")!.GetAttribute("href");
        Assert.Equal("/admin/mail/outbox", link);
        var list = await client.GetDocumentAsync(link!);
        var rows = list.QuerySelectorAll("[data-testid=outbox-messages] tbody tr");
        Assert.Equal(2, rows.Length);
        var row = rows.Single(r => r.TextContent.Contains("Cancelled: North area partnership meeting", StringComparison.Ordinal));
        Assert.Contains(message.ToAddress, row.QuerySelector("[data-testid=to]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("area.partnerships@example.gov.uk", row.QuerySelector("[data-testid=from]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("10 March 2026 at 9am", row.QuerySelector("[data-testid=date]")!.TextContent.Trim());

        var shown = await client.GetDocumentAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("Cancelled: North area partnership meeting", shown.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(message.MessageId, shown.QuerySelector("[data-testid=message-id]")!.TextContent.Trim());
        Assert.Contains("The meeting <b>is cancelled</b>.", shown.QuerySelector("[data-testid=text]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(shown.QuerySelector("[data-testid=text] b"));
        Assert.Contains("meeting.ics", shown.QuerySelector("[data-testid=attachments]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("method=CANCEL", shown.QuerySelector("[data-testid=attachments]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("..%2Fsecret.eml")]
    [InlineData("..%5Csecret.eml")]
    [InlineData(".hidden.eml")]
    [InlineData("notes.txt")]
    [InlineData("missing@area-partnerships.eml")]
    public async Task The_outbox_page_opens_only_message_files_inside_the_outbox_folder(string name)
    {
        await using var instance = Instance("Development");
        Directory.CreateDirectory(_app.OutboxFolder);
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(_app.OutboxFolder)!, "secret.eml"), "Subject: secret\r\n\r\nsecret");
        await File.WriteAllTextAsync(Path.Combine(_app.OutboxFolder, ".hidden.eml"), "Subject: hidden\r\n\r\nhidden");
        await File.WriteAllTextAsync(Path.Combine(_app.OutboxFolder, "notes.txt"), "Subject: notes\r\n\r\nnotes");
        var client = await instance.ClientAsAsync(Roles.Administrator);

        var response = await client.GetAsync(new Uri($"/admin/mail/outbox/{name}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Outside_development_there_is_no_outbox_page()
    {
        await using var instance = Instance("Production");
        await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("one"));
        Assert.Equal(1, await instance.SendOnceAsync());
        var name = Path.GetFileName(Directory.GetFiles(_app.OutboxFolder).Single());
        var client = await instance.ClientAsAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/admin/mail/outbox", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/admin/mail/outbox/{name}", UriKind.Relative))).StatusCode);
        var mail = await client.GetDocumentAsync("/admin/mail");
        Assert.Null(mail.QuerySelector("[data-testid=outbox-link]"));
    }
}
