using System.Globalization;
using Hangfire.Server;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.OpenData;

/// <summary>
/// Generates every open-data file: nightly, on "Lancer maintenant", and at a node's start when no
/// file is stored yet (<c>onlyIfMissing</c>). Exclusive; idempotent (a second run
/// replaces the files with fresher ones; a generation that started earlier never replaces a newer
/// file). Reports its progress file by file.
/// </summary>
public sealed class OpenDataExportJob(OpenDataExporter exporter, OpenDataFiles files)
{
    public const string NightlyId = "open-data-export";

    public static JobKind Kind { get; } = new()
    {
        Key = "open-data-export",
        Type = typeof(OpenDataExportJob),
        Method = nameof(RunAsync),
        Name = "Génération des fichiers de données ouvertes",
        Description = "Génère les fichiers CSV, Excel et JSON servis en téléchargement sur la page Données ouvertes.",
        Retry = JobRetryPolicy.Default,
        Exclusive = true,
    };

    public async Task<string> RunAsync(bool onlyIfMissing, PerformContext? context, CancellationToken cancellationToken)
    {
        if (onlyIfMissing && (await files.ListAsync(cancellationToken)).Count >= OpenDataExporter.Files.Count)
        {
            return "Fichiers déjà générés";
        }

        var total = OpenDataExporter.Files.Count;
        var generated = await exporter.ExportAllAsync(
            (index, name) =>
            {
                JobProgress.Report(context, index * 100 / total, string.Create(CultureInfo.InvariantCulture, $"{name} ({index + 1}/{total})"));
                return ValueTask.CompletedTask;
            },
            cancellationToken);
        JobProgress.Report(context, 100, string.Create(CultureInfo.InvariantCulture, $"{total} fichiers générés"));
        return string.Create(CultureInfo.InvariantCulture, $"{generated.Count} fichiers, {generated.Sum(f => f.RowCount)} lignes");
    }
}
