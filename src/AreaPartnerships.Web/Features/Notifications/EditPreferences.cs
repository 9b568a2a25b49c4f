using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Notifications;

/// <summary>
/// A person's own notification settings: for each kind, immediately, in the daily digest or not at all (a duty kind
/// cannot be switched off), and the time of their daily digest. The choices are fields named <c>Kind{number}</c>, the
/// keys the domain's own refusal uses, so every message lands at its field.
/// </summary>
public static class EditPreferences
{
    public const string DigestAtField = nameof(Form.DailyDigestAt);

    /// <summary>The digest times offered: every half hour from 6am to 8pm, UK time.</summary>
    public static readonly IReadOnlyList<TimeOnly> DigestTimes =
        [.. Enumerable.Range(12, 29).Select(halfHours => new TimeOnly(halfHours / 2, halfHours % 2 * 30))];

    public static string FieldFor(NotificationKind kind) => $"Kind{(int)kind}";

    public static IEnumerable<NotificationKindInfo> Choosable => NotificationKinds.All.Where(k => k.IsChoosable);

    /// <summary>"7:00am", "12:30pm".</summary>
    public static string TimeLabel(TimeOnly time) =>
        $"{(time.Hour % 12 == 0 ? 12 : time.Hour % 12)}:{time.Minute:00}{(time.Hour < 12 ? "am" : "pm")}";

    public static string TimeValue(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DeliveryLabel(Delivery delivery) => delivery switch
    {
        Delivery.Immediately => "Immediately",
        Delivery.InDailyDigest => "In my daily digest",
        _ => "Not at all",
    };

    /// <summary>What the person posts: one value per kind (by field name), the digest time and the version read.</summary>
    public sealed class Form : IVersionedForm
    {
        public Dictionary<NotificationKind, string?> Choices { get; } = [];

        /// <summary>Posted fields that look like a choice for a kind that does not exist (a forged form).</summary>
        public List<string> Unknown { get; } = [];

        public string? DailyDigestAt { get; set; }

        public Guid Version { get; set; }

        /// <summary>Reads the posted form by the field names the page uses.</summary>
        public static Form Read(IFormCollection posted)
        {
            var form = new Form { DailyDigestAt = posted[DigestAtField].FirstOrDefault() };
            if (Guid.TryParse(posted[nameof(Version)].FirstOrDefault(), out var version))
            {
                form.Version = version;
            }

            var known = Choosable.ToDictionary(k => FieldFor(k.Kind), k => k.Kind);
            foreach (var key in posted.Keys.Where(k => k.StartsWith("Kind", StringComparison.Ordinal)))
            {
                if (known.TryGetValue(key, out var kind))
                {
                    form.Choices[kind] = posted[key].FirstOrDefault();
                }
                else
                {
                    form.Unknown.Add(key);
                }
            }

            return form;
        }

        public Delivery? DeliveryOf(NotificationKind kind) =>
            Choices.TryGetValue(kind, out var value) && Enum.GetNames<Delivery>().Contains(value) ? Enum.Parse<Delivery>(value!) : null;

        public TimeOnly? DigestTime() =>
            TimeOnly.TryParseExact(DailyDigestAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && DigestTimes.Contains(at) ? at : null;
    }

    /// <summary>The page: the form, and whether the person has notifications at all (administrators do not).</summary>
    public sealed record Page(Form Form, bool IsAdministrator)
    {
        /// <summary>The digest time as the select shows it (named as the posted field).</summary>
        public string? DailyDigestAt => Form.DailyDigestAt;

        public IReadOnlyList<SelectListItem> Times =>
            [.. DigestTimes.Select(t => new SelectListItem(TimeLabel(t), TimeValue(t), TimeValue(t) == Form.DailyDigestAt))];
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f).Custom((form, context) =>
            {
                foreach (var key in form.Unknown)
                {
                    context.AddFailure(string.Empty, "Your choices could not be read: there is no such kind of e-mail. Choose again below.");
                }

                foreach (var info in Choosable)
                {
                    var delivery = form.DeliveryOf(info.Kind);
                    if (delivery is null)
                    {
                        context.AddFailure(FieldFor(info.Kind), $"Choose how you get “{info.Name}”");
                    }
                    else if (delivery == Delivery.Off && info.IsDuty)
                    {
                        context.AddFailure(FieldFor(info.Kind), $"“{info.Name}” cannot be switched off: choose immediately or in your daily digest");
                    }
                }

                if (form.DigestTime() is null)
                {
                    context.AddFailure(DigestAtField, "Choose a time for your daily digest from the list, on the hour or half hour between 6:00am and 8:00pm");
                }
            });
        }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Form> LoadAsync(int userId, CancellationToken ct)
        {
            var profile = await db.NotificationProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
            var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
            var form = new Form
            {
                DailyDigestAt = TimeValue(profile?.DailyDigestAt ?? NotificationProfile.DefaultDigestAt),
                Version = profile?.Version ?? Guid.Empty,
            };
            foreach (var info in Choosable)
            {
                form.Choices[info.Kind] = NotificationKinds.Effective(info.Kind, chosen.TryGetValue(info.Kind, out var d) ? d : null).ToString();
            }

            return form;
        }

        public async Task<SaveResult> HandleAsync(int userId, Form form, CancellationToken ct)
        {
            var profile = await db.NotificationProfiles.SingleOrDefaultAsync(p => p.UserId == userId, ct);
            if (profile is null)
            {
                profile = new NotificationProfile(userId);
                db.NotificationProfiles.Add(profile);
            }
            else if (await VersionedSave.IsStaleAsync(db, profile, form.Version, Conflict, ct) is { } stale)
            {
                return stale;
            }

            profile.SetDigestTime(form.DigestTime()!.Value);
            var preferences = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, ct);
            foreach (var info in Choosable)
            {
                var delivery = form.DeliveryOf(info.Kind)!.Value;
                if (preferences.TryGetValue(info.Kind, out var preference))
                {
                    preference.Set(delivery);
                }
                else
                {
                    db.NotificationPreferences.Add(new NotificationPreference(userId, info.Kind, delivery));
                }
            }

            return await VersionedSave.SaveAsync(db, profile, form.Version == Guid.Empty ? null : form.Version, Conflict, ct, moveVersion: true);
        }

        private static readonly ConflictText Conflict = new("set of notification choices", v =>
            [$"daily digest at {TimeLabel(v.GetValue<TimeOnly>(nameof(NotificationProfile.DailyDigestAt)))}"]);
    }
}
