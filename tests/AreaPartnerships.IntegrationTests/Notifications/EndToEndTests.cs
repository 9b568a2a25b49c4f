using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>
/// The whole way, as the background worker runs it: a change is saved, one worker pass (reminders, dispatcher,
/// digests, sender) runs, and the real SMTP server on 127.0.0.1 (aiosmtpd) receives what each person should get —
/// and nothing more: the confidential issue's e-mail is neutral, and the councillor hears nothing of it.
/// </summary>
public sealed class EndToEndTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>, IAsyncLifetime
{
    private readonly AppFactory _app = new();
    // Early morning UK time: before any daily digest is due, so the pass sends only what the change caused.
    private readonly TestClock _clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(4), TimeSpan.Zero));

    public Task InitializeAsync() => smtp.StartAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_triage_reaches_the_owner_and_the_councillor_by_smtp_and_a_confidential_one_only_neutrally()
    {
        await using var instance = _app.SendingThrough(smtp, _clock);
        var data = new TestData(instance.Services);
        var area = await data.CreateAreaAsync();
        var ward = await data.CreateWardAsync(area.Id);
        var manager = await data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id], email: DeliveryWorld.Address("manager"));
        var colleague = await data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id], email: DeliveryWorld.Address("colleague"));
        var councillor = await data.CreateUserAsync(Roles.Councillor, wardIds: [ward.Id], email: DeliveryWorld.Address("councillor"));
        var open = await data.CreateIssueAsync(ward.Id, councillor.Id, title: "Fly-tipping behind the Co-op");
        var secret = await data.CreateIssueAsync(ward.Id, councillor.Id, confidential: true, title: "Cuckooing at flat 12");

        await instance.WithDbAsync(async db =>
        {
            foreach (var issue in await db.Issues.Where(i => i.Id == open.Id || i.Id == secret.Id).ToListAsync())
            {
                issue.Triage(IssueLevel.Partnership, "Needs the partnership", new Assignment(OwnerId: colleague.Id, OwnerName: colleague.DisplayName), manager.Id, _clock.UtcNow, 28);
            }

            await db.SaveChangesAsync();
        });

        var sent = await NotificationWorker.RunOnceAsync(instance.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);

        var received = smtp.Messages();
        Assert.Equal(3, sent);
        Assert.Equal(3, received.Count);
        var toColleague = received.Where(m => m.To.Mailboxes.Single().Address == colleague.Email).ToList();
        Assert.Equal(2, toColleague.Count);
        var assigned = Assert.Single(toColleague, m => m.Subject == $"{open.Reference} has been assigned to you");
        Assert.Contains("“Fly-tipping behind the Co-op”", assigned.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/issues/{open.Reference}", assigned.TextBody, StringComparison.Ordinal);
        var neutral = Assert.Single(toColleague, m => m != assigned);
        Assert.Equal($"An issue in {area.Name} needs your attention", neutral.Subject);
        Assert.DoesNotContain("Cuckooing", neutral.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Reference, neutral.TextBody + neutral.Subject, StringComparison.Ordinal);

        var toCouncillor = Assert.Single(received, m => m.To.Mailboxes.Single().Address == councillor.Email);
        Assert.Equal($"{open.Reference} is now Triaged", toCouncillor.Subject);
        Assert.DoesNotContain(received, m => (m.TextBody ?? string.Empty).Contains("Cuckooing", StringComparison.Ordinal));

        // A second pass finds nothing left to send, and nothing is sent twice.
        Assert.Equal(0, await NotificationWorker.RunOnceAsync(instance.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None));
        Assert.Equal(3, smtp.Messages().Count);
        var states = await instance.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.IssueId == open.Id || n.IssueId == secret.Id)
            .Select(n => new { n.IssueId, n.Kind, n.State, n.Outcome }).ToListAsync());
        Assert.Contains(states, s => s.IssueId == secret.Id && s.Kind == NotificationKind.RaisedIssueStatusChanged && s.State == NotificationState.Skipped);
    }
}
