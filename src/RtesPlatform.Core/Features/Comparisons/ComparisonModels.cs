using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>Who is looking: the public, or a member of the network (and the tenants whose private values are theirs).</summary>
public sealed record Viewer(bool IsNetworkMember, IReadOnlyList<Guid> OwnTenants)
{
    public static Viewer Public { get; } = new(false, []);

    public string Audience => IsNetworkMember ? Audiences.Network : Audiences.Public;
}

/// <summary>
/// One comparison asked: an indicator over a window of years, as values or per capita, in a peer
/// group (a "similar" group — same kind, band and région — widens when too small), with an
/// optional member in focus and a page of the ranking.
/// </summary>
public sealed record ComparisonQuery(
    string IndicatorCode,
    ComparisonWindow Window,
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
    int? PopulationVintage,
    bool IsFictitious = false);

/// <summary>
/// One member's value in a comparison: the most recent one in the window (<see cref="Year"/> says
/// which). <see cref="Metric"/> is the value or the per-capita value; <see cref="Origin"/>
/// <c>Synthetic</c> marks fictitious demonstration figures.
/// </summary>
public sealed record ComparisonRow(
    ComparedMember Member,
    int Year,
    decimal Value,
    double Metric,
    ValueVisibility Visibility,
    string? SourceTitle,
    string? SourceUrl,
    int? Rank,
    ValueOrigin Origin = ValueOrigin.Fiche)
{
    /// <summary>"Données fictives de démonstration": never to be read as a member's real figure.</summary>
    public bool IsFictitious => Origin == ValueOrigin.Synthetic || Member.IsFictitious;

    /// <summary>Whether the per-capita value divides by a population of another year than the value's.</summary>
    public bool PopulationVintageDiffers => Member.PopulationVintage is { } vintage && vintage != Year;
}

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

/// <summary>
/// A member of the group without a value in the window: its most recent earlier value (at most ten
/// years before the end year), shown with its year and never ranked, or nothing.
/// </summary>
public sealed record MissingMember(ComparedMember Member, int? NearestYear, decimal? NearestValue, double? NearestMetric);

/// <summary>
/// A comparison: the ranked rows of one page (each with the year of its value), the distribution
/// of the values shown (median, quartiles), the focus member's row, and the members of the group
/// without a value in the window (listed, not ranked: <see cref="Missing"/> holds the first
/// <see cref="ComparisonQueries.MissingListed"/> by name, <see cref="MissingCount"/> counts them all).
/// <see cref="Group"/> is the group compared — after widening, for a "similar" group;
/// <see cref="Widening"/> the steps tried, with how many members had a value in each.
/// </summary>
public sealed record ComparisonResult(
    Indicator Indicator,
    ComparisonWindow Window,
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
    int MissingCount,
    YearSpan? YearsShown,
    IReadOnlyList<PeerGroupStep> Widening,
    int? PopulationVintage)
{
    public int PageCount => Math.Max(1, (TotalRows + PageSize - 1) / PageSize);

    /// <summary>The end year of the window (the year, for one year only).</summary>
    public int Year => Window.EndYear;

    /// <summary>Whether the group asked had too few members with a value and a wider one is compared.</summary>
    public bool WasWidened => Widening.Count > 1;

    /// <summary>Whether some per-capita value divides by a population of another year than the value's.</summary>
    public bool PopulationVintageDiffers => PerCapita && Rows.Any(r => r.PopulationVintageDiffers);
}

/// <summary>The years the values shown come from (the first and the last).</summary>
public sealed record YearSpan(int From, int To);

/// <summary>One step of a widening peer group: the group tried and how many members have a value in it.</summary>
public sealed record PeerGroupStep(PeerGroup Group, int MembersWithValue);

/// <summary>Statistics of one peer group for the grouped view (kind × région, ...).</summary>
public sealed record GroupStatistics(string GroupKey, TenantKind? Kind, string? RegionCode, string? Band, Distribution Distribution);

/// <summary>One year of a member's time series against its peer group.</summary>
public sealed record SeriesPoint(int Year, decimal? Value, double? Metric, Distribution? Group);
