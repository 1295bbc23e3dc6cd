using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

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

    public Source? ToSource(FormCheck check, string key)
    {
        ArgumentNullException.ThrowIfNull(check);
        var sourceKey = check.Text($"{key}.Key", Key, "la clé", 60, required: true);
        if (sourceKey is not null && !sourceKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            check.Error($"{key}.Key", "La clé ne contient que des lettres sans accent, des chiffres et des tirets, par exemple insee-flores-2021.");
            sourceKey = null;
        }

        var title = check.Text($"{key}.Title", Title, "le titre", 300, required: true);
        var publisher = check.Text($"{key}.Publisher", Publisher, "l’éditeur", 200);
        var year = check.Year($"{key}.Year", Year);
        var url = check.Url($"{key}.Url", Url);
        return sourceKey is null || title is null
            ? null
            : new Source { Key = sourceKey, Title = title, Publisher = publisher, Year = year, Url = url };
    }
}
