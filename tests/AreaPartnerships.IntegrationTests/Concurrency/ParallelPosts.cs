namespace AreaPartnerships.IntegrationTests.Concurrency;

/// <summary>
/// Many people posting at the same moment: each client reads its form (anti-forgery token) first, then all the
/// posts are released together, so they really overlap on the server and the database file.
/// </summary>
public static class ParallelPosts
{
    public static async Task<HttpResponseMessage[]> PostTogetherAsync(
        IReadOnlyList<HttpClient> clients, string pageUrl, Func<int, IEnumerable<KeyValuePair<string, string>>> fields, string? postUrl = null)
    {
        var prepared = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var page = await client.GetDocumentAsync(pageUrl);
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var version = page.QuerySelector("input[name=Version]")?.GetAttribute("value");
            var all = fields(i).ToList();
            if (version is not null && all.All(f => f.Key != "Version"))
            {
                all.Add(new("Version", version));
            }

            all.Add(new("__RequestVerificationToken", token));
            return (client, content: new FormUrlEncodedContent(all));
        }));

        using var start = new ManualResetEventSlim();
        var posts = prepared.Select(p => Task.Run(async () =>
        {
            start.Wait();
            return await p.client.PostAsync(new Uri(postUrl ?? pageUrl, UriKind.Relative), p.content);
        })).ToList();
        start.Set();
        return await Task.WhenAll(posts);
    }
}
