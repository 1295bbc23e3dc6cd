namespace RtesPlatform.Web.Pages.Espace;

public sealed class AxisInput
{
    public string? Title { get; set; }
    public string? Text { get; set; }
}
