namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// What the <c>_Timeline</c> partial draws (the MoJ timeline component): the one place an issue's, a task group's
/// and an action's timelines are rendered. Entries come newest first, ordered by when they happened (then by id),
/// as each page's handler reads them.
/// <code>
/// &lt;partial name="_Timeline" model="Model.TimelineView" /&gt;
/// </code>
/// </summary>
/// <param name="TestId">The timeline's <c>data-testid</c> ("timeline", "history").</param>
/// <param name="Entries">Newest first.</param>
public sealed record Timeline(string TestId, IReadOnlyList<Timeline.Entry> Entries)
{
    /// <param name="Title">What happened.</param>
    /// <param name="By">Who did it, as shown after "by".</param>
    /// <param name="At">When it happened (UTC; shown in UK time).</param>
    /// <param name="Description">Paragraphs under the title (typed text keeps its line breaks).</param>
    /// <param name="IsConfidential">Tagged "Confidential" (officers and partners only).</param>
    public sealed record Entry(string Title, string By, DateTime At, IReadOnlyList<Line> Description, bool IsConfidential = false);

    /// <param name="Text">A paragraph of the description.</param>
    /// <param name="TestId">Its <c>data-testid</c>, where a test looks for it.</param>
    public sealed record Line(string Text, string? TestId = null);
}
