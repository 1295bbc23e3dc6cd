using System.IO.Compression;
using Microsoft.Extensions.Logging;
using RtesPlatform.Core.Features.Exports;

namespace RtesPlatform.Core.Features.OpenData;

/// <summary>
/// Generates every open-data file (each set in CSV, CSV for Excel and XLSX when it is tabular, and
/// in JSON) into
/// <see cref="OpenDataFiles"/>. Each file is written to a temporary gzip file first (memory stays
/// bounded whatever the size of the network), then stored in one statement. Idempotent: running
/// it again replaces the files with fresher ones.
/// </summary>
public sealed class OpenDataExporter(OpenDataWriter writer, OpenDataFiles files, TimeProvider clock, ILogger<OpenDataExporter> logger)
{
    public static IReadOnlyList<(OpenDataSet Set, string Format)> Files { get; } =
        [.. OpenDataSets.All.SelectMany(s => s.Formats.Select(f => (s, f.Token)))];

    /// <summary>Generates every file; <c>progress</c> is told each file's position (from 0) among <see cref="Files"/> and its name.</summary>
    public async Task<IReadOnlyList<OpenDataFileInfo>> ExportAllAsync(Func<int, string, ValueTask>? progress, CancellationToken cancellationToken)
    {
        var generated = new List<OpenDataFileInfo>();
        for (var i = 0; i < Files.Count; i++)
        {
            var (set, format) = Files[i];
            if (progress is not null)
            {
                await progress(i, $"{set.Name}.{format}");
            }

            generated.Add(await ExportAsync(set, format, cancellationToken));
        }

        return generated;
    }

    public async Task<OpenDataFileInfo> ExportAsync(OpenDataSet set, string format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        var exportFormat = ExportFormat.Find(format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format.");
        // Whole seconds: the JSON's genere_le, Last-Modified and If-Modified-Since all have that precision.
        var now = clock.GetUtcNow();
        var generatedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var path = Path.Combine(Path.GetTempPath(), $"rtes-open-data-{Guid.NewGuid():N}.gz");
        await using var file = new FileStream(
            path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        long rows;
        long bytes;
        string sha256;
        // An XLSX file is a zip already: gzip only frames it, as every stored file is gzip.
        var level = exportFormat == ExportFormat.Xlsx ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
        await using (var gzip = new GZipStream(file, level, leaveOpen: true))
        await using (var hashing = new HashingWriteStream(gzip))
        {
            rows = await writer.WriteAsync(set, exportFormat, hashing, generatedAt, cancellationToken);
            await hashing.FlushAsync(cancellationToken);
            bytes = hashing.Length;
            sha256 = hashing.Sha256Hex();
        }

        var info = new OpenDataFileInfo(set.Name, format, generatedAt, rows, bytes, sha256, file.Length);
        file.Position = 0;
        var stored = await files.StoreAsync(info, file, cancellationToken);
        logger.LogInformation(
            "Open-data file {Set}.{Format}: {Rows} rows, {Bytes} bytes ({Compressed} gzip), {Outcome}",
            set.Name, format, rows, bytes, info.CompressedLength, stored ? "stored" : "kept the newer file already stored");
        return info;
    }
}
