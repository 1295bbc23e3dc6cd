namespace RtesPlatform.Core.Features.Exports;

/// <summary>
/// What a tabular export holds besides its rows: a title (the XLSX sheet is named after
/// <c>SheetName</c>), its columns in order, and the notes of the "Définitions" sheet.
/// </summary>
public sealed record ExportTable(string Title, string SheetName, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<ExportNote> Notes);
