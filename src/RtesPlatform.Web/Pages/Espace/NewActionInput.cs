namespace RtesPlatform.Web.Pages.Espace;

/// <summary>An action added from the yearly update: its title and, optionally, one theme; the rest is edited on its own page.</summary>
public sealed class NewActionInput
{
    public string? Title { get; set; }
    public string? Theme { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Theme);
}
