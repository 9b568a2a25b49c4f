using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Features.Meetings;

namespace AreaPartnerships.UnitTests.Meetings;

/// <summary>UK wall-clock times across the 2026 clock changes (29 March forward, 25 October back), and how a meeting's times read.</summary>
public sealed class UkTimeTests
{
    [Fact]
    public void Before_the_March_change_a_time_is_GMT_and_after_it_BST()
    {
        var day = new DateOnly(2026, 3, 29);

        Assert.Equal(new DateTime(2026, 3, 29, 0, 30, 0, DateTimeKind.Utc), UkTime.ToUtc(day, new TimeOnly(0, 30)));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), UkTime.ToUtc(day, new TimeOnly(2, 0)));
        Assert.Equal(new DateTime(2026, 3, 29, 9, 0, 0, DateTimeKind.Utc), UkTime.ToUtc(day, new TimeOnly(10, 0)));
    }

    [Fact]
    public void The_half_hour_the_clocks_skip_in_March_does_not_exist() =>
        Assert.Null(UkTime.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(1, 30)));

    [Fact]
    public void The_half_hour_the_clocks_repeat_in_October_is_read_as_the_first_in_BST()
    {
        var day = new DateOnly(2026, 10, 25);

        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), UkTime.ToUtc(day, new TimeOnly(1, 30)));
        Assert.Equal(new DateTime(2026, 10, 25, 10, 0, 0, DateTimeKind.Utc), UkTime.ToUtc(day, new TimeOnly(10, 0)));
    }

    [Fact]
    public void A_meeting_reads_in_UK_time_with_its_date_once_when_it_ends_the_same_day()
    {
        Assert.Equal("3 December 2026, 10:00 to 11:30", UkTime.Describe(new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 3, 11, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("4 June 2026, 18:30 to 20:00", UkTime.Describe(new DateTime(2026, 6, 4, 17, 30, 0, DateTimeKind.Utc), new DateTime(2026, 6, 4, 19, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("4 June 2026, 22:00 to 5 June 2026, 01:00", UkTime.Describe(new DateTime(2026, 6, 4, 21, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 5, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("10:00", 10, 0)]
    [InlineData("9:30", 9, 30)]
    [InlineData(" 18:30 ", 18, 30)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    public void A_typed_24_hour_time_is_read(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), MeetingTimes.Parse(text));

    [Theory]
    [InlineData("25:00")]
    [InlineData("10:60")]
    [InlineData("10am")]
    [InlineData("1000")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("-1:00")]
    public void A_time_that_is_not_real_is_not_read(string? text) =>
        Assert.Null(MeetingTimes.Parse(text));
}
