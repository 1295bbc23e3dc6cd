using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster in a temporary folder, on a free port, tuned for tests
/// (no fsync). Stopped and deleted when the test process exits, even after failures; folders
/// left by a process that died before it could clean up are removed by the next run.
/// </summary>
internal sealed class LocalPostgresServer
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string FolderPrefix = "rtes-test-pg-";

    private readonly string _folder;
    private int _stopped;

    private LocalPostgresServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>
    /// Starts a cluster. <paramref name="instance"/> names a further cluster of this process (a
    /// restore test needs a fresh one; a fault test stops and restarts its own); null is the shared
    /// one. Every cluster is deleted when the test process exits.
    /// </summary>
    public static LocalPostgresServer Start(string? instance = null)
    {
        var initdb = Path.Combine(BinDirectory, "initdb");
        if (!File.Exists(initdb) || !File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                "PostgreSQL 15 is not installed: run ./rtes test, which installs it, or apt-get install -y postgresql-15");
        }

        RemoveStaleFolders();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)
            + (instance is null ? string.Empty : "-" + instance));
        if (Directory.Exists(folder))
        {
            StopAndDelete(folder, wait: true);
        }

        Directory.CreateDirectory(folder);
        var server = new LocalPostgresServer(folder, 0);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        server.StartWatchdog();
        if (ProcessRunner.IsRoot)
        {
            ProcessRunner.Run("chown", folder, ["postgres:postgres", folder]);
        }

        ProcessRunner.RunPostgresTool(
            initdb, folder, "-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        server.StartOnFreePort();
        return server;
    }

    /// <summary>Stops the server (fast mode: sessions are terminated, as in a restart or a failover), keeping its data.</summary>
    public void StopServer() =>
        ProcessRunner.RunPostgresTool(Path.Combine(BinDirectory, "pg_ctl"), _folder, "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Starts the stopped server again on the same port.</summary>
    public void StartServer() =>
        ProcessRunner.RunPostgresTool(
            Path.Combine(BinDirectory, "pg_ctl"), _folder,
            "-D", DataDirectory, "-l", Path.Combine(_folder, "log"), "-w", "-t", "60", "-o", ServerOptions(), "start");

    /// <summary>pg_ctl restart (fast mode).</summary>
    public void Restart() =>
        ProcessRunner.RunPostgresTool(
            Path.Combine(BinDirectory, "pg_ctl"), _folder,
            "-D", DataDirectory, "-l", Path.Combine(_folder, "log"), "-m", "fast", "-w", "-t", "60", "-o", ServerOptions(), "restart");

    private string ServerOptions() => string.Create(
        CultureInfo.InvariantCulture,
        $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            // The test host is killed shortly after the run ends: signal the server without waiting.
            // The watchdog finishes the job if this process does not get that far.
            StopAndDelete(_folder, wait: false);
        }
    }

    private void StartOnFreePort()
    {
        // Another process may take the port between probing and binding it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var options = string.Create(
                CultureInfo.InvariantCulture,
                $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
            try
            {
                ProcessRunner.RunPostgresTool(
                    Path.Combine(BinDirectory, "pg_ctl"), _folder,
                    "-D", DataDirectory, "-l", Path.Combine(_folder, "log"), "-w", "-t", "60", "-o", options, "start");
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Retried on another port below.
            }
        }
    }

    /// <summary>
    /// A detached shell that stops the server and deletes the folder once this process is gone,
    /// however it ends (the test host may be killed before its exit handlers finish). Forked twice
    /// so that killing the test host's process tree does not take it along.
    /// </summary>
    private void StartWatchdog()
    {
        var pgCtl = ProcessRunner.IsRoot
            ? $"runuser -u postgres -- {BinDirectory}/pg_ctl"
            : $"{BinDirectory}/pg_ctl";
        var script = string.Create(
            CultureInfo.InvariantCulture,
            $"exec >/dev/null 2>&1 </dev/null; ( while kill -0 {Environment.ProcessId}; do sleep 0.5; done; " +
            $"if [ -f '{DataDirectory}/postmaster.pid' ]; then {pgCtl} -D '{DataDirectory}' -m immediate -w stop; fi; " +
            $"rm -rf '{_folder}' ) &");
        ProcessRunner.Run("sh", _folder, ["-c", script]);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static void RemoveStaleFolders()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var suffix = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && !IsRunning(pid))
            {
                StopAndDelete(folder, wait: true);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void StopAndDelete(string folder, bool wait)
    {
        var data = Path.Combine(folder, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            string[] stop = [Path.Combine(BinDirectory, "pg_ctl"), "-D", data, "-m", "immediate", wait ? "-w" : "-W", "stop"];
            ProcessRunner.Run(
                ProcessRunner.IsRoot ? "runuser" : stop[0],
                Path.GetTempPath(),
                ProcessRunner.IsRoot ? ["-u", "postgres", "--", .. stop] : stop[1..],
                throwOnError: false);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a folder that cannot be deleted now is removed by the next run.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: left for the next run.
        }
    }
}
