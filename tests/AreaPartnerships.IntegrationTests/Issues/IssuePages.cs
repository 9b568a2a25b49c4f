using System.Text;
using AngleSharp.Html.Dom;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>Reading the issue list, its CSV export and the issue page the way a person (or their spreadsheet) would.</summary>
public static class IssuePages
{
    /// <summary>The references in the issues table (each row's first link), in the order shown (none when the empty-state message shows instead).</summary>
    public static IReadOnlyList<string> References(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=issues] tbody tr").Select(row => row.QuerySelector("td a")!.TextContent.Trim())];

    public static async Task<IReadOnlyList<string>> ListedAsync(HttpClient client, string query = "") =>
        References(await client.GetDocumentAsync($"/issues{query}"));

    /// <summary>GET /issues/export: the CSV records, header first.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ExportAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync(new Uri($"/issues/export{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        return ParseCsv(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The references in the export (the first column of every record after the header).</summary>
    public static async Task<IReadOnlyList<string>> ExportedAsync(HttpClient client, string query = "") =>
        [.. (await ExportAsync(client, query)).Skip(1).Select(record => record[0])];

    public static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string url) =>
        (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode;

    /// <summary>
    /// The SQL commands the test scheme runs to sign a request in (it builds the principal from the database on
    /// every request, where a cookie sign-in carries it), measured on a page that runs no queries of its own.
    /// Subtract it to get what a page itself costs.
    /// </summary>
    public static async Task<int> SignInCommandsAsync(AppFactory app, HttpClient client)
    {
        app.Commands.Reset();
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(client, "/no-such-page"));
        return app.Commands.Count;
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ParseCsv(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
