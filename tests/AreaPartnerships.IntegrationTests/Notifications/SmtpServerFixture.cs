using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the delivery tests: Debian's aiosmtpd (<c>apt-get install python3-aiosmtpd</c>;
/// <c>.ci/run</c> installs it) running as a separate process with <c>smtp_sink.py</c>'s handler, which writes each
/// accepted message to <see cref="Folder"/> as a file, refuses for good (550) any recipient whose address contains
/// "reject" and for now (451) any containing "tempfail". The tests stop and start it (down for a while, then back) on
/// the same port. Waiting for it to listen is the one bounded poll these tests allow.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly StringBuilder _output = new();
    private Process? _server;

    public int Port { get; } = FreePort();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"ap-smtp-{Guid.NewGuid():N}");

    public bool IsRunning => _server is { HasExited: false };

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the temp folder.
        }
    }

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var info = new ProcessStartInfo(Python())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "smtp_sink.FolderSink", Folder })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Notifications");
        info.Environment["PYTHONUNBUFFERED"] = "1";
        var server = Process.Start(info) ?? throw new InvalidOperationException("Could not start python3");
        server.OutputDataReceived += (_, e) => Append(e.Data);
        server.ErrorDataReceived += (_, e) => Append(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        _server = server;

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AcceptsAsync())
        {
            if (server.HasExited || DateTime.UtcNow > deadline)
            {
                await StopAsync();
                throw new InvalidOperationException(
                    $"The test SMTP server (aiosmtpd) did not start on port {Port}: is python3-aiosmtpd installed (apt-get install python3-aiosmtpd)? Its output: {Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops the server: until <see cref="StartAsync"/>, connections to its port are refused.</summary>
    public async Task StopAsync()
    {
        if (_server is not { } server)
        {
            return;
        }

        _server = null;
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
        }

        await server.WaitForExitAsync();
        server.Dispose();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Every message the server accepted, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() => !Directory.Exists(Folder)
        ? []
        : [.. Directory.EnumerateFiles(Folder, "*.eml")
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))];

    /// <summary>The messages the server accepted carrying this Message-ID (once is right; twice is a duplicate).</summary>
    public IReadOnlyList<MimeMessage> WithMessageId(string messageId) => [.. Messages().Where(m => m.MessageId == messageId)];

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Debian's python3, where python3-aiosmtpd is installed (a python3 earlier on the PATH may not have it).</summary>
    private static string Python() => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
