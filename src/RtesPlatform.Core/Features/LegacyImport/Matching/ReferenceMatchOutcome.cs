namespace RtesPlatform.Core.Features.LegacyImport.Matching;

public enum ReferenceMatchOutcome
{
    Matched,
    Ambiguous,
    Unmatched,
}
