using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The map of members: every département of the reference data (and any other code a member
/// carries), the région members listed apart, the members whose département is unknown, and, with
/// an indicator, the window, whether values are per capita and the quantile classes of the
/// départements' medians.
/// </summary>
public sealed record ComparisonMapResult(
    IReadOnlyList<MapDepartement> Departements,
    IReadOnlyList<MapRegionMember> Regions,
    int WithoutDepartement,
    Indicator? Indicator,
    ComparisonWindow? Window,
    bool PerCapita,
    ChoroplethClasses Classes)
{
    public int Members => Departements.Sum(d => d.Members) + Regions.Count + WithoutDepartement;

    public int DepartementsWithMembers => Departements.Count(d => d.Members > 0);

    public int WithValue => Departements.Sum(d => d.WithValue);

    /// <summary>The class of a département's median (null without an indicator or without a value).</summary>
    public int? ClassOf(MapDepartement departement)
    {
        ArgumentNullException.ThrowIfNull(departement);
        return departement.Median is { } median ? Classes.NumberOf(median) : null;
    }
}
