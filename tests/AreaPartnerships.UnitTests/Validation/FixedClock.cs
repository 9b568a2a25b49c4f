namespace AreaPartnerships.UnitTests.Validation;

/// <summary>A clock stopped at one instant, so "today" in a validator is known.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
