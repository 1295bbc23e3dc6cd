namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>A page of members × every indicator, with the counts per indicator for the whole filter.</summary>
public sealed record CoverageMatrix(
    IReadOnlyList<CoverageMember> Members,
    IReadOnlyDictionary<(Guid TenantId, string IndicatorCode), CoverageCell> Cells,
    IReadOnlyDictionary<string, CoverageCount> Counts,
    int TotalMembers)
{
    public CoverageCell? Cell(Guid tenantId, string indicatorCode) => Cells.GetValueOrDefault((tenantId, indicatorCode));
}
