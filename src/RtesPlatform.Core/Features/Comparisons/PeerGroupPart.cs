namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>What a peer group choice may need and lack.</summary>
public enum PeerGroupPart
{
    Kind,
    Region,
    Band,
    Members,
}
