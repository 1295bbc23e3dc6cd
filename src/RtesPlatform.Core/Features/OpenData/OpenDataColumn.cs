using RtesPlatform.Core.Features.Exports;

namespace RtesPlatform.Core.Features.OpenData;

/// <summary>
/// A documented column of an open-data set: its CSV and JSON name, its French label (XLSX header),
/// its type and meaning; <c>French</c> turns a stored code into what a spreadsheet shows ("Euros" → "€").
/// </summary>
public sealed record OpenDataColumn(string Name, string Label, OpenDataType Type, string Description, Func<string, string>? French = null)
{
    public ExportColumn ToExport() => new(Name, Label, Type switch
    {
        OpenDataType.WholeNumber => ExportType.WholeNumber,
        OpenDataType.Year => ExportType.Year,
        OpenDataType.Number => ExportType.Number,
        OpenDataType.DateTime => ExportType.DateTime,
        _ => ExportType.Text,
    }, Description);
}
