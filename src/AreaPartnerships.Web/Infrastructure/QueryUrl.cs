using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// Links to the current page with some query-string values changed (e.g. a column's sort link), back to the first
/// page: a page number (<c>page</c>) or a position in a list read by key (<see cref="SeekLinks"/>) is dropped.
/// </summary>
public static class QueryUrl
{
    /// <summary>The query-string names that say which page of a list is shown.</summary>
    public static readonly IReadOnlySet<string> PagingKeys = new HashSet<string>(["page", .. Govuk.SeekLinks.Keys], StringComparer.OrdinalIgnoreCase);

    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var keys = changes.Select(c => c.Key).Concat(PagingKeys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = request.Query.Where(q => !keys.Contains(q.Key)).ToList();
        query.AddRange(changes.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => new KeyValuePair<string, StringValues>(c.Key, c.Value)));
        return request.PathBase.Add(request.Path).ToUriComponent() + QueryString.Create(query).ToUriComponent();
    }

    /// <summary>
    /// <paramref name="path"/> with these query-string values, written as the link generator writes them (invariant
    /// culture, nulls left out, a later value for a name replacing the earlier one in its place) without routing each
    /// link: for a page that links hundreds of figures to the same few lists (the dashboard routes each list once).
    /// </summary>
    public static string Append(string path, IEnumerable<(string Key, object? Value)> values)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in values)
        {
            if (value is null)
            {
                continue;
            }

            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            var at = pairs.FindIndex(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                pairs[at] = new(pairs[at].Key, text);
            }
            else
            {
                pairs.Add(new(key, text));
            }
        }

        return path + QueryString.Create(pairs).ToUriComponent();
    }
}
