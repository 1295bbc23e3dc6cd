using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>A source as typed; <see cref="Key"/> is kept for existing sources and generated for new ones.</summary>
public sealed class SourceInput
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Publisher { get; set; }
    public string? Year { get; set; }
    public string? Url { get; set; }

    public static SourceInput From(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new() { Key = source.Key, Title = source.Title, Publisher = source.Publisher, Year = FormText.Of(source.Year), Url = source.Url?.ToString() };
    }

    /// <summary>The source as typed, with an empty key when none was given (the page generates it).</summary>
    public Source ToSource(FormCheck check, string key)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new Source
        {
            Key = FormCheck.Trimmed(Key) ?? string.Empty,
            Title = FormCheck.Trimmed(Title) ?? string.Empty,
            Publisher = FormCheck.Trimmed(Publisher),
            Year = check.ParseYear($"{key}.Year", Year),
            Url = check.ParseUrl($"{key}.Url", Url),
        };
    }
}
