using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// The draft against the version the public sees: what changed, section by section, and whether
/// there is anything to publish (never an empty fiche, never a copy of the published one).
/// </summary>
public sealed record DraftStatus(FicheDraft Draft, FicheVersion? Published, IReadOnlyList<SectionChanges> Changes)
{
    public const string Unpublished = "brouillon — pas encore publié";
    public const string SameAsPublished = "identique à la version publiée";

    public bool CanPublish => Changes.Count > 0;

    /// <summary>"brouillon — pas encore publié" or "identique à la version publiée".</summary>
    public string Label => CanPublish || Published is null ? Unpublished : SameAsPublished;

    /// <summary>Why "Publier" is disabled, or null when it is not.</summary>
    public string? WhyNotPublishable => CanPublish
        ? null
        : Published is null
            ? "Rien à publier : le brouillon est vide. Remplissez au moins une rubrique."
            : "Rien à publier : le brouillon est identique à la version publiée.";

    public static DraftStatus Compare(FicheDraft draft, FicheVersion? published)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var before = published?.Content ?? new FicheContent();
        var changes = Enum.GetValues<FicheSection>()
            .Select(s => new SectionChanges(s, LineDiff.Compute(SectionText.Lines(before, s), SectionText.Lines(draft.Content, s))))
            .Where(c => c.Added + c.Removed > 0)
            .ToList();
        return new DraftStatus(draft, published, changes);
    }

    /// <summary>Key-figure series (labels in upper case) whose figures differ from the published version.</summary>
    public IReadOnlySet<string> ChangedSeries()
    {
        // KeyFigure is a record: figures compare by value (label, value, unit, year, source, indicator).
        static Dictionary<string, List<KeyFigure>> Keyed(FicheContent? content) =>
            FigureSeries.Group(content?.Panorama.Figures ?? [])
                .ToDictionary(s => s.Label.Trim().ToUpperInvariant(), s => new[] { s.Latest }.Concat(s.Earlier).ToList(), StringComparer.Ordinal);
        var before = Keyed(Published?.Content);
        return Keyed(Draft.Content)
            .Where(d => !before.TryGetValue(d.Key, out var old) || !old.SequenceEqual(d.Value))
            .Select(d => d.Key)
            .ToHashSet(StringComparer.Ordinal);
    }
}
