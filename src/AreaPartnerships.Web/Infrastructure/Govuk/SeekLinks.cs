using Microsoft.Extensions.Primitives;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// What the <c>_SeekPagination</c> partial needs for a list read by key rather than by page number (the case list,
/// the triage inbox): first, previous, next and last, each a link that names the row to start after or before.
/// Reading by key costs the same on the millionth row as on the first (docs/decisions/0023), where a page number
/// would make the database count past every row before it.
/// <code>
/// // in the view:
/// &lt;partial name="_SeekPagination" model="SeekLinks.ForRequest(Context.Request, Model.Position)" /&gt;
/// </code>
/// </summary>
public sealed record SeekLinks(string? First, string? Previous, string? Next, string? Last)
{
    /// <summary>Start after this row (the next page).</summary>
    public const string AfterKey = "After";

    /// <summary>End before this row (the previous page).</summary>
    public const string BeforeKey = "Before";

    /// <summary>The last page.</summary>
    public const string LastKey = "Last";

    public static readonly IReadOnlyList<string> Keys = [AfterKey, BeforeKey, LastKey];

    /// <summary>Where a page sits in its list: whether there are rows either side, and the keys of its first and last rows.</summary>
    public sealed record Position(bool HasPrevious, bool HasNext, string? FirstKey, string? LastKey)
    {
        public static readonly Position Only = new(false, false, null, null);
    }

    /// <summary>
    /// Turns the rows read for a page (up to one more than <paramref name="pageSize"/>, in reading order) into the page
    /// and its position: the extra row only says there is more; a page read backwards (towards the start) is put back in
    /// display order. <paramref name="fromRow"/>: the page was read from a row named in the link (After or Before);
    /// <paramref name="last"/>: the last page was asked for.
    /// </summary>
    public static (List<T> Rows, Position Position) Page<T>(List<T> rows, int pageSize, bool backwards, bool fromRow, bool last, Func<T, string> key)
    {
        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveAt(pageSize);
        }

        if (backwards)
        {
            rows.Reverse();
        }

        var position = (backwards, fromRow) switch
        {
            (false, false) => new Position(false, more, null, null),
            (false, true) => new Position(true, more, null, null),
            (true, _) when last => new Position(more, false, null, null),
            (true, _) => new Position(more, true, null, null),
        };
        return (rows, rows.Count == 0 ? position : position with { FirstKey = key(rows[0]), LastKey = key(rows[^1]) });
    }

    /// <summary>False when everything fits on one page: the partial then renders nothing.</summary>
    public bool IsNeeded => Previous is not null || Next is not null;

    /// <summary>Links to the current path keeping every other query-string value (filters, sort order).</summary>
    public static SeekLinks ForRequest(HttpRequest request, Position position)
    {
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        var others = request.Query.Where(q => !QueryUrl.PagingKeys.Contains(q.Key)).ToList();
        string Href(string? key, string? value) => path + QueryString.Create(key is null
            ? others
            : [.. others, new KeyValuePair<string, StringValues>(key, value)]).ToUriComponent();

        return new SeekLinks(
            position.HasPrevious ? Href(null, null) : null,
            position.HasPrevious ? Href(BeforeKey, position.FirstKey) : null,
            position.HasNext ? Href(AfterKey, position.LastKey) : null,
            position.HasNext ? Href(LastKey, "true") : null);
    }
}
