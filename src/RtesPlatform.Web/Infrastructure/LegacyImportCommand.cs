using RtesPlatform.Core.Features.LegacyImport.Import;

namespace RtesPlatform.Web.Infrastructure;

/// <summary><c>import-fiches FILE [--dry-run] [--collectivite IDENTIFIER]</c>: imports legacy fiches, printing progress and the report.</summary>
public static class LegacyImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, AppCommandLine commandLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(commandLine);
        if (commandLine.Arguments.Count != 1)
        {
            await Console.Error.WriteLineAsync("usage: import-fiches FILE [--dry-run] [--collectivite SIREN|kind:code]");
            return 2;
        }

        var path = commandLine.Arguments[0];
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"Fichier introuvable : {path}");
            return 2;
        }

        var dryRun = commandLine.Flags.Contains("--dry-run");
        await using var scope = services.CreateAsyncScope();
        await using var stream = File.OpenRead(path);
        var report = await scope.ServiceProvider.GetRequiredService<LegacyImporter>()
            .ImportAsync(stream, path, dryRun, commandLine.Options.GetValueOrDefault("--collectivite"), new ConsoleProgress(), cancellationToken);
        Console.WriteLine(LegacyImportReportText.Format(report));
        return report.ExitCode;
    }

    /// <summary>Prints "[3/7] Région Grand-Est" on standard error as each fiche starts (synchronously, in order).</summary>
    private sealed class ConsoleProgress : IProgress<LegacyImportProgress>
    {
        public void Report(LegacyImportProgress value)
        {
            if (value.Current is not null)
            {
                Console.Error.WriteLine($"[{value.Done + 1}/{value.Total}] {value.Current}");
            }
        }
    }
}
