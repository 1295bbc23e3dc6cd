namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>A member named on the map's table: its fiche's address, its name, whether it is a fictitious demonstration member.</summary>
public sealed record MapMember(string Slug, string Name, bool IsFictitious);
