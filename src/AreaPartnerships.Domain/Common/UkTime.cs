namespace AreaPartnerships.Domain.Common;

/// <summary>
/// Times are stored in UTC; the partnership works to the UK calendar (GMT or BST), so "today", due dates
/// and financial years are read in Europe/London time.
/// </summary>
public static class UkTime
{
    private static readonly System.Globalization.CultureInfo British = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>The UK calendar date at the UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>
    /// The UTC instant of a UK wall-clock time, across the clock changes. Null for a time that does not exist
    /// (the hour the clocks skip in March). A time that happens twice (the hour repeated in October) is read as
    /// the first of the two, in British Summer Time.
    /// </summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            return null;
        }

        var offset = London.IsAmbiguousTime(local) ? London.GetAmbiguousTimeOffsets(local).Max() : London.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>A time span as people read it: "3 December 2026, 10:00 to 11:30".</summary>
    public static string Describe(DateTime startsAtUtc, DateTime endsAtUtc)
    {
        var start = FromUtc(startsAtUtc);
        var end = FromUtc(endsAtUtc);
        var to = start.Date == end.Date ? end.ToString("HH:mm", British) : $"{Format(DateOnly.FromDateTime(end))}, {end.ToString("HH:mm", British)}";
        return $"{Format(DateOnly.FromDateTime(start))}, {start.ToString("HH:mm", British)} to {to}";
    }

    /// <summary>A date as GOV.UK writes it: "4 June 2026".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", British);
}
