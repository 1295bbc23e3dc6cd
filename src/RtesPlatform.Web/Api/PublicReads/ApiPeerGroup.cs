namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>The peer group of a comparison.</summary>
public sealed record ApiPeerGroup(string Group, string? Kind, string? RegionCode, string? Band, IReadOnlyList<string> Members);
