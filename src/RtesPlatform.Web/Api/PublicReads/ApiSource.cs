namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>Where a value comes from.</summary>
public sealed record ApiSource(string? Title, string? Url);
