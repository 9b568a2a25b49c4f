// The benchmark's write load (bench/run.sh): N workers (default 4) each sign in through the real sign-in form,
// then post one kind of write through the app's real forms for a fixed time, as fast as the app answers:
//
//   note    POST /issues/{ref}/notes   (Text, Visibility, anti-forgery token). The token is read once per worker
//           from an issue page and reused: it belongs to the person's session, not to one form.
//   triage  GET /issues/{ref}/triage, then POST it at Level 2 with the first owner offered, a reason, the form's
//           Version and token. Each New issue is triaged once; a worker stops when its share of the queue runs out.
//   status  GET /issues/{ref}/status, then POST "Resolve" (or "ConfirmReferral") with an outcome, or "Reopen" with a
//           reason, whichever the form offers: the same issues go round resolved → reopened → resolved…
//
// Each worker has its own share of the issues (no two workers touch the same issue, so no conflicts are expected).
// A write is acknowledged when the POST answers with a redirect that is not to the sign-in page (post/redirect/get;
// the redirect is not followed). Every write carries a unique text ("<marker> <kind> w<worker> n<count>") so
// run.sh can check afterwards, in the database, that every acknowledged write is there.
//
// Prints one line "RESULT key=value ..." and writes the acknowledged writes' texts, one a line, to --acknowledged.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

var options = Options.Parse(args);
var references = File.ReadAllLines(options.IssuesFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
if (references.Count < options.Workers)
{
    Console.Error.WriteLine($"Need at least {options.Workers} issues for {options.Kind}, got {references.Count}");
    return 2;
}

// Each worker signs in (its own session, through the form) before the clock starts.
var workers = new List<Worker>();
for (var w = 0; w < options.Workers; w++)
{
    var share = references.Where((_, i) => i % options.Workers == w).ToList();
    var worker = new Worker(w, options, share);
    await worker.SignInAsync();
    workers.Add(worker);
}

var clock = Stopwatch.StartNew();
var deadline = DateTime.UtcNow.AddSeconds(options.DurationSeconds);
await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(deadline))));
var elapsed = clock.Elapsed.TotalSeconds;

var acknowledged = workers.SelectMany(w => w.Acknowledged).ToList();
await File.WriteAllLinesAsync(options.AcknowledgedFile, acknowledged);
var latencies = workers.SelectMany(w => w.PostMilliseconds).Order().ToList();
double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];

string Sum(Func<Worker, int> f) => workers.Sum(f).ToString(CultureInfo.InvariantCulture);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT kind={options.Kind} workers={options.Workers} seconds={elapsed:F1} acknowledged={acknowledged.Count} " +
    $"writes_per_s={acknowledged.Count / elapsed:F1} post_p50_ms={Percentile(50):F1} post_p99_ms={Percentile(99):F1} " +
    $"refused_4xx={Sum(w => w.Refused)} errors_5xx={Sum(w => w.ServerErrors)} to_sign_in={Sum(w => w.ToSignIn)} " +
    $"failed={Sum(w => w.Failed)} form_gets={Sum(w => w.FormGets)} form_get_failures={Sum(w => w.FormGetFailures)} " +
    $"skipped={Sum(w => w.Skipped)} pool_exhausted={Sum(w => w.PoolExhausted ? 1 : 0)}"));
return 0;

internal sealed record Options(string BaseUrl, string Email, string Password, string Kind, double DurationSeconds, int Workers,
    string IssuesFile, string Marker, string AcknowledgedFile)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string key) => values.TryGetValue(key, out var v) ? v : throw new ArgumentException($"--{key} is required");
        var kind = Get("kind");
        if (kind is not ("note" or "triage" or "status"))
        {
            throw new ArgumentException("--kind must be note, triage or status");
        }

        return new Options(Get("base").TrimEnd('/'), Get("email"), Get("password"), kind,
            double.Parse(Get("duration"), CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("workers", "4"), CultureInfo.InvariantCulture),
            Get("issues"), Get("marker"), Get("acknowledged"));
    }
}

