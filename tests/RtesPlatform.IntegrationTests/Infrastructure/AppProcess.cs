using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RtesPlatform.Core.Data;

namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The application as a real operating-system process (the built RtesPlatform.Web.dll, `serve`),
/// over a <see cref="TestDatabase"/>, on a free loopback port: for what an in-process test host
/// cannot show — several nodes of the job cluster, a process killed with SIGKILL and restarted.
/// Output is kept for diagnostics (<see cref="Output"/>).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

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

    /// <summary>
    /// Starts `serve` and waits until /health/live answers. <paramref name="settings"/> are passed
    /// as configuration (`--Jobs:IdleWaitTime=00:00:01` style keys and values).
    /// </summary>
    public static Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return StartAsync(database.AppConnectionString, database.OwnerConnectionString, settings);
    }

    /// <summary>
    /// Starts `serve` over any database (a dedicated server, for instance). With
    /// <paramref name="waitUntilLive"/> false, returns at once: for a start while the database is down.
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        string appConnectionString, string ownerConnectionString, IReadOnlyDictionary<string, string>? settings = null, bool waitUntilLive = true)
    {
        var port = FreePort();
        var dll = Path.Combine(RepositoryPaths.Root, "src", "RtesPlatform.Web", "bin", BuildConfiguration, "net10.0", "RtesPlatform.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the web project first: {dll} is missing.");
        }

        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "RtesPlatform.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        startInfo.ArgumentList.Add("serve");
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add($"http://127.0.0.1:{port}");
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        startInfo.Environment[$"ConnectionStrings__{DatabaseOptions.AppConnectionName}"] = appConnectionString;
        startInfo.Environment[$"ConnectionStrings__{DatabaseOptions.OwnerConnectionName}"] = ownerConnectionString;
        startInfo.Environment["ReferenceData__PackagePath"] = RepositoryPaths.ReferenceDataPackage;
        startInfo.Environment["ReferenceData__MapPackagePath"] = RepositoryPaths.MapPackage;
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        startInfo.Environment["Email__PublicBaseUrl"] = $"http://127.0.0.1:{port}/";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the application.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        if (waitUntilLive)
        {
            await app.WaitUntilLiveAsync(TimeSpan.FromSeconds(60));
        }

        return app;
    }

    /// <summary>The built web project's entry point, for running a one-shot command (import-fiches ...) as a process.</summary>
    public static ProcessStartInfo CommandStartInfo(TestDatabase database, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(arguments);
        var dll = Path.Combine(RepositoryPaths.Root, "src", "RtesPlatform.Web", "bin", BuildConfiguration, "net10.0", "RtesPlatform.Web.dll");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "RtesPlatform.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        startInfo.Environment[$"ConnectionStrings__{DatabaseOptions.AppConnectionName}"] = database.AppConnectionString;
        startInfo.Environment[$"ConnectionStrings__{DatabaseOptions.OwnerConnectionName}"] = database.OwnerConnectionString;
        startInfo.Environment["ReferenceData__PackagePath"] = RepositoryPaths.ReferenceDataPackage;
        startInfo.Environment["ReferenceData__MapPackagePath"] = RepositoryPaths.MapPackage;
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        startInfo.Environment["Jobs__RunScheduler"] = "false";
        startInfo.Environment["Email__PublicBaseUrl"] = "http://127.0.0.1/";
        return startInfo;
    }

    /// <summary>Waits until /health/live answers (after a start with waitUntilLive false).</summary>
    public Task WaitUntilLiveAsync() => WaitUntilLiveAsync(TimeSpan.FromSeconds(60));

    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>SIGKILL: no shutdown, no finally blocks, no flush — as a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private static string BuildConfiguration =>
        typeof(AppProcess).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";

    private async Task WaitUntilLiveAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The application exited with code {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health/live", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The application did not answer within {timeout}:{Environment.NewLine}{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
