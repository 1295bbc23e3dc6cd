using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Features.LegacyImport.Matching;

/// <summary>A reference record considered for a fiche, with its name similarity (0–1).</summary>
public sealed record MatchCandidate(RefCollectivity Reference, double Score)
{
    /// <summary>"CA Mulhouse Alsace Agglomération (EPCI, SIREN 200066009)".</summary>
    public string Describe() => Reference.Kind switch
    {
        RefKind.Epci or RefKind.Ept => $"{Reference.DisplayName} ({Reference.Kind.ToString().ToUpperInvariant()}, SIREN {Reference.Code})",
        _ => $"{Reference.DisplayName} (code INSEE {Reference.Code})",
    };
}
