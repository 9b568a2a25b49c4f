using Moq;

namespace AreaPartnerships.UnitTests;

/// <summary>
/// The clock seam: <see cref="TimeProvider"/> is what the app asks for "now" (and so for the UK "today"), so a
/// test sets the instant it wants with Moq and can check the code asked the clock rather than the machine.
/// </summary>
internal static class Clocks
{
    public static Mock<TimeProvider> At(DateTimeOffset instant)
    {
        var clock = new Mock<TimeProvider>(MockBehavior.Strict);
        clock.Setup(c => c.GetUtcNow()).Returns(instant);
        return clock;
    }
}
