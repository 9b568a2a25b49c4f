using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.IntegrationTests.Infrastructure;

/// <summary>
/// A clock the test sets or moves by hand, given to the app as its <see cref="TimeProvider"/> (backoff, claim expiry,
/// "sent today", digest times and reminders are all judged by it). Safe to read from the app's threads.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public TestClock()
        : this(DateTimeOffset.UtcNow)
    {
    }

    public DateTimeOffset Now
    {
        get
        {
            lock (_lock)
            {
                return _now;
            }
        }

        set
        {
            lock (_lock)
            {
                _now = value;
            }
        }
    }

    public DateTime UtcNow => Now.UtcDateTime;

    public DateOnly UkToday => UkTime.DateOf(UtcNow);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    /// <summary>Sets the clock to a UK wall-clock time (GMT or BST as that day has it).</summary>
    public void SetUk(DateOnly date, TimeOnly time) => Now = new DateTimeOffset(UkTime.ToUtc(date, time)!.Value, TimeSpan.Zero);
}
