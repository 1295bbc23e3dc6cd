namespace RtesPlatform.Core.Features.Fiches;

/// <summary>A theme of the network-wide taxonomy that actions are tagged with.</summary>
public sealed class Theme
{
    public required string Code { get; init; }
    public required string LabelFr { get; set; }
    public required string LabelEn { get; set; }
    public int SortOrder { get; set; }
}
