using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>Who is looking: the public, or a member of the network (and the tenants whose private values are theirs).</summary>
public sealed record Viewer(bool IsNetworkMember, IReadOnlyList<Guid> OwnTenants)
{
    public static Viewer Public { get; } = new(false, []);

    public string Audience => IsNetworkMember ? Audiences.Network : Audiences.Public;
}

public sealed record ComparisonQuery(
    string IndicatorCode,
    int Year,
    bool PerCapita,
    PeerGroup Group,
    Guid? FocusTenantId = null,
    int Page = 1,
    int PageSize = 50);

/// <summary>A member of the comparison.</summary>
public sealed record ComparedMember(
    Guid TenantId,
    string Slug,
    string Name,
    TenantKind Kind,
    string? SirenOrInsee,
    string? RegionCode,
    string? RegionName,
    int? Population,
    int? PopulationVintage);

/// <summary>One member's value in a comparison. <see cref="Metric"/> is the value or the per-capita value.</summary>
public sealed record ComparisonRow(
    ComparedMember Member,
    int Year,
    decimal Value,
    double Metric,
    ValueVisibility Visibility,
    string? SourceTitle,
    string? SourceUrl,
    int? Rank);

/// <summary>Median, quartiles and extremes of the compared metric (value or per capita).</summary>
public sealed record Distribution(int Count, double Min, double Q1, double Median, double Q3, double Max, double? Total, long? Population)
{
    /// <summary>Where a metric sits, in French ("dans le quart supérieur", ...).</summary>
    public string PositionOf(double metric) =>
        Count <= 1 ? "la seule valeur du groupe" :
        metric >= Q3 ? "dans le quart supérieur" :
        metric >= Median ? "entre la médiane et le troisième quartile" :
        metric >= Q1 ? "entre le premier quartile et la médiane" :
        "dans le quart inférieur";
}

/// <summary>A member without a value for the year asked: its nearest year's value, or nothing.</summary>
public sealed record MissingMember(ComparedMember Member, int? NearestYear, decimal? NearestValue, double? NearestMetric);

public sealed record ComparisonResult(
    Indicator Indicator,
    int Year,
    bool PerCapita,
    PeerGroup Group,
    Distribution? Distribution,
    IReadOnlyList<ComparisonRow> Rows,
    int TotalRows,
    int Page,
    int PageSize,
    ComparisonRow? Focus,
    MissingMember? FocusMissing,
    IReadOnlyList<ComparisonRow> OwnPrivateRows,
    IReadOnlyList<MissingMember> Missing,
    int? PopulationVintage)
{
    public int PageCount => Math.Max(1, (TotalRows + PageSize - 1) / PageSize);
}

/// <summary>Statistics of one peer group for the grouped view (kind × région, ...).</summary>
public sealed record GroupStatistics(string GroupKey, TenantKind? Kind, string? RegionCode, string? Band, Distribution Distribution);

/// <summary>One year of a member's time series against its peer group.</summary>
public sealed record SeriesPoint(int Year, decimal? Value, double? Metric, Distribution? Group);
