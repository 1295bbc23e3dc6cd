namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>A member's rank in a comparison (ties share a rank), its value and the compared metric.</summary>
public sealed record ApiRankedValue(int? Rank, ApiMember Tenant, int Year, decimal Value, double Metric, ApiSource Source);
