using System.Globalization;
using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// Dates and times as GOV.UK writes them, in UK time: "4 June 2026", "4 June 2026 at 9:30am", "£1,250.00".
/// Times are stored in UTC and shown in Europe/London time (GMT or BST).
/// </summary>
public static partial class UkFormat
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToUkTime(DateTime utc) => UkTime.FromUtc(utc);

    public static DateOnly UkToday(TimeProvider clock) => UkTime.DateOf(clock.GetUtcNow().UtcDateTime);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    public static string Date(DateTime utc) => ToUkTime(utc).ToString("d MMMM yyyy", British);

    public static string DateAndTime(DateTime utc)
    {
        var local = ToUkTime(utc);
        return $"{local.ToString("d MMMM yyyy", British)} at {Time(local)}";
    }

    /// <summary>"10:42am on 4 July 2026": when something happened, time first (as in "changed this at…").</summary>
    public static string TimeOnDate(DateTime utc)
    {
        var local = ToUkTime(utc);
        return $"{Time(local)} on {local.ToString("d MMMM yyyy", British)}";
    }

    public static string Time(DateTimeOffset utc) => Time(ToUkTime(utc.UtcDateTime));

    /// <summary>The date typed into a GOV.UK date input's three fields, or null when they do not make a real date.</summary>
    public static DateOnly? DateFrom(string? day, string? month, string? year) =>
        Number(day) is { } d && Number(month) is { } m && Number(year) is { } y && y is >= 1900 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Money(decimal amount) => amount.ToString("C", British);

    /// <summary>
    /// An amount of money as people type it: "£1,000", "1000", "1,000.5", "250.50" (and, when
    /// <paramref name="allowNegative"/>, "-25" or "-£25.00"). Null for anything else: letters, exponents ("1e9"), a
    /// minus sign where none is allowed, misplaced thousands separators, or more than two decimal places.
    /// </summary>
    public static decimal? MoneyFrom(string? text, bool allowNegative = false)
    {
        var value = text?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var negative = value.StartsWith('-');
        if (negative)
        {
            if (!allowNegative)
            {
                return null;
            }

            value = value[1..];
        }

        if (value.StartsWith('£'))
        {
            value = value[1..];
        }

        if (!MoneyPattern().IsMatch(value)
            || !decimal.TryParse(value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return negative ? -amount : amount;
    }

    /// <summary>Digits with optional thousands separators in the right places, then up to two decimal places.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$")]
    private static partial System.Text.RegularExpressions.Regex MoneyPattern();

    /// <summary>
    /// A chance as people type it, as a probability from 0 to 1: a percentage ("10", "10%", "12.5 %", up to two decimal
    /// places, more than 0 and up to 100) or "1 in N" ("1 in 10" is 0.1; "1 in 3" is 33.33%, to two decimal places of a
    /// percentage). Null for anything else, including a bare fraction such as "0.1" read as a probability: "0.1" is 0.1%.
    /// </summary>
    public static decimal? ChanceFrom(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (OneInPattern().Match(value) is { Success: true } oneIn)
        {
            return int.TryParse(oneIn.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? decimal.Round(1m / n, 4, MidpointRounding.AwayFromZero)
                : null;
        }

        if (!PercentPattern().IsMatch(value)
            || !decimal.TryParse(value.TrimEnd('%').TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            || percent <= 0 || percent > 100)
        {
            return null;
        }

        return percent / 100m;
    }

    /// <summary>A probability as a percentage: 0.1 is "10%", 0.125 "12.5%", 0.3333 "33.33%".</summary>
    public static string Chance(decimal probability) =>
        (probability * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A percentage up to 100 with up to two decimal places, with or without a % sign.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(\.\d{1,2})?\s*%?$")]
    private static partial System.Text.RegularExpressions.Regex PercentPattern();

    /// <summary>"1 in 10", "1 in 1000" (any case, any spacing).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^1\s*in\s*(\d{1,7})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex OneInPattern();

    /// <summary>
    /// A quantity as people type it ("2", "2.5", "1,000"): digits with thousands separators in the right places and up to
    /// two decimal places; no sign, no exponent, no pound sign. Null for anything else. The one place a quantity is read.
    /// </summary>
    public static decimal? QuantityFrom(string? text)
    {
        var value = text?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        return !string.IsNullOrEmpty(value) && MoneyPattern().IsMatch(value)
            && decimal.TryParse(value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)
                ? quantity
                : null;
    }

    /// <summary>A quantity as shown: "2", "2.5", "1,000".</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("#,##0.##", British);

    /// <summary>A whole number with thousands separators: "1,000,000".</summary>
    public static string Number(int value) => value.ToString("N0", British);

    private static string Time(DateTime local) =>
        local.ToString(local.Minute == 0 ? "%h" : "h:mm", British) + (local.Hour < 12 ? "am" : "pm");
}
