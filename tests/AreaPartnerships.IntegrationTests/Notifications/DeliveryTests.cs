using AreaPartnerships.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>
/// The outbox sender against a real SMTP server on 127.0.0.1 (aiosmtpd, <see cref="SmtpServerFixture"/>): delivery,
/// refusals, retries with backoff, a server that is down for a while, a restart, a crashed instance's claims, and two
/// senders racing over the same database. Each test has a database of its own; "exactly once" is counted as the
/// server's files carrying each Message-ID.
/// </summary>
public sealed class DeliveryTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>, IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private readonly TestClock _clock = new(DeliveryWorld.Start);

    public Task InitializeAsync() => smtp.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await smtp.StartAsync();
    }

    [Fact]
    public async Task A_message_is_delivered_by_smtp_from_the_administrators_sender_with_its_message_id_and_calendar_file()
    {
        await using var instance = _app.SendingThrough(smtp, _clock);
        await instance.WithDbAsync(async db =>
        {
            db.MailSettings.Add(new MailSettings("Walsall Area Partnerships", "partnerships@walsall.example.gov.uk", "The footer", "https://ap.example.gov.uk"));
            await db.SaveChangesAsync();
        });
        var to = DeliveryWorld.Address("sam");
        var message = new OutboxMessage(NotificationKind.MeetingInvitation, to, "Sam Jones", "Invitation: North area partnership meeting, 3 December 2026",
            "Dear Sam,\n\nYou are invited to the North area partnership meeting on 3 December 2026 at 9:30am.\n\n--\nThe footer", _clock.UtcNow)
        {
            AttachmentName = "meeting.ics",
            AttachmentType = "text/calendar; method=REQUEST",
            Attachment = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:meeting-42@area-partnerships\r\nSUMMARY:North area partnership meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        };
        await instance.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
        });

        Assert.Equal(1, await instance.SendOnceAsync());

        var received = Assert.Single(smtp.WithMessageId(message.MessageId));
        Assert.Equal("\"Walsall Area Partnerships\" <partnerships@walsall.example.gov.uk>", received.From.ToString());
        var recipient = Assert.Single(received.To.Mailboxes);
        Assert.Equal((to, "Sam Jones"), (recipient.Address, recipient.Name));
        Assert.Equal("Invitation: North area partnership meeting, 3 December 2026", received.Subject);
        Assert.Contains("on 3 December 2026 at 9:30am", received.TextBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", received.Headers["Auto-Submitted"]);
        var calendar = Assert.IsType<TextPart>(Assert.Single(received.Attachments));
        Assert.Equal("meeting.ics", calendar.FileName);
        Assert.Equal("text/calendar", calendar.ContentType.MimeType);
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Contains("UID:meeting-42@area-partnerships", calendar.Text, StringComparison.Ordinal);

        var saved = await instance.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Sent, 1, _clock.UtcNow), (saved.Status, saved.Attempts, saved.SentAt!.Value));
        Assert.Null(saved.ClaimToken);
        Assert.Equal(0, await instance.SendOnceAsync());
        Assert.Single(smtp.WithMessageId(message.MessageId));
    }

    [Fact]
    public async Task A_permanent_refusal_parks_the_message_at_once_with_the_reason_and_the_rest_of_the_batch_is_sent()
    {
        await using var instance = _app.SendingThrough(smtp, _clock);
        var messages = await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("first"), DeliveryWorld.Address("reject-me"), DeliveryWorld.Address("third"));

        Assert.Equal(2, await instance.SendOnceAsync());

        var refused = await instance.MessageAsync(messages[1].Id);
        Assert.Equal((OutboxStatus.Parked, 1, _clock.UtcNow), (refused.Status, refused.Attempts, refused.ParkedAt!.Value));
        Assert.Contains("550", refused.LastError, StringComparison.Ordinal);
        Assert.Contains("Mailbox unavailable", refused.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.WithMessageId(messages[1].MessageId));
        foreach (var sent in new[] { messages[0], messages[2] })
        {
            Assert.Single(smtp.WithMessageId(sent.MessageId));
            Assert.Equal(OutboxStatus.Sent, (await instance.MessageAsync(sent.Id)).Status);
        }
    }

    [Fact]
    public async Task A_message_refused_for_now_is_tried_again_after_each_backoff_and_parked_after_the_last_try()
    {
        await using var instance = _app.SendingThrough(smtp, _clock, maxAttempts: 3);
        var message = (await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("tempfail")))[0];

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.Equal(0, await instance.SendOnceAsync());
            var waiting = await instance.MessageAsync(message.Id);
            Assert.Equal((OutboxStatus.Pending, attempt), (waiting.Status, waiting.Attempts));
            Assert.Equal(_clock.UtcNow + OutboxMessage.Backoff(attempt), waiting.NextAttemptAt);
            Assert.Contains("451", waiting.LastError, StringComparison.Ordinal);

            // Not tried again before the backoff is over.
            _clock.Advance(OutboxMessage.Backoff(attempt) - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await instance.SendOnceAsync());
            Assert.Equal(attempt, (await instance.MessageAsync(message.Id)).Attempts);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, await instance.SendOnceAsync());
        var parked = await instance.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Parked, 3, _clock.UtcNow), (parked.Status, parked.Attempts, parked.ParkedAt!.Value));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await instance.SendOnceAsync());
        Assert.Equal(3, (await instance.MessageAsync(message.Id)).Attempts);
        Assert.Empty(smtp.WithMessageId(message.MessageId));
    }

    [Fact]
    public async Task While_the_mail_server_is_down_messages_wait_with_backoff_and_go_exactly_once_when_it_is_back()
    {
        await using var instance = _app.SendingThrough(smtp, _clock);
        var messages = await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("one"), DeliveryWorld.Address("two"));
        await smtp.StopAsync();

        Assert.Equal(0, await instance.SendOnceAsync());
        foreach (var message in messages)
        {
            var waiting = await instance.MessageAsync(message.Id);
            Assert.Equal((OutboxStatus.Pending, 1, _clock.UtcNow + OutboxMessage.Backoff(1)), (waiting.Status, waiting.Attempts, waiting.NextAttemptAt));
            Assert.Contains("Could not reach the mail server", waiting.LastError, StringComparison.Ordinal);
            Assert.Null(waiting.ClaimToken);
        }

        _clock.Advance(OutboxMessage.Backoff(1));
        Assert.Equal(0, await instance.SendOnceAsync());
        Assert.Equal(2, (await instance.MessageAsync(messages[0].Id)).Attempts);

        await smtp.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await instance.SendOnceAsync()); // still inside the second backoff
        _clock.Advance(OutboxMessage.Backoff(2));
        Assert.Equal(2, await instance.SendOnceAsync());
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await instance.SendOnceAsync());

        foreach (var message in messages)
        {
            Assert.Single(smtp.WithMessageId(message.MessageId));
            var sent = await instance.MessageAsync(message.Id);
            Assert.Equal((OutboxStatus.Sent, 3), (sent.Status, sent.Attempts));
            Assert.Null(sent.LastError);
        }
    }

    [Fact]
    public async Task Messages_survive_a_restart_of_the_app_and_are_delivered_once_by_the_new_instance()
    {
        IReadOnlyList<OutboxMessage> messages;
        await smtp.StopAsync();
        await using (var before = _app.SendingThrough(smtp, _clock, instance: "before-restart"))
        {
            messages = await before.AddMessagesAsync(_clock, DeliveryWorld.Address("one"), DeliveryWorld.Address("two"), DeliveryWorld.Address("three"));
            Assert.Equal(0, await before.SendOnceAsync());
        }

        await smtp.StartAsync();
        _clock.Advance(OutboxMessage.Backoff(1));
        await using (var after = _app.SendingThrough(smtp, _clock, instance: "after-restart"))
        {
            Assert.Equal(3, await after.SendOnceAsync());
            Assert.Equal(0, await after.SendOnceAsync());
            foreach (var message in messages)
            {
                Assert.Single(smtp.WithMessageId(message.MessageId));
                Assert.Equal((OutboxStatus.Sent, 2), ((await after.MessageAsync(message.Id)).Status, (await after.MessageAsync(message.Id)).Attempts));
            }
        }
    }

    [Fact]
    public async Task A_crashed_instances_claim_is_left_alone_until_it_expires_and_then_its_messages_are_sent()
    {
        await using var instance = _app.SendingThrough(smtp, _clock);
        var messages = await instance.AddMessagesAsync(_clock, DeliveryWorld.Address("held"), DeliveryWorld.Address("lapsed"));
        var crashed = Guid.NewGuid();
        var now = _clock.UtcNow;
        await instance.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == messages[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, crashed).SetProperty(m => m.ClaimedBy, "crashed").SetProperty(m => m.ClaimExpiresAt, now.AddMinutes(2))));
        await instance.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == messages[1].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, crashed).SetProperty(m => m.ClaimedBy, "crashed").SetProperty(m => m.ClaimExpiresAt, now.AddSeconds(-1))));

        Assert.Equal(1, await instance.SendOnceAsync());
        Assert.Single(smtp.WithMessageId(messages[1].MessageId));
        Assert.Empty(smtp.WithMessageId(messages[0].MessageId));
        Assert.Equal(crashed, (await instance.MessageAsync(messages[0].Id)).ClaimToken);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await instance.SendOnceAsync());
        foreach (var message in messages)
        {
            Assert.Single(smtp.WithMessageId(message.MessageId));
            var sent = await instance.MessageAsync(message.Id);
            Assert.Equal((OutboxStatus.Sent, null, null), (sent.Status, sent.ClaimToken, sent.ClaimedBy));
        }
    }

    [Fact]
    public async Task Two_instances_sending_at_once_over_one_database_deliver_each_of_fifty_messages_exactly_once()
    {
        await using var first = _app.SendingThrough(smtp, _clock, instance: "first", batchSize: 4);
        await using var second = _app.SendingThrough(smtp, _clock, instance: "second", batchSize: 4);
        var messages = await first.AddMessagesAsync(_clock, [.. Enumerable.Range(1, 50).Select(i => DeliveryWorld.Address($"person{i}"))]);

        // Two loops per instance, all at once, each passing until a pass finds nothing left.
        async Task<int> Drain(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> instance)
        {
            var total = 0;
            for (var pass = 0; pass < 100; pass++)
            {
                var sent = await instance.SendOnceAsync();
                total += sent;
                if (sent == 0 && await instance.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent)) == 0)
                {
                    break;
                }
            }

            return total;
        }

        var counts = await Task.WhenAll(Task.Run(() => Drain(first)), Task.Run(() => Drain(second)), Task.Run(() => Drain(first)), Task.Run(() => Drain(second)));

        Assert.Equal(50, counts.Sum());
        foreach (var message in messages)
        {
            Assert.Single(smtp.WithMessageId(message.MessageId));
        }

        var saved = await first.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == NotificationKind.IssueAssigned).ToListAsync());
        Assert.All(saved, m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }
}
