using System.Text;
using System.Text.RegularExpressions;
using AreaPartnerships.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Notifications;

/// <summary>
/// The administrator's wording for one kind of e-mail (no row: <see cref="EmailTemplates.Default"/>). Placeholders
/// are written ((like_this)) and are checked on save against the kind's list, so a broken one is refused.
/// </summary>
public class EmailTemplate : IVersioned
{
    public EmailTemplate(NotificationKind kind, string? subject, string? body, int byId, DateTime at)
    {
        Kind = kind;
        Subject = null!;
        Body = null!;
        Change(subject, body, byId, at);
    }

    private EmailTemplate()
    {
        Subject = null!;
        Body = null!;
    }

    public NotificationKind Kind { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public int UpdatedById { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid Version { get; set; }

    public void Change(string? subject, string? body, int byId, DateTime at)
    {
        var errors = EmailTemplates.Check(Kind, subject, body);
        if (errors.Count > 0)
        {
            throw new DomainException(errors[0].Message, errors[0].Field);
        }

        Subject = subject!.Trim();
        Body = body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        UpdatedById = byId;
        UpdatedAt = at;
    }
}

/// <summary>The default wording, the placeholder check and the filling-in: one home for e-mail text.</summary>
public static partial class EmailTemplates
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;

    [GeneratedRegex(@"\(\(([^()]*)\)\)")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("^[a-z_]+$")]
    private static partial Regex NamePattern();

    public sealed record Wording(string Subject, string Body);

    public sealed record Error(string Field, string Message);

    private const string Signature = "\n\n((link))";

    public static Wording Default(NotificationKind kind) => kind switch
    {
        NotificationKind.IssueAssigned => new("((reference)) has been assigned to you",
            "Dear ((name)),\n\nIssue ((reference)), “((title))” in ((ward)), ((area)), is now yours to own at ((level)).\n\nOpen it to see what is needed:" + Signature),
        NotificationKind.Referral => new("Referral ((reference)) for ((organisation))",
            "Dear ((name)),\n\n((area)) Area Partnership has referred issue ((reference)), “((title))” in ((ward)), to ((organisation)) as a Level 1 issue for front-line action. It will be followed up on ((follow_up_on)).\n\nOpen it to see the details and confirm when it is done:" + Signature),
        NotificationKind.ActionAssigned => new("An action for you: ((action))",
            "Dear ((name)),\n\nYou have been given an action from ((source)): “((action))”, due on ((due_on)).\n\nOpen your actions:" + Signature),
        NotificationKind.ActionDueSoon => new("Your action is due on ((due_on))",
            "Dear ((name)),\n\nYour action from ((source)), “((action))”, is due on ((due_on)).\n\nRecord your progress:" + Signature),
        NotificationKind.ActionOverdue => new("Your action is overdue",
            "Dear ((name)),\n\nYour action from ((source)), “((action))”, was due on ((due_on)) and is not yet done.\n\nRecord your progress or agree a new date:" + Signature),
        NotificationKind.MeetingInvitation => new("Invitation: ((meeting)), ((when))",
            "Dear ((name)),\n\nYou are invited to ((meeting)) on ((when)), at ((where)).\n\nThe calendar event is attached. The agenda and papers are on the meeting's page:" + Signature),
        NotificationKind.MeetingChanged => new("Changed: ((meeting)), now ((when))",
            "Dear ((name)),\n\n((meeting)) has changed. It is now on ((when)), at ((where)).\n\nThe updated calendar event is attached:" + Signature),
        NotificationKind.MeetingCancelled => new("Cancelled: ((meeting)), ((when))",
            "Dear ((name)),\n\n((meeting)) on ((when)) has been cancelled. ((reason))\n\nThe cancellation for your calendar is attached:" + Signature),
        NotificationKind.AddedToTaskGroup => new("You have joined the task group ((task_group))",
            "Dear ((name)),\n\nYou have been added to the task group ((task_group)) in ((area)).\n\nSee its micro plan and actions:" + Signature),
        NotificationKind.RaisedIssueStatusChanged => new("((reference)) is now ((status))",
            "Dear ((name)),\n\nIssue ((reference)), “((title))”, which you raised in ((ward)), is now ((status)).\n\nSee its progress:" + Signature),
        NotificationKind.DailyDigest => new("Your daily summary for ((date))",
            "Dear ((name)),\n\nHere is your summary for ((date)).\n\n((sections))\n\nOpen ((service_name)):" + Signature),
        NotificationKind.WeeklyDigest => new("The borough this week: ((week))",
            "Dear ((name)),\n\nHere is the borough's week to ((week)).\n\n((sections))\n\nOpen the borough dashboard:" + Signature),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No wording for this kind"),
    };

    /// <summary>Every fault in a template, each against its field (Subject or Body); none means it can be saved.</summary>
    public static IReadOnlyList<Error> Check(NotificationKind kind, string? subject, string? body)
    {
        var errors = new List<Error>();
        var allowed = NotificationKinds.Of(kind).Placeholders;
        void CheckText(string field, string? text, int max, string name)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new(field, $"Enter the {name}"));
                return;
            }

            if (text.Trim().Length > max)
            {
                errors.Add(new(field, $"The {name} must be {max:N0} characters or fewer"));
                return;
            }

            if (field == nameof(EmailTemplate.Subject) && text.Contains('\n', StringComparison.Ordinal))
            {
                errors.Add(new(field, "The subject must be one line"));
                return;
            }

            foreach (Match m in PlaceholderPattern().Matches(text))
            {
                var placeholder = m.Groups[1].Value;
                if (!NamePattern().IsMatch(placeholder) || !allowed.Contains(placeholder))
                {
                    errors.Add(new(field, $"The {name} has a placeholder (({placeholder})) this e-mail does not have: use {string.Join(", ", allowed.Select(a => $"(({a}))"))}"));
                    return;
                }
            }

            var rest = PlaceholderPattern().Replace(text, string.Empty);
            if (rest.Contains("((", StringComparison.Ordinal) || rest.Contains("))", StringComparison.Ordinal))
            {
                errors.Add(new(field, $"The {name} has a placeholder that is not closed: write it as ((name)), with two brackets each side"));
            }
        }

        CheckText(nameof(EmailTemplate.Subject), subject, SubjectMaxLength, "subject");
        CheckText(nameof(EmailTemplate.Body), body, BodyMaxLength, "body");
        if (errors.All(e => e.Field != nameof(EmailTemplate.Body)) && !body!.Contains("((link))", StringComparison.Ordinal))
        {
            errors.Add(new(nameof(EmailTemplate.Body), "The body must include ((link)), so people can open the record"));
        }

        return errors;
    }

    /// <summary>Fills in the placeholders (a value missing from <paramref name="values"/> becomes empty).</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : string.Empty);

    /// <summary>A subject is one line whatever the values held.</summary>
    public static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) ? ' ' : c);
        }

        return sb.ToString().Trim();
    }
}

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> b)
    {
        b.HasKey(t => t.Kind);
        b.Property(t => t.Kind).ValueGeneratedNever();
        b.Property(t => t.Subject).HasMaxLength(EmailTemplates.SubjectMaxLength);
        b.Property(t => t.Body).HasMaxLength(EmailTemplates.BodyMaxLength);
    }
}
