using System.Text.RegularExpressions;
using AreaPartnerships.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Caching.Memory;

namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// Keeps a page's rendered figures (docs/decisions/0029), keyed by the <see cref="DataVersion"/> read first and by
/// everything the figures depend on (who is counted for, what was asked, today's UK date). A change to the data moves
/// the version, in the same transaction as the change, so a kept page is never shown after the data it counted has
/// changed, on this instance or another over the same database: the next request works the figures out again. A page
/// whose figures move with the clock alone (a meeting starting, so now held) says until when they hold.
/// <para>
/// Bounded: at most <see cref="MaxCharacters"/> characters kept in all, each entry dropped after
/// <see cref="Unused"/> without use (entries for versions since moved on are never used again and go the same way).
/// </para>
/// </summary>
public sealed partial class FigureMemo(TimeProvider clock) : IDisposable
{
    /// <summary>About 12 MB of text: a borough-wide dashboard of 40 areas is about 700,000 characters, one area's about 100,000.</summary>
    public const long MaxCharacters = 6_000_000;

    public static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private sealed record Entry(object Value, DateTimeOffset? Until);

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = MaxCharacters });

    /// <summary>
    /// The figures for <paramref name="key"/> as kept for <paramref name="version"/>, or worked out by
    /// <paramref name="work"/> (the HTML, and until when it holds without a change) and kept. Read the version
    /// (<see cref="DataVersion.ReadAsync"/>) before anything the figures use, the person's areas included: then
    /// whatever is worked out after it is at least as new as the version it is kept under.
    /// </summary>
    public async Task<string> GetAsync(long version, string key, Func<Task<(string Html, DateTimeOffset? Until)>> work) =>
        await GetAsync(version, key, async () =>
        {
            var (html, until) = await work();
            return (html, until, html.Length);
        });

    /// <summary>As <see cref="GetAsync(long, string, Func{Task{ValueTuple{string, DateTimeOffset?}}})"/>, for figures kept as they were read (<paramref name="work"/> gives their size in characters' worth).</summary>
    public async Task<T> GetAsync<T>(long version, string key, Func<Task<(T Value, DateTimeOffset? Until, long Size)>> work)
        where T : class
    {
        var kept = $"{version}|{key}";
        if (_kept.TryGetValue(kept, out Entry? entry) && entry?.Value is T value && (entry.Until is not { } until || clock.GetUtcNow() < until))
        {
            return value;
        }

        var (worked, holds, size) = await work();
        _kept.Set(kept, new Entry(worked, holds), new MemoryCacheEntryOptions { Size = Math.Max(size, 1), SlidingExpiration = Unused });
        return worked;
    }

    /// <summary>A time as stored (UTC, its kind unset by the database) as the "until" a <c>work</c> gives; null stays null.</summary>
    public static DateTimeOffset? Until(DateTime? utc) => utc is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    public void Dispose() => _kept.Dispose();

    /// <summary>
    /// Renders a partial view of the controller's to text, as the page would (for <see cref="GetAsync"/> to keep),
    /// without the views' indentation (<see cref="WithoutIndentation"/>).
    /// </summary>
    public static async Task<string> RenderAsync(Controller controller, string viewName, object model)
    {
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var found = engine.FindView(controller.ControllerContext, viewName, isMainPage: false);
        var view = found.View ?? throw new InvalidOperationException($"No view {viewName}: looked in {string.Join(", ", found.SearchedLocations)}.");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary(controller.ViewData) { Model = model };
        await view.RenderAsync(new ViewContext(controller.ControllerContext, view, data, controller.TempData, writer, new HtmlHelperOptions()));
        return WithoutIndentation(writer.ToString());
    }

    /// <summary>
    /// <paramref name="html"/> with each line break and the spaces around it made one line break: the views'
    /// indentation, a quarter of a borough-wide dashboard, sent and read again on every request. A browser shows a run
    /// of spaces and line breaks as one space, so the page looks and reads the same; HTML holding a <c>pre</c> or a
    /// <c>textarea</c>, where spaces show, is left as it is.
    /// </summary>
    public static string WithoutIndentation(string html) =>
        html.Contains("<pre", StringComparison.OrdinalIgnoreCase) || html.Contains("<textarea", StringComparison.OrdinalIgnoreCase)
            ? html
            : LineBreakAndIndentation().Replace(html, "\n");

    [GeneratedRegex(@"[ \t\r]*\n\s*")]
    private static partial Regex LineBreakAndIndentation();
}
