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
public sealed class FigureMemo(TimeProvider clock) : IDisposable
{
    /// <summary>About 12 MB of text: a borough-wide dashboard of 40 areas is about 700,000 characters, one area's about 100,000.</summary>
    public const long MaxCharacters = 6_000_000;

    public static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private sealed record Entry(string Html, DateTimeOffset? Until);

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = MaxCharacters });

    /// <summary>
    /// The figures for <paramref name="key"/> as kept for <paramref name="version"/>, or worked out by
    /// <paramref name="work"/> (the HTML, and until when it holds without a change) and kept. Read the version
    /// (<see cref="DataVersion.ReadAsync"/>) before anything the figures use, the person's areas included: then
    /// whatever is worked out after it is at least as new as the version it is kept under.
    /// </summary>
    public async Task<string> GetAsync(long version, string key, Func<Task<(string Html, DateTimeOffset? Until)>> work)
    {
        var kept = $"{version}|{key}";
        if (_kept.TryGetValue(kept, out Entry? entry) && entry is not null && (entry.Until is not { } until || clock.GetUtcNow() < until))
        {
            return entry.Html;
        }

        var (html, holds) = await work();
        _kept.Set(kept, new Entry(html, holds), new MemoryCacheEntryOptions { Size = html.Length, SlidingExpiration = Unused });
        return html;
    }

    public void Dispose() => _kept.Dispose();

    /// <summary>Renders a partial view of the controller's to text, as the page would (for <see cref="GetAsync"/> to keep).</summary>
    public static async Task<string> RenderAsync(Controller controller, string viewName, object model)
    {
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var found = engine.FindView(controller.ControllerContext, viewName, isMainPage: false);
        var view = found.View ?? throw new InvalidOperationException($"No view {viewName}: looked in {string.Join(", ", found.SearchedLocations)}.");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary(controller.ViewData) { Model = model };
        await view.RenderAsync(new ViewContext(controller.ControllerContext, view, data, controller.TempData, writer, new HtmlHelperOptions()));
        return writer.ToString();
    }
}
