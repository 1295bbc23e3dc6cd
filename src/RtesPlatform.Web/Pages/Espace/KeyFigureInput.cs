namespace RtesPlatform.Web.Pages.Espace;

public sealed class KeyFigureInput
{
    public string? IndicatorCode { get; set; }
    public string? Label { get; set; }
    public string? Value { get; set; }
    public string? Unit { get; set; }
    public string? Year { get; set; }
    public string? SourceKey { get; set; }
    public NewSourceInput NewSource { get; set; } = new();
}
