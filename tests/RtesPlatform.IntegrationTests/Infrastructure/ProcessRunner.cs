using System.Diagnostics;
using System.Globalization;

namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>Runs the PostgreSQL command-line tools, as the <c>postgres</c> user when the tests run as root.</summary>
internal static class ProcessRunner
{
    private static readonly Lazy<bool> _isRoot = new(DetectRoot);

    /// <summary>PostgreSQL refuses to run as root: as root, its tools go through <c>runuser -u postgres --</c>.</summary>
    public static bool IsRoot => _isRoot.Value;

    public static string RunPostgresTool(string tool, string workingDirectory, params string[] arguments) =>
        IsRoot
            ? Run("runuser", workingDirectory, ["-u", "postgres", "--", tool, .. arguments])
            : Run(tool, workingDirectory, arguments);

    /// <summary>Runs a command to completion; throws with its output when it fails.</summary>
    public static string Run(string fileName, string workingDirectory, IReadOnlyList<string> arguments, bool throwOnError = true)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var all = output + error.GetAwaiter().GetResult();
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{fileName} {string.Join(' ', arguments)} exited with code {process.ExitCode}:{Environment.NewLine}{all}"));
        }

        return all;
    }

    private static bool DetectRoot()
    {
        if (Environment.UserName == "root")
        {
            return true;
        }

        try
        {
            return Run("id", Path.GetTempPath(), ["-u"]).Trim() == "0";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
