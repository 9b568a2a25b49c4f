namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>The background work's settings (appsettings section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Run the background worker in this instance (tests switch it off and run a pass themselves).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Seconds between passes of the worker when a pass found nothing to do (a pass that did something is followed at once by the next).</summary>
    public int PollSeconds { get; set; } = 10;

    /// <summary>Tries before a message is parked for the administrator.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a claim on a batch of messages lasts: an instance that dies holding one loses it after this.</summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>Messages claimed and sent in one pass.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>This instance's name in claims (defaults to the machine name and process id).</summary>
    public string? InstanceName { get; set; }
}
