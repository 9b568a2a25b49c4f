namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>Placeholder: to be written (issue 14).</summary>
public sealed class OutboxSender
{
    public Task<int> RunOnceAsync(CancellationToken ct) => Task.FromResult(0);
}
