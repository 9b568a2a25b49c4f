using System.Runtime.CompilerServices;

namespace AreaPartnerships.IntegrationTests.Infrastructure;

/// <summary>
/// Set once, before any test host starts. Hundreds of app instances start in one run (every test class has its own,
/// and the notification tests start several over one database), and by default each watches its settings files and
/// static files through inotify, whose per-user limit (128 on these machines) a run then exhausts ("The configured
/// user limit (128) on the number of inotify instances has been reached"). Tests never change those files while
/// running, so the hosts do not reload settings and poll for static-file changes instead.
/// </summary>
internal static class TestEnvironment
{
    [ModuleInitializer]
    internal static void NoFileWatchers()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
