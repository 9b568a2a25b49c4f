using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Notifications;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// When a digest is due: at the person's time of day in UK local time (GMT or BST, <see cref="UkTime"/>), so 07:00 is
/// 07:00 UTC in winter and 06:00 UTC in summer. The daily digest is for the UK date it is now; the weekly one only on
/// Mondays (its date is that Monday). One rule, read by <see cref="Digests"/> and unit-tested on its own.
/// </summary>
public static class DigestSchedule
{
    /// <summary>
    /// The UTC instant of <paramref name="at"/> UK time on <paramref name="date"/>. A time the clocks skip in March
    /// (01:00–01:59 on the last Sunday) is read as the moment the clocks go forward, so that day's digest still comes;
    /// a time that happens twice in October is the first of the two (<see cref="UkTime.ToUtc"/>).
    /// </summary>
    public static DateTime DueAt(DateOnly date, TimeOnly at)
    {
        if (UkTime.ToUtc(date, at) is { } utc)
        {
            return utc;
        }

        // Skipped by the spring change: the first wall-clock time after the gap (02:00 BST) is the instant the clocks went forward.
        for (var later = at.AddMinutes(30); later > at; later = later.AddMinutes(30))
        {
            if (UkTime.ToUtc(date, later) is { } afterChange)
            {
                return afterChange;
            }
        }

        throw new InvalidOperationException($"No UK time on {date:yyyy-MM-dd} after {at}");
    }

    /// <summary>The daily digest for today (UK) is due at <paramref name="nowUtc"/>: the person's time has come today.</summary>
    public static bool IsDailyDue(DateTime nowUtc, TimeOnly at) => nowUtc >= DueAt(UkTime.DateOf(nowUtc), at);

    /// <summary>The weekly digest is due: it is Monday in the UK and the person's time has come.</summary>
    public static bool IsWeeklyDue(DateTime nowUtc, TimeOnly at) =>
        UkTime.DateOf(nowUtc).DayOfWeek == DayOfWeek.Monday && IsDailyDue(nowUtc, at);

    /// <summary>The person's daily digest time (no profile: <see cref="NotificationProfile.DefaultDigestAt"/>).</summary>
    public static TimeOnly TimeFor(TimeOnly? chosen) => chosen ?? NotificationProfile.DefaultDigestAt;
}
