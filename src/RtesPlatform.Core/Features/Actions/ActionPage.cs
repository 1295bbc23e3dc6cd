namespace RtesPlatform.Core.Features.Actions;

/// <summary>A page of published actions, with the totals over every page.</summary>
public sealed record ActionPage(
    IReadOnlyList<PublishedAction> Items, int ActionCount, int CollectivityCount, int PageNumber, int PageCount);
