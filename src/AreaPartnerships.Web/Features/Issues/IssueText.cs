using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Infrastructure.Govuk;

namespace AreaPartnerships.Web.Features.Issues;

/// <summary>How issue values read on screen and in exports.</summary>
public static class IssueText
{
    public static string Source(IssueSource source) => source switch
    {
        IssueSource.Councillor => "Councillor",
        IssueSource.Resident => "Resident",
        IssueSource.Partner => "Partner",
        IssueSource.CommunityMeeting => "Community meeting",
        IssueSource.Officer => "Officer",
        _ => source.ToString(),
    };

    public static string Level(IssueLevel? level) => StatusTags.For(level).Text;
}
