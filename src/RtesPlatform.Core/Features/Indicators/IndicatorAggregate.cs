namespace RtesPlatform.Core.Features.Indicators;

/// <summary>
/// Pre-computed statistics of one indicator and year for one audience and peer group, written by
/// <c>app.refresh_indicator_aggregates</c> (never by the application). Quartiles by linear
/// interpolation (PostgreSQL percentile_cont).
/// </summary>
public sealed class IndicatorAggregate
{
    public required string IndicatorCode { get; init; }
    public int Year { get; init; }
    /// <summary>"public" (public values only) or "network" (public and network values).</summary>
    public required string Audience { get; init; }
    /// <summary>One of <see cref="PeerGroupKinds"/>.</summary>
    public required string GroupKind { get; init; }
    /// <summary>"" for all; "ca"; "44"; "ca|44"; "ca|100k-250k".</summary>
    public required string GroupKey { get; init; }
    public int MemberCount { get; init; }
    public double Total { get; init; }
    public double Min { get; init; }
    public double Q1 { get; init; }
    public double Median { get; init; }
    public double Q3 { get; init; }
    public double Max { get; init; }
    public int PerCapitaCount { get; init; }
    public long Population { get; init; }
    public double? PerCapitaMin { get; init; }
    public double? PerCapitaQ1 { get; init; }
    public double? PerCapitaMedian { get; init; }
    public double? PerCapitaQ3 { get; init; }
    public double? PerCapitaMax { get; init; }
    public DateTimeOffset RefreshedAt { get; init; }
}

/// <summary>The peer groupings the aggregates are computed for.</summary>
public static class PeerGroupKinds
{
    public const string All = "all";
    public const string Kind = "kind";
    public const string Region = "region";
    public const string KindRegion = "kind_region";
    public const string KindBand = "kind_band";
    /// <summary>Same kind and band in one région ("collectivités qui me ressemblent"); computed live, never pre-aggregated.</summary>
    public const string KindBandRegion = "kind_band_region";
}

/// <summary>The audiences of the aggregates.</summary>
public static class Audiences
{
    public const string Public = "public";
    public const string Network = "network";
}
