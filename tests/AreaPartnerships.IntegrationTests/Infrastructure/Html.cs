using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AreaPartnerships.IntegrationTests.Infrastructure;

/// <summary>Reading pages and posting their forms the way a browser would (anti-forgery token included).</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return await Parser.ParseDocumentAsync(body);
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        return await ReadAsync(response);
    }

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, takes the anti-forgery token from its own form (not the header's sign-out form,
    /// so a form that forgot its token fails here as it would in a browser; a page with no other form lends the
    /// sign-out form's) and POSTs the fields to <paramref name="postUrl"/> (default: the same page).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var forms = page.QuerySelectorAll("main form[method=post i]").ToList();
        var token = (forms.Count > 0
                ? forms.Select(f => f.QuerySelector("input[name=__RequestVerificationToken]")).FirstOrDefault(t => t is not null)
                    ?? throw new InvalidOperationException($"The form on {pageUrl} has no anti-forgery token: a browser's post would be refused")
                : page.QuerySelector("input[name=__RequestVerificationToken]"))?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No anti-forgery token on {pageUrl}");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(postUrl ?? pageUrl, UriKind.Relative), content);
    }

    /// <summary>
    /// POSTs the fields to <paramref name="url"/> with a valid anti-forgery token taken from the home page: a post the page
    /// itself would not offer (to someone refused it, or with values its form never shows), as an attacker would send it.
    /// </summary>
    public static Task<HttpResponseMessage> ForgePostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostFormAsync("/", fields, url);

    /// <summary>The success banner's heading, whitespace collapsed; null when the page has none.</summary>
    public static string? Banner(IHtmlDocument page) =>
        page.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading") is { } heading ? Collapse(heading.TextContent) : null;

    /// <summary>The message on a field (its <c>#{id}-error</c> element) without the hidden "Error:" prefix; null when the field has none.</summary>
    public static string? FieldError(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error") is { } error ? Collapse(error.TextContent).Replace("Error: ", string.Empty, StringComparison.Ordinal) : null;

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static IReadOnlyList<string> ErrorSummary(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())];
}
