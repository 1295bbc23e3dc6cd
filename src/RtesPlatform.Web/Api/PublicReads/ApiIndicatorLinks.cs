namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>Where to read more about an indicator: this resource, its public values, its comparison.</summary>
public sealed record ApiIndicatorLinks(string Self, string Values, string Comparison);
