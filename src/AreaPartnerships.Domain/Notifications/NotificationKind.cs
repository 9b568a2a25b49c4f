namespace AreaPartnerships.Domain.Notifications;

/// <summary>What a notification is about. The numbers are stored: never renumber.</summary>
public enum NotificationKind
{
    /// <summary>An issue was given to you to own (a duty: cannot be switched off).</summary>
    IssueAssigned = 1,

    /// <summary>A Level 1 issue was referred to your organisation as its front-line service (a duty).</summary>
    Referral = 2,

    ActionAssigned = 3,

    /// <summary>An action you own is due in two days (sent by the scheduler).</summary>
    ActionDueSoon = 4,

    /// <summary>An action you own is past its due date (sent by the scheduler, once per due date).</summary>
    ActionOverdue = 5,

    MeetingInvitation = 6,

    MeetingChanged = 7,

    MeetingCancelled = 8,

    AddedToTaskGroup = 9,

    /// <summary>An issue you raised changed status (how councillors follow their wards' issues).</summary>
    RaisedIssueStatusChanged = 10,

    /// <summary>The area manager's daily digest (and anyone's daily digest of what they chose to have in it).</summary>
    DailyDigest = 20,

    /// <summary>The partnership manager's weekly digest of the borough.</summary>
    WeeklyDigest = 21,
}

/// <summary>How a person wants one kind of notification.</summary>
public enum Delivery
{
    Immediately = 1,
    InDailyDigest = 2,
    Off = 3,
}

/// <summary>One kind's fixed facts: its name for people, whether it carries a duty, and the placeholders its template may use.</summary>
public sealed record NotificationKindInfo(NotificationKind Kind, string Name, string Hint, bool IsDuty, bool IsChoosable, IReadOnlyList<string> Placeholders);

/// <summary>The one list of kinds (preferences page, template editor, dispatcher all read it).</summary>
public static class NotificationKinds
{
    private static readonly string[] Common = ["name", "link", "service_name"];
    private static readonly string[] IssueFields = [.. Common, "reference", "title", "area", "ward"];

    public static readonly IReadOnlyList<NotificationKindInfo> All =
    [
        new(NotificationKind.IssueAssigned, "An issue is assigned to you", "You own it: this cannot be switched off.", IsDuty: true, IsChoosable: true, [.. IssueFields, "level"]),
        new(NotificationKind.Referral, "A Level 1 issue is referred to your organisation", "Your organisation is the front-line service: this cannot be switched off.", IsDuty: true, IsChoosable: true,
            [.. IssueFields, "organisation", "follow_up_on"]),
        new(NotificationKind.ActionAssigned, "An action is assigned to you", "Actions from task groups, meetings and area plans.", IsDuty: false, IsChoosable: true, [.. Common, "action", "due_on", "source"]),
        new(NotificationKind.ActionDueSoon, "An action of yours is due in two days", "A reminder two days before the due date.", IsDuty: false, IsChoosable: true, [.. Common, "action", "due_on", "source"]),
        new(NotificationKind.ActionOverdue, "An action of yours is overdue", "Once, the day after it was due.", IsDuty: false, IsChoosable: true, [.. Common, "action", "due_on", "source"]),
        new(NotificationKind.MeetingInvitation, "You are invited to a meeting", "With the meeting's calendar event attached.", IsDuty: false, IsChoosable: true, [.. Common, "meeting", "when", "where"]),
        new(NotificationKind.MeetingChanged, "A meeting you are invited to changes", "With the updated calendar event attached.", IsDuty: false, IsChoosable: true, [.. Common, "meeting", "when", "where"]),
        new(NotificationKind.MeetingCancelled, "A meeting you are invited to is cancelled", "With the cancellation for your calendar attached.", IsDuty: false, IsChoosable: true, [.. Common, "meeting", "when", "reason"]),
        new(NotificationKind.AddedToTaskGroup, "You are added to a task group", string.Empty, IsDuty: false, IsChoosable: true, [.. Common, "task_group", "area"]),
        new(NotificationKind.RaisedIssueStatusChanged, "An issue you raised changes status", "How councillors follow their wards' issues.", IsDuty: false, IsChoosable: true, [.. IssueFields, "status"]),
        new(NotificationKind.DailyDigest, "Daily digest", "Sent at the time you choose.", IsDuty: false, IsChoosable: false, [.. Common, "date", "sections"]),
        new(NotificationKind.WeeklyDigest, "Weekly digest of the borough", "Sent on Mondays.", IsDuty: false, IsChoosable: false, [.. Common, "week", "sections"]),
    ];

    public static NotificationKindInfo Of(NotificationKind kind) => All.Single(k => k.Kind == kind);

    /// <summary>What a person gets when they have not chosen: everything at once.</summary>
    public const Delivery DefaultDelivery = Delivery.Immediately;

    /// <summary>A duty kind can be moved to the digest but never switched off.</summary>
    public static Delivery Effective(NotificationKind kind, Delivery? chosen)
    {
        var delivery = chosen ?? DefaultDelivery;
        return delivery == Delivery.Off && Of(kind).IsDuty ? Delivery.Immediately : delivery;
    }
}
