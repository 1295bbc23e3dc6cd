using Quartz;
using RtesPlatform.Core.Features.OpenData;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Generates every open-data file (nightly, on "run now", and at a node's start when no file is
/// stored yet). Never concurrent; idempotent (a re-run replaces the files with fresher ones).
/// Reports its progress file by file, which the jobs page shows.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OpenDataExportJob(OpenDataExporter exporter, OpenDataFiles files) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Trigger.Key.Equals(OpenDataJobKeys.ExportIfMissing)
            && (await files.ListAsync(cancellationToken)).Count >= OpenDataExporter.Files.Count)
        {
            context.Result = "Fichiers déjà générés";
            return;
        }

        var total = OpenDataExporter.Files.Count;
        var generated = await exporter.ExportAllAsync(
            (index, name) =>
            {
                context.ReportProgress(index * 100 / total, $"{name} ({index + 1}/{total})");
                return ValueTask.CompletedTask;
            },
            cancellationToken);
        context.ReportProgress(100, $"{total} fichiers générés");
        context.Result = $"{generated.Count} fichiers, {generated.Sum(f => f.RowCount)} lignes";
    }
}
