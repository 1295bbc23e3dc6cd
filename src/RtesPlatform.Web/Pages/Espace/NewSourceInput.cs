using RtesPlatform.Core.Features.Authoring.Rules;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>A source created from a figure's row (title, publisher, year, link); its key is generated.</summary>
public sealed class NewSourceInput
{
    public string? Title { get; set; }
    public string? Publisher { get; set; }
    public string? Year { get; set; }
    public string? Url { get; set; }

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Publisher) && string.IsNullOrWhiteSpace(Year) && string.IsNullOrWhiteSpace(Url);

    /// <summary>The source as typed, with an empty key (given when the change is applied), or null when nothing was typed.</summary>
    public Source? Parse(FormCheck check, string key)
    {
        ArgumentNullException.ThrowIfNull(check);
        return IsEmpty
            ? null
            : new Source
            {
                Key = string.Empty,
                Title = FormCheck.Trimmed(Title) ?? string.Empty,
                Publisher = FormCheck.Trimmed(Publisher),
                Year = check.ParseYear($"{key}.Year", Year),
                Url = check.ParseUrl($"{key}.Url", Url),
            };
    }

    /// <summary>Adds the sources typed in rows to the fiche's, each with a generated key; returns the keys in order.</summary>
    public static (IReadOnlyList<Source> Sources, IReadOnlyList<string> Keys) Add(IReadOnlyList<Source> existing, IEnumerable<Source> created)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(created);
        var sources = existing.ToList();
        var keys = new List<string>();
        foreach (var source in created)
        {
            var key = SourceKeys.Generate(source.Title, source.Year, sources.Select(s => s.Key));
            sources.Add(source with { Key = key });
            keys.Add(key);
        }

        return (sources, keys);
    }
}
