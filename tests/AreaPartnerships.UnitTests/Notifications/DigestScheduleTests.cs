using AreaPartnerships.Web.Features.Notifications;

namespace AreaPartnerships.UnitTests.Notifications;

/// <summary>When a digest is due: the person's UK time of day, across the clock changes; the weekly one on Mondays.</summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeOnly Seven = new(7, 0);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2026, 1, 15, 7, 0)] // winter: GMT
    [InlineData(2026, 3, 28, 7, 0)] // the Saturday before the spring change
    [InlineData(2026, 3, 29, 6, 0)] // the first day of summer time: BST
    [InlineData(2026, 7, 1, 6, 0)]
    [InlineData(2026, 10, 24, 6, 0)] // the last day of summer time
    [InlineData(2026, 10, 25, 7, 0)] // back to GMT
    public void Seven_in_the_morning_UK_time_is_the_right_UTC_instant(int year, int month, int day, int utcHour, int utcMinute) =>
        Assert.Equal(Utc(year, month, day, utcHour, utcMinute), DigestSchedule.DueAt(new DateOnly(year, month, day), Seven));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 30)]
    public void A_time_the_spring_change_skips_is_read_as_the_moment_the_clocks_go_forward(int hour, int minute) =>
        Assert.Equal(Utc(2026, 3, 29, 1), DigestSchedule.DueAt(new DateOnly(2026, 3, 29), new TimeOnly(hour, minute)));

    [Fact]
    public void A_time_the_autumn_change_repeats_is_the_first_of_the_two() =>
        Assert.Equal(Utc(2026, 10, 25, 0, 30), DigestSchedule.DueAt(new DateOnly(2026, 10, 25), new TimeOnly(1, 30)));

    [Fact]
    public void The_daily_digest_is_not_due_before_the_persons_time_and_is_due_from_it()
    {
        Assert.False(DigestSchedule.IsDailyDue(Utc(2026, 3, 29, 5, 59), Seven));
        Assert.True(DigestSchedule.IsDailyDue(Utc(2026, 3, 29, 6, 0), Seven));
        Assert.False(DigestSchedule.IsDailyDue(Utc(2026, 10, 25, 6, 59), Seven));
        Assert.True(DigestSchedule.IsDailyDue(Utc(2026, 10, 25, 7, 0), Seven));
        Assert.True(DigestSchedule.IsDailyDue(Utc(2026, 10, 25, 23, 0), new TimeOnly(22, 30)));
    }

    [Fact]
    public void Late_in_the_UK_evening_in_summer_is_already_the_next_UK_day()
    {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July: 1 July's digest at 00:30 is due, 07:00 is not yet.
        Assert.True(DigestSchedule.IsDailyDue(Utc(2026, 6, 30, 23, 30), new TimeOnly(0, 30)));
        Assert.False(DigestSchedule.IsDailyDue(Utc(2026, 6, 30, 23, 30), Seven));
    }

    [Fact]
    public void The_weekly_digest_is_due_only_on_a_Monday_from_the_persons_time()
    {
        Assert.False(DigestSchedule.IsWeeklyDue(Utc(2026, 11, 29, 12, 0), Seven)); // Sunday
        Assert.False(DigestSchedule.IsWeeklyDue(Utc(2026, 11, 30, 6, 59), Seven)); // Monday, before seven
        Assert.True(DigestSchedule.IsWeeklyDue(Utc(2026, 11, 30, 7, 0), Seven));
        Assert.False(DigestSchedule.IsWeeklyDue(Utc(2026, 12, 1, 7, 0), Seven)); // Tuesday
    }

    [Fact]
    public void Without_a_chosen_time_the_digest_comes_at_seven() =>
        Assert.Equal(Seven, DigestSchedule.TimeFor(null));
}
