using Microsoft.Extensions.Primitives;

namespace AreaPartnerships.Web.Infrastructure;

/// <summary>Links to the current page with some query-string values changed (e.g. a column's sort link), back to page 1.</summary>
public static class QueryUrl
{
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var keys = changes.Select(c => c.Key).Append("page").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = request.Query.Where(q => !keys.Contains(q.Key)).ToList();
        query.AddRange(changes.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => new KeyValuePair<string, StringValues>(c.Key, c.Value)));
        return request.PathBase.Add(request.Path).ToUriComponent() + QueryString.Create(query).ToUriComponent();
    }
}
