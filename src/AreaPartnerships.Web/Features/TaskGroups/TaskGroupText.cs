using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Infrastructure.Govuk;

namespace AreaPartnerships.Web.Features.TaskGroups;

/// <summary>How task group and action values read on screen.</summary>
public static class TaskGroupText
{
    public static string Status(TaskGroupStatus status) => StatusTags.For(status).Text;

    /// <summary>The tag that says who leads: the review wants partners leading, so it is shown everywhere.</summary>
    public static string LedBy(bool ledByPartner) => ledByPartner ? "Led by partner" : "Led by area manager";

    public static string LedByTag(bool ledByPartner) => ledByPartner ? "govuk-tag--turquoise" : "govuk-tag--purple";

    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
