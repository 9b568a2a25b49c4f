using Microsoft.Extensions.Options;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// The background worker (docs/decisions/0028): each pass writes the reminders that are due, turns pending
/// notifications into e-mails or digest entries, builds the digests whose time has come, and sends what the outbox
/// holds. Every step is safe with several instances running at once. Tests switch the worker off
/// (<see cref="NotificationOptions.WorkerEnabled"/>) and call <see cref="RunOnceAsync"/>.
/// </summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<NotificationWorker> logger) : BackgroundService
{
    /// <summary>What one pass did: reminders written, notifications dispatched, digests built, messages sent.</summary>
    public sealed record Pass(int Reminders, int Dispatched, int Digests, int Sent)
    {
        /// <summary>A pass that did anything may have left more (each step takes a batch): the next pass starts at once.</summary>
        public bool DidWork => Reminders + Dispatched + Digests + Sent > 0;
    }

    /// <summary>One pass of every step, in its own scope.</summary>
    public static async Task<Pass> PassAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var reminders = await provider.GetRequiredService<Reminders>().RunOnceAsync(ct);
        var dispatched = await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct);
        var digests = await provider.GetRequiredService<Digests>().RunOnceAsync(ct);
        var sent = await provider.GetRequiredService<OutboxSender>().RunOnceAsync(ct);
        return new Pass(reminders, dispatched, digests, sent);
    }

    /// <summary>One pass of every step, in its own scope; returns how many messages it sent.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct) => (await PassAsync(scopes, ct)).Sent;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if ((await PassAsync(scopes, stoppingToken)).DidWork)
                {
                    continue; // a backlog (after an outage, or a burst of changes) is worked through without waiting
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed pass must not stop the worker: it is logged and the next pass tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "A pass of the notification worker failed; the next pass will try again");
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
