using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The members a value is compared with: the whole network, one kind, one région, one kind in one
/// région, one kind in one population band (pre-computed), or a hand-picked list (computed live).
/// </summary>
public sealed record PeerGroup
{
    public const string ListKind = "list";

    private PeerGroup(string groupKind, TenantKind? kind, string? regionCode, string? band, IReadOnlyList<Guid> members)
    {
        GroupKind = groupKind;
        Kind = kind;
        RegionCode = regionCode;
        Band = band;
        Members = members;
    }

    /// <summary>One of <see cref="PeerGroupKinds"/>, or <see cref="ListKind"/>.</summary>
    public string GroupKind { get; }
    public TenantKind? Kind { get; }
    public string? RegionCode { get; }
    /// <summary>A code of <see cref="PopulationBands"/>.</summary>
    public string? Band { get; }
    public IReadOnlyList<Guid> Members { get; }

    public bool IsList => GroupKind == ListKind;

    /// <summary>The key of the pre-computed aggregates ("" for all, "ca", "44", "ca|44", "ca|100k-250k").</summary>
    public string AggregateKey => string.Join('|', new[]
    {
        Kind is { } kind ? TenantKindLabels.Code(kind) : null,
        RegionCode,
        Band,
    }.Where(p => p is not null));

    public static PeerGroup All { get; } = new(PeerGroupKinds.All, null, null, null, []);

    public static PeerGroup OfKind(TenantKind kind) => new(PeerGroupKinds.Kind, kind, null, null, []);

    public static PeerGroup OfRegion(string regionCode) => new(PeerGroupKinds.Region, null, regionCode, null, []);

    public static PeerGroup OfKindInRegion(TenantKind kind, string regionCode) => new(PeerGroupKinds.KindRegion, kind, regionCode, null, []);

    public static PeerGroup OfKindInBand(TenantKind kind, string band) =>
        PopulationBands.IsKnown(band)
            ? new(PeerGroupKinds.KindBand, kind, null, band, [])
            : throw new ArgumentException($"Unknown population band {band}.", nameof(band));

    public static PeerGroup OfKindInBandInRegion(TenantKind kind, string band, string regionCode) =>
        PopulationBands.IsKnown(band)
            ? new(PeerGroupKinds.KindBandRegion, kind, regionCode, band, [])
            : throw new ArgumentException($"Unknown population band {band}.", nameof(band));

    /// <summary>Whether <c>indicator_aggregates</c> holds this group's statistics (one-year windows).</summary>
    public bool IsPreAggregated => GroupKind is PeerGroupKinds.All or PeerGroupKinds.Kind or PeerGroupKinds.Region
        or PeerGroupKinds.KindRegion or PeerGroupKinds.KindBand;

    /// <summary>
    /// The group in French: "tout le réseau", "communautés d’agglomération de 100 000 à 250 000
    /// habitants en Grand Est", ... (<paramref name="regionName"/> names a région code).
    /// </summary>
    public string Describe(Func<string?, string?> regionName)
    {
        ArgumentNullException.ThrowIfNull(regionName);
        var kind = Kind is { } k ? TenantKindLabels.FrenchPlural(k) : null;
        var band = Band is not null ? PopulationBands.Label(Band) : null;
        var region = RegionCode is not null ? (regionName(RegionCode) ?? RegionCode) : null;
        return GroupKind switch
        {
            ListKind => Members.Count == 1 ? "liste choisie d’un membre" : $"liste choisie de {Members.Count} membres",
            PeerGroupKinds.Kind => $"{kind}, tout le réseau",
            PeerGroupKinds.Region => $"membres de la région {region}",
            PeerGroupKinds.KindRegion => $"{kind} de la région {region}",
            PeerGroupKinds.KindBand => $"{kind} de {band}, tout le réseau",
            PeerGroupKinds.KindBandRegion => $"{kind} de {band} de la région {region}",
            _ => "tout le réseau",
        };
    }

    public static PeerGroup OfMembers(IEnumerable<Guid> members) =>
        new(ListKind, null, null, null, [.. members.Distinct()]);
}

/// <summary>Population bands of the peer groups (the same limits as <c>app.population_band</c>).</summary>
public static class PopulationBands
{
    public static IReadOnlyList<(string Code, string Label)> All { get; } =
    [
        ("lt10k", "moins de 10 000 habitants"),
        ("10k-50k", "10 000 à 50 000 habitants"),
        ("50k-100k", "50 000 à 100 000 habitants"),
        ("100k-250k", "100 000 à 250 000 habitants"),
        ("250k-500k", "250 000 à 500 000 habitants"),
        ("gte500k", "500 000 habitants et plus"),
    ];

    public static bool IsKnown(string? code) => All.Any(b => b.Code == code);

    public static string? Label(string? code) => All.FirstOrDefault(b => b.Code == code).Label;

    public static string? Of(int? population) => population switch
    {
        null => null,
        < 10_000 => "lt10k",
        < 50_000 => "10k-50k",
        < 100_000 => "50k-100k",
        < 250_000 => "100k-250k",
        < 500_000 => "250k-500k",
        _ => "gte500k",
    };
}
