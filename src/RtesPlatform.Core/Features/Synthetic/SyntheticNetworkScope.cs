namespace RtesPlatform.Core.Features.Synthetic;

/// <summary>
/// What <see cref="SyntheticNetwork"/> generates: the reference records made tenants (every EPCI,
/// EPT and commune, the most populous first, or the first <see cref="MaxTenants"/>), the first
/// <see cref="IndicatorCount"/> indicators of the catalogue and <see cref="YearCount"/> years from
/// <see cref="FirstYear"/>. The same scope and seed give the same values.
/// </summary>
public sealed record SyntheticNetworkScope(
    int? MaxTenants = null,
    int IndicatorCount = 20,
    int FirstYear = 2016,
    int YearCount = 10,
    ulong Seed = 20261122)
{
    public static SyntheticNetworkScope Full { get; } = new();

    public IEnumerable<int> Years => Enumerable.Range(FirstYear, YearCount);
}
