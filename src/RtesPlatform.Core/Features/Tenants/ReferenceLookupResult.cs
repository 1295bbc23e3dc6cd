namespace RtesPlatform.Core.Features.Tenants;

/// <summary>One official record (a code was typed), candidates (a name was typed), or a plain French error.</summary>
public sealed record ReferenceLookupResult(ReferenceCandidate? Match, IReadOnlyList<ReferenceCandidate> Candidates, string? Error)
{
    public static ReferenceLookupResult Found(ReferenceCandidate match) => new(match, [], null);

    public static ReferenceLookupResult Several(IReadOnlyList<ReferenceCandidate> candidates) => new(null, candidates, null);

    public static ReferenceLookupResult Fail(string error) => new(null, [], error);
}
