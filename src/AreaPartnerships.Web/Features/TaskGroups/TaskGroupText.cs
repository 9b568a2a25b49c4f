using AreaPartnerships.Domain.TaskGroups;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>How task group and action values read on screen.</summary>
public static class TaskGroupText
{
    public static string Status(TaskGroupStatus status) => status switch
    {
        TaskGroupStatus.Active => "Active",
        TaskGroupStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string StatusTag(TaskGroupStatus status) => status == TaskGroupStatus.Active ? "govuk-tag--green" : "govuk-tag--grey";

    /// <summary>The tag that says who leads: the review wants partners leading, so it is shown everywhere.</summary>
    public static string LedBy(bool ledByPartner) => ledByPartner ? "Led by partner" : "Led by area manager";

    public static string LedByTag(bool ledByPartner) => ledByPartner ? "govuk-tag--turquoise" : "govuk-tag--purple";

    /// <summary>GOV.UK tag colour for an action's status.</summary>
    public static string ActionStatusTag(PlanActionStatus status) => status switch
    {
        PlanActionStatus.NotStarted => "govuk-tag--grey",
        PlanActionStatus.InProgress => "govuk-tag--blue",
        PlanActionStatus.Done => "govuk-tag--green",
        PlanActionStatus.Blocked => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
