using System.Text.RegularExpressions;
using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Features.LegacyImport.Matching;

/// <summary>
/// Matches a legacy fiche to an official record by name (identifying words), kind, the postcode
/// of its address (→ département) and, between equals, population. A match needs a full name
/// match or a clear lead; anything else is ambiguous or unmatched, with the candidates listed.
/// </summary>
public sealed partial class ReferenceMatcher(IReadOnlyList<RefCollectivity> references)
{
    private const double Threshold = 0.75;
    private readonly ILookup<string, (RefCollectivity Reference, IReadOnlyList<string> Words)> _byWord = references
        .Select(r => (Reference: r, Words: CollectivityNames.CoreWords(r.Name)))
        .SelectMany(e => e.Words.Distinct().Select(w => (Word: w, Entry: e)))
        .ToLookup(x => x.Word, x => x.Entry, StringComparer.Ordinal);

    public ReferenceMatch Match(LegacyFiche fiche)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        if (string.IsNullOrWhiteSpace(fiche.SourceName))
        {
            return ReferenceMatch.Unmatched([], "la fiche n'a pas de nom de collectivité");
        }

        var words = CollectivityNames.CoreWords(fiche.SourceName);
        var kinds = CollectivityNames.KindsFor(fiche.SourceName, fiche.Kind);
        var departement = DepartementOf(fiche.Address);

        var scored = words.Distinct()
            .SelectMany(w => _byWord[w])
            .DistinctBy(e => (e.Reference.Kind, e.Reference.Code))
            .Where(e => kinds.Contains(e.Reference.Kind))
            .Select(e => new MatchCandidate(e.Reference, CollectivityNames.Similarity(words, e.Words)))
            .Where(c => c.Score > 0)
            .Where(c => departement is null || c.Reference.Kind == RefKind.Region || LiesIn(c.Reference, departement))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => PopulationGap(c.Reference, fiche.Population))
            .Take(5)
            .ToList();

        if (scored.Count == 0 || scored[0].Score < Threshold)
        {
            return ReferenceMatch.Unmatched(scored, $"aucune collectivité officielle ne porte le nom « {fiche.SourceName} »");
        }

        var best = scored.Where(c => c.Score == scored[0].Score).ToList();
        if (best.Count > 1 && fiche.Population is { } population)
        {
            // Same name, several records (homonymous communes): the stated population decides
            // only when exactly one is within 10 %.
            best = [.. best.Where(c => c.Reference.Population is { } p && Math.Abs(p - population) <= 0.1 * population)];
        }

        return best.Count == 1
            ? ReferenceMatch.Matched(best[0].Reference, scored)
            : ReferenceMatch.Ambiguous(scored, $"plusieurs collectivités officielles correspondent à « {fiche.SourceName} »");
    }

    private static bool LiesIn(RefCollectivity reference, string departement) =>
        reference.DepartementCode == departement
        || reference.PostalCodes.Any(p => p.StartsWith(departement, StringComparison.Ordinal));

    private static long PopulationGap(RefCollectivity reference, int? population) =>
        population is { } p && reference.Population is { } r ? Math.Abs((long)r - p) : long.MaxValue;

    /// <summary>The département of a French postcode: "52190" → "52", "97400" → "974", "20000" → null (Corsica splits).</summary>
    internal static string? DepartementOf(string? address)
    {
        if (address is null || PostcodePattern().Match(address) is not { Success: true } match)
        {
            return null;
        }

        var postcode = match.Groups[1].Value;
        return postcode switch
        {
            _ when postcode.StartsWith("97", StringComparison.Ordinal) => postcode[..3],
            _ when postcode.StartsWith("20", StringComparison.Ordinal) => null,
            _ => postcode[..2],
        };
    }

    /// <summary>A postcode starts the town line ("68948 Mulhouse Cedex 9"); "BP 90019" or "CS 10078" are not postcodes.</summary>
    [GeneratedRegex(@"(?m)^[ \t]*(\d{5})(?!\d)[ \t]+\p{L}")]
    private static partial Regex PostcodePattern();
}
