using System.Text.Json;
using System.Text.Json.Serialization;

namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>The report a run keeps (<c>legacy_import_runs.report</c>): a file-level error, or one line per fiche.</summary>
public sealed record LegacyImportRunReport(
    string FileName,
    bool DryRun,
    string? Error,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<LegacyImportRunLine> Fiches)
{
    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    [JsonIgnore]
    public int ImportedCount => Fiches.Count(f => f.Imported);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LegacyImportRunReport? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<LegacyImportRunReport>(json, Json);
}
