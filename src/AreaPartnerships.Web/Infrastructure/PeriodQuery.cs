using System.Globalization;

namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// A period asked for in a query string: as ISO dates (<see cref="From"/>, <see cref="To"/>: links) or as GOV.UK date
/// fields (the form). The reports with a period (value for money, the dashboard) read it here, so a bad date gets the
/// same message everywhere and what was typed is kept.
/// </summary>
public class PeriodQuery
{
    public string? From { get; set; }

    public string? To { get; set; }

    public string? FromDay { get; set; }

    public string? FromMonth { get; set; }

    public string? FromYear { get; set; }

    public string? ToDay { get; set; }

    public string? ToMonth { get; set; }

    public string? ToYear { get; set; }

    /// <summary>The period read, or the errors (field name → message).</summary>
    public sealed record Dates(DateOnly? From, DateOnly? To, IReadOnlyDictionary<string, string> Errors);

    /// <summary>Reads the period; a side not given is <paramref name="defaultFrom"/> or <paramref name="defaultTo"/>.</summary>
    public Dates Read(DateOnly defaultFrom, DateOnly defaultTo)
    {
        var errors = new Dictionary<string, string>();
        var from = ReadDate(From, FromDay, FromMonth, FromYear, defaultFrom, "FromDay", "the start of the period", errors);
        var to = ReadDate(To, ToDay, ToMonth, ToYear, defaultTo, "ToDay", "the end of the period", errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors["ToDay"] = "The end of the period must be the same as or after the start";
        }

        return new Dates(from, to, errors);
    }

    /// <summary>The typed date fields shown back: what was typed, or the ISO date's parts.</summary>
    public (string Day, string Month, string Year) Typed(bool start, DateOnly? read)
    {
        var (day, month, year) = start ? (FromDay, FromMonth, FromYear) : (ToDay, ToMonth, ToYear);
        if (day is not null || month is not null || year is not null)
        {
            return (day ?? string.Empty, month ?? string.Empty, year ?? string.Empty);
        }

        return read is { } date
            ? (date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture))
            : (string.Empty, string.Empty, string.Empty);
    }

    private static DateOnly? ReadDate(string? iso, string? day, string? month, string? year, DateOnly fallback, string field, string what, Dictionary<string, string> errors)
    {
        if (!string.IsNullOrWhiteSpace(day) || !string.IsNullOrWhiteSpace(month) || !string.IsNullOrWhiteSpace(year))
        {
            if (UkFormat.DateFrom(day, month, year) is { } typed)
            {
                return typed;
            }

            errors[field] = $"Enter {what} as a real date, for example 1 4 2026";
            return null;
        }

        if (string.IsNullOrWhiteSpace(iso))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(iso.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year >= 1900)
        {
            return parsed;
        }

        errors[field] = $"Enter {what} as a real date, for example 1 4 2026";
        return null;
    }
}
