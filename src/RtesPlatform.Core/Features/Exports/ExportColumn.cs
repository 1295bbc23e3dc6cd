namespace RtesPlatform.Core.Features.Exports;

/// <summary>
/// One column of an export: <c>Name</c> heads the CSV column (stable, ASCII, snake_case), <c>Label</c>
/// heads the XLSX column (French), <c>Description</c> is its line on the "Définitions" sheet.
/// </summary>
public sealed record ExportColumn(string Name, string Label, ExportType Type, string Description);
