using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace AreaPartnerships.Web.Infrastructure.Govuk;

/// <summary>
/// What the <c>_Pagination</c> partial needs to draw the GOV.UK pagination component: the current page,
/// the number of pages and how to link to a page. Pages are numbered from 1.
/// <code>
/// // in the handler or controller:
/// var pages = PageLinks.ForRequest(Request, page, PageLinks.PageCount(totalRows, pageSize));
/// // in the view:
/// &lt;partial name="_Pagination" model="Model.Pages" /&gt;
/// </code>
/// </summary>
public sealed class PageLinks
{
    private readonly Func<int, string> _hrefFor;

    /// <param name="currentPage">The page being shown; clamped to 1..<paramref name="totalPages"/>.</param>
    /// <param name="totalPages">How many pages there are; fewer than 1 counts as 1.</param>
    /// <param name="hrefFor">Builds the link for a page number.</param>
    public PageLinks(int currentPage, int totalPages, Func<int, string> hrefFor)
    {
        TotalPages = Math.Max(1, totalPages);
        CurrentPage = Math.Clamp(currentPage, 1, TotalPages);
        _hrefFor = hrefFor;
    }

    public int CurrentPage { get; }

    public int TotalPages { get; }

    /// <summary>False when everything fits on one page: the partial then renders nothing.</summary>
    public bool IsNeeded => TotalPages > 1;

    public bool HasPrevious => CurrentPage > 1;

    public bool HasNext => CurrentPage < TotalPages;

    /// <summary>
    /// The numbered links to show, with null for an ellipsis: always the first and last pages and the
    /// pages either side of the current one, for example 1 … 4 [5] 6 … 10. A gap of one page shows the
    /// page rather than an ellipsis.
    /// </summary>
    public IReadOnlyList<int?> Items
    {
        get
        {
            int[] wanted = [1, CurrentPage - 1, CurrentPage, CurrentPage + 1, TotalPages];
            var items = new List<int?>();
            var previous = 0;
            foreach (var page in wanted.Where(p => p >= 1 && p <= TotalPages).Distinct().Order())
            {
                if (page - previous == 2)
                {
                    items.Add(previous + 1);
                }
                else if (page - previous > 2)
                {
                    items.Add(null);
                }

                items.Add(page);
                previous = page;
            }

            return items;
        }
    }

    public string HrefFor(int page) => _hrefFor(page);

    /// <summary>How many pages <paramref name="totalItems"/> rows make at <paramref name="pageSize"/> a page (at least 1).</summary>
    public static int PageCount(int totalItems, int pageSize) =>
        pageSize <= 0 ? 1 : Math.Max(1, (totalItems + pageSize - 1) / pageSize);

    /// <summary>
    /// Links to the current path keeping every query-string value (filters, sort order) except
    /// <paramref name="parameter"/>, which is set to the page number (and left out for page 1).
    /// </summary>
    public static PageLinks ForRequest(HttpRequest request, int currentPage, int totalPages, string parameter = "page")
    {
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        var others = request.Query
            .Where(q => !string.Equals(q.Key, parameter, StringComparison.OrdinalIgnoreCase))
            .ToList();

        return new PageLinks(currentPage, totalPages, page =>
        {
            var query = page == 1
                ? others
                : [.. others, new KeyValuePair<string, StringValues>(parameter, page.ToString(CultureInfo.InvariantCulture))];
            return path + QueryString.Create(query).ToUriComponent();
        });
    }
}
