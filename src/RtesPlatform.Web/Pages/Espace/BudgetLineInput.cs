namespace RtesPlatform.Web.Pages.Espace;

public sealed class BudgetLineInput
{
    public string? Label { get; set; }
    public string? Amount { get; set; }
    public string? Year { get; set; }
    public string? Nature { get; set; }
    public string? SourceKey { get; set; }
    public NewSourceInput NewSource { get; set; } = new();
}
