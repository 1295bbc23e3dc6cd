namespace RtesPlatform.Web.Api;

/// <summary>One page of a list: the items and where they sit among all of them.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalItems, int TotalPages);
