namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>The years the values shown come from.</summary>
public sealed record ApiYearSpan(int From, int To);
