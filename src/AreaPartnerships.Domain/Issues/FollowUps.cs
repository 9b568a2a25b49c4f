using System.Linq.Expressions;

namespace AreaPartnerships.Domain.Issues;

/// <summary>
/// When a Level 1 referral needs following up: the issue is open, its follow-up date is today or past (the UK
/// day, <see cref="Common.UkTime"/>), and the front-line service's confirmation has not been recorded. A
/// resolved, closed or withdrawn issue, or one whose confirmation is recorded, is not due. One rule, in two
/// forms that say the same thing: <see cref="IsFollowUpDue"/> on a loaded issue (the issue page) and
/// <see cref="FollowUpDueOn"/> for queries (the case list filter, the area manager's worklist).
/// </summary>
public static class FollowUps
{
    /// <summary>The rule as a query filter (translated to SQL; indexed on FollowUpOn, Status).</summary>
    public static Expression<Func<Issue, bool>> FollowUpDueOn(DateOnly today) => i =>
        (i.Status == IssueStatus.New || i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress)
        && i.FollowUpOn != null && i.FollowUpOn <= today
        && i.ReferralConfirmedAt == null;

    /// <summary>The rule on the values a page has read (status, follow-up date, confirmation).</summary>
    public static bool IsDue(IssueStatus status, DateOnly? followUpOn, DateTime? referralConfirmedAt, DateOnly today) =>
        status is IssueStatus.New or IssueStatus.Triaged or IssueStatus.InProgress
        && followUpOn is { } followUp && followUp <= today
        && referralConfirmedAt is null;

    extension(Issue issue)
    {
        /// <summary>The referral's follow-up is due today or overdue.</summary>
        public bool IsFollowUpDue(DateOnly today) => IsDue(issue.Status, issue.FollowUpOn, issue.ReferralConfirmedAt, today);
    }
}
