namespace RtesPlatform.Core.Features.Exports;

/// <summary>A line of the "Définitions" sheet below the columns: the indicator, its definition, the sources, the licence.</summary>
public sealed record ExportNote(string Label, string Text);
