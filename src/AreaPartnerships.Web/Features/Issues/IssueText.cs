using AreaPartnerships.Domain.Issues;

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

    public static string Level(IssueLevel? level) => level is { } l ? Issue.LevelName(l) : "Not triaged";

    /// <summary>GOV.UK tag colour for a status.</summary>
    public static string StatusTag(IssueStatus status) => status switch
    {
        IssueStatus.New => "govuk-tag--blue",
        IssueStatus.Triaged => "govuk-tag--light-blue",
        IssueStatus.InProgress => "govuk-tag--yellow",
        IssueStatus.Resolved => "govuk-tag--green",
        IssueStatus.Closed => "govuk-tag--grey",
        _ => "govuk-tag--grey",
    };
}
