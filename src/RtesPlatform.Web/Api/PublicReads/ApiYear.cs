namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>A year with public values, and how many members have one.</summary>
public sealed record ApiYear(int Year, int Members);
