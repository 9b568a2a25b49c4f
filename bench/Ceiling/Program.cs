// The ceiling for bench/run.sh: the smallest ASP.NET Core app that answers a constant string, measured with the
// same wrk settings in the same run, so each page's throughput can be given as a ratio to what the web server
// itself manages on this machine at that moment (absolute numbers drift on shared machines).
//
// Run: dotnet bench/Ceiling/bin/Release/net10.0/Ceiling.dll --urls http://127.0.0.1:5399
var builder = WebApplication.CreateBuilder(args);

// Loopback only, whatever the machine: 127.0.0.1:5399 unless --urls says otherwise (still give a 127.0.0.1 address).
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5399");
}

// No per-request log lines: the ceiling measures the server, not a console.
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();
app.MapGet("/", () => "Hello");
app.Run();
