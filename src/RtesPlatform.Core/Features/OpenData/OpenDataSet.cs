using RtesPlatform.Core.Features.Exports;

namespace RtesPlatform.Core.Features.OpenData;

/// <summary>One downloadable set: its query (public data only) and its documented columns.</summary>
public sealed record OpenDataSet(string Name, string Title, string Description, bool HasCsv, string Sql, IReadOnlyList<OpenDataColumn> Columns)
{
    /// <summary>The formats the set is published in: CSV, CSV for Excel and XLSX when it is tabular, JSON always.</summary>
    public IReadOnlyList<ExportFormat> Formats => HasCsv ? ExportFormat.All : [ExportFormat.Json];

    public ExportTable Table(IReadOnlyList<ExportNote> notes) =>
        new(Title, Title, [.. Columns.Select(c => c.ToExport())], notes);
}
