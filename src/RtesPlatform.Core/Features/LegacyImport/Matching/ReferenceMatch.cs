using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Features.LegacyImport.Matching;

/// <summary>
/// The official record a legacy fiche was matched to, or why none was: an ambiguous or missing
/// match is reported with its candidates and never guessed.
/// </summary>
public sealed record ReferenceMatch(ReferenceMatchOutcome Outcome, RefCollectivity? Reference, IReadOnlyList<MatchCandidate> Candidates, string? Reason)
{
    public static ReferenceMatch Matched(RefCollectivity reference, IReadOnlyList<MatchCandidate> candidates) =>
        new(ReferenceMatchOutcome.Matched, reference, candidates, null);

    public static ReferenceMatch Ambiguous(IReadOnlyList<MatchCandidate> candidates, string reason) =>
        new(ReferenceMatchOutcome.Ambiguous, null, candidates, reason);

    public static ReferenceMatch Unmatched(IReadOnlyList<MatchCandidate> candidates, string reason) =>
        new(ReferenceMatchOutcome.Unmatched, null, candidates, reason);
}