internal sealed partial class Worker(int number, Options options, List<string> issues)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
    })
    {
        BaseAddress = new Uri(options.BaseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private string? _token;
    private int _count;

    public List<string> Acknowledged { get; } = [];

    public List<double> PostMilliseconds { get; } = [];

    public int Refused { get; private set; }

    public int ServerErrors { get; private set; }

    public int ToSignIn { get; private set; }

    public int Failed { get; private set; }

    public int FormGets { get; private set; }

    public int FormGetFailures { get; private set; }

    public int Skipped { get; private set; }

    public bool PoolExhausted { get; private set; }

    public async Task SignInAsync()
    {
        var page = await _http.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var response = await _http.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = options.Email,
            ["Password"] = options.Password,
            ["ReturnUrl"] = "",
            ["__RequestVerificationToken"] = Token(page) ?? throw new InvalidOperationException("No anti-forgery token on the sign-in page"),
        }));
        var home = await _http.GetAsync(new Uri("/", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.Redirect || home.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Worker {number}: signing in as {options.Email} failed (sign-in {(int)response.StatusCode}, home {(int)home.StatusCode})");
        }
    }

    public async Task RunAsync(DateTime deadline)
    {
        var next = 0;
        while (DateTime.UtcNow < deadline)
        {
            if (next >= issues.Count)
            {
                if (options.Kind == "triage")
                {
                    // An issue is triaged once: this worker's share of the queue is done.
                    PoolExhausted = true;
                    return;
                }

                next = 0;
            }

            var reference = issues[next++];
            try
            {
                await WriteAsync(reference);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Failed++;
            }
        }
    }

    private async Task WriteAsync(string reference)
    {
        var text = $"{options.Marker} {options.Kind} w{number} n{++_count}";
        var path = $"/issues/{Uri.EscapeDataString(reference)}";
        Dictionary<string, string> fields;
        switch (options.Kind)
        {
            case "note":
                _token ??= Token(await GetFormAsync(path) ?? "");
                if (_token is null)
                {
                    return;
                }

                path += "/notes";
                fields = new() { ["Text"] = text, ["Visibility"] = "Everyone", ["__RequestVerificationToken"] = _token };
                break;

            case "triage":
                path += "/triage";
                var triage = await GetFormAsync(path);
                if (triage is null)
                {
                    return;
                }

                var owner = FirstOption(triage, "OwnerId");
                if (owner is null)
                {
                    Skipped++;
                    return;
                }

                fields = new()
                {
                    ["Level"] = "Partnership",
                    ["OwnerId"] = owner,
                    ["TaskGroupId"] = "",
                    ["Reason"] = text,
                    ["Version"] = InputValue(triage, "Version") ?? "",
                    ["__RequestVerificationToken"] = Token(triage) ?? "",
                };
                break;

            default:
                path += "/status";
                var work = await GetFormAsync(path);
                if (work is null)
                {
                    return;
                }

                var moves = RadioValues(work, "Action");
                var move = new[] { "Resolve", "ConfirmReferral", "Reopen" }.FirstOrDefault(moves.Contains);
                if (move is null)
                {
                    Skipped++;
                    return;
                }

                fields = new()
                {
                    ["Action"] = move,
                    ["Text"] = text,
                    ["Version"] = InputValue(work, "Version") ?? "",
                    ["__RequestVerificationToken"] = Token(work) ?? "",
                };
                break;
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        PostMilliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            if (response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase) == true)
            {
                ToSignIn++;
            }
            else
            {
                Acknowledged.Add(text);
            }
        }
        else if (status >= 500)
        {
            ServerErrors++;
        }
        else
        {
            // 2xx (a form shown again), 4xx (refused: a conflict, a bad value, forbidden, not found).
            Refused++;
        }
    }

    /// <summary>The page's HTML when it answers 200, else null (counted).</summary>
    private async Task<string?> GetFormAsync(string path)
    {
        FormGets++;
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            FormGetFailures++;
            return null;
        }

        return await response.Content.ReadAsStringAsync();
    }

    private static string? Token(string html) => InputValue(html, "__RequestVerificationToken");

    private static string? InputValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            {
                var value = ValueAttribute().Match(input.Value);
                return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
            }
        }

        return null;
    }

    private static HashSet<string> RadioValues(string html, string name) =>
        [.. InputTag().Matches(html).Where(m => m.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            .Select(m => ValueAttribute().Match(m.Value)).Where(v => v.Success).Select(v => v.Groups[1].Value)];

    /// <summary>The first non-empty option of the select named <paramref name="name"/>.</summary>
    private static string? FirstOption(string html, string name)
    {
        var select = Regex.Match(html, $"<select[^>]*name=\"{name}\"[^>]*>(.*?)</select>", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        var option = Regex.Match(select.Groups[1].Value, "<option[^>]*value=\"([^\"]+)\"", RegexOptions.None, TimeSpan.FromSeconds(1));
        return select.Success && option.Success ? option.Groups[1].Value : null;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
