namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>A member of a chosen list without a value for the year: its nearest year's value, or nothing.</summary>
public sealed record ApiMissingMember(ApiMember Tenant, int? NearestYear, decimal? NearestValue, double? NearestMetric);
