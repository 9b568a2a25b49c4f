namespace AreaPartnerships.Web.Features.Issues;

/// <summary>
/// Where an issue page or its triage form was opened from, carried as <c>?from=</c> so the back link returns there.
/// Only the values of this fixed set are understood; anything else is the case list. It never carries an address,
/// so it can never send anyone off the site.
/// </summary>
public enum IssueOrigin
{
    /// <summary>The case list (<c>/issues</c>): the default.</summary>
    List,

    /// <summary>The triage inbox (<c>/issues/triage</c>), working through the queue.</summary>
    Triage,
}

public static class IssueOrigins
{
    /// <summary>The query-string value for <see cref="IssueOrigin.Triage"/>.</summary>
    public const string Triage = "triage";

    public static IssueOrigin Parse(string? from) =>
        string.Equals(from, Triage, StringComparison.Ordinal) ? IssueOrigin.Triage : IssueOrigin.List;
}
