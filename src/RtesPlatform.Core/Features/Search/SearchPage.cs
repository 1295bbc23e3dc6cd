namespace RtesPlatform.Core.Features.Search;

/// <summary>
/// A page of results with the totals over every page. <see cref="HasTerms"/> is false when the
/// words held nothing searchable (punctuation, only stop words such as "le" or "et").
/// </summary>
public sealed record SearchPage(
    IReadOnlyList<SearchHit> Items, int ResultCount, int CollectivityCount, int PageNumber, int PageCount, bool HasTerms)
{
    public static SearchPage Empty { get; } = new([], 0, 0, 1, 1, HasTerms: false);
}
