using System.Globalization;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>The date and the start and end times a meeting form posts: typed as UK wall-clock "HH:mm", 24-hour.</summary>
public interface IMeetingTimes
{
    string? StartDay { get; }

    string? StartMonth { get; }

    string? StartYear { get; }

    string? StartTime { get; }

    string? EndTime { get; }
}

/// <summary>The details both the schedule and the change forms post (and the <c>_MeetingDetails</c> partial draws).</summary>
public interface IMeetingDetails : IMeetingTimes
{
    string? Title { get; }

    string? Venue { get; }

    string? OnlineLink { get; }

    string? Purpose { get; }

    bool? IsConfidential { get; }

    int? ChairUserId { get; }

    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Chairs { get; }
}

/// <summary>
/// Reading a meeting's date and times: the shape checks (a real date, a real time, the end after the start) for
/// the validators, and the UTC instants (across the clock changes) for the handlers.
/// </summary>
public static class MeetingTimes
{
    public const string StartTimeError = "Enter a real start time, like 10:00 or 18:30";

    public const string EndTimeError = "Enter a real end time, like 11:30 or 20:00";

    public static DateOnly? DateOf(IMeetingTimes form) => UkFormat.DateFrom(form.StartDay, form.StartMonth, form.StartYear);

    /// <summary>"10:00", "9:30" or "18:30" (24-hour); null for anything else ("25:00", "10am", "10:60").</summary>
    public static TimeOnly? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split(':', '.');
        return parts.Length == 2 && parts[0].Length is 1 or 2 && parts[1].Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            && hour is >= 0 and <= 23 && minute is >= 0 and <= 59
                ? new TimeOnly(hour, minute)
                : null;
    }

    /// <summary>"10:00": how a stored time is shown back in the form.</summary>
    public static string Format(DateTime utc) => UkTime.FromUtc(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The shape rules every meeting form shares.</summary>
    public static void AddRules<T>(AbstractValidator<T> validator)
        where T : IMeetingTimes
    {
        validator.RuleFor(f => f.StartDay).Must((f, _) => DateOf(f) is not null).WithMessage("Enter a real date for the meeting, like 3 12 2026");
        validator.RuleFor(f => f.StartTime).Must(t => Parse(t) is not null).WithMessage(StartTimeError);
        validator.RuleFor(f => f.EndTime).Cascade(CascadeMode.Stop)
            .Must(t => Parse(t) is not null).WithMessage(EndTimeError)
            .Must((f, t) => Parse(f.StartTime) is not { } start || Parse(t) > start).WithMessage("The end time must be after the start time");
    }

    /// <summary>
    /// The meeting's UTC start and end, from a form that passed <see cref="AddRules{T}"/>. A time the clocks skip (the
    /// hour after 01:00 on the last Sunday in March) is refused on its field; a time the clocks repeat (October) is
    /// read as the first, in British Summer Time.
    /// </summary>
    public static MeetingTime TimeOf(IMeetingTimes form)
    {
        var date = DateOf(form)!.Value;
        var start = UkTime.ToUtc(date, Parse(form.StartTime)!.Value)
            ?? throw new DomainException(Missing(date, form.StartTime!, "start"), nameof(IMeetingTimes.StartTime));
        var end = UkTime.ToUtc(date, Parse(form.EndTime)!.Value)
            ?? throw new DomainException(Missing(date, form.EndTime!, "end"), nameof(IMeetingTimes.EndTime));
        return new MeetingTime(start, end);
    }

    private static string Missing(DateOnly date, string time, string which) =>
        $"There is no {Parse(time)!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)} on {UkTime.Format(date)}: the clocks go forward from 01:00 to 02:00. Enter a {which} time of 02:00 or later, or before 01:00";
}
