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

    /// <summary>A date as GOV.UK writes it: "4 June 2026".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", British);
}
