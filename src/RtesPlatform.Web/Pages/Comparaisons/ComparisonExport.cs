using System.Globalization;
using System.Text;
using System.Text.Json;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// The comparison files. CSV (UTF-8 without BOM, comma, CRLF, header row, decimal point, text
/// quoted) — columns of the ranking: rank, tenant_slug, tenant_name, tenant_kind, siren_or_insee
/// (text), region_code, region_name, population, population_vintage, indicator_code,
/// indicator_label, unit, year, value, per_capita_base, per_capita_value, source_title, source_url,
/// visibility, origin ("synthetic": fictitious demonstration figures). JSON: the same rows (snake_case) plus the indicator, the peer group and the distribution.
/// </summary>
public static class ComparisonExport
{
    private static readonly JsonSerializerOptions _json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly string[] RankingColumns =
    [
        "rank", "tenant_slug", "tenant_name", "tenant_kind", "siren_or_insee", "region_code", "region_name", "population",
        "population_vintage", "indicator_code", "indicator_label", "unit", "year", "value", "per_capita_base",
        "per_capita_value", "source_title", "source_url", "visibility", "origin",
    ];

    public static string RankingCsv(Indicator indicator, bool perCapita, IReadOnlyList<ComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new CsvText().Header(RankingColumns);
        foreach (var row in rows)
        {
            var m = row.Member;
            csv.Number(row.Rank).Text(m.Slug).Text(m.Name).Text(TenantKindLabels.Code(m.Kind)).Text(m.SirenOrInsee)
                .Text(m.RegionCode).Text(m.RegionName).Number(m.Population).Number(m.PopulationVintage)
                .Text(indicator.Code).Text(indicator.LabelFr).Text(ComparisonFormat.UnitCode(indicator.Unit)).Number(row.Year)
                .Number(row.Value).Number(indicator.PerCapitaBase).Number(PerCapitaValue(indicator, perCapita, row))
                .Text(row.SourceTitle).Text(row.SourceUrl).Text(ComparisonFormat.VisibilityCode(row.Visibility))
                .Text(ComparisonFormat.OriginCode(row.Origin)).EndLine();
        }

        return csv.ToString();
    }

    public static string RankingJson(ComparisonRequest selection, ComparisonResult result, IReadOnlyList<ComparisonRow> rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rows);
        var indicator = result.Indicator;
        return JsonSerializer.Serialize(new
        {
            ExportedAt = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Indicator = IndicatorJson(indicator),
            result.Year,
            Window = new { FirstYear = result.Window.FirstYear, EndYear = result.Window.EndYear, Years = result.Window.Years },
            YearsShown = result.YearsShown is { } span ? new { span.From, span.To } : null,
            result.PerCapita,
            PopulationVintage = result.PopulationVintage,
            Group = new
            {
                Kind = result.Group.GroupKind,
                Key = result.Group.AggregateKey,
                Label = selection.Describe(result.Group),
                Explanation = PeerGroupExplanation.Of(result.Group, result.Widening, selection.RegionName),
            },
            Distribution = result.Distribution is { } d ? DistributionJson(d) : null,
            Rows = rows.Select(row => new
            {
                row.Rank,
                TenantSlug = row.Member.Slug,
                TenantName = row.Member.Name,
                TenantKind = TenantKindLabels.Code(row.Member.Kind),
                row.Member.SirenOrInsee,
                row.Member.RegionCode,
                row.Member.RegionName,
                row.Member.Population,
                row.Member.PopulationVintage,
                IndicatorCode = indicator.Code,
                Unit = ComparisonFormat.UnitCode(indicator.Unit),
                row.Year,
                Value = ComparisonFormat.Normalize(row.Value),
                indicator.PerCapitaBase,
                PerCapitaValue = PerCapitaValue(indicator, result.PerCapita, row),
                row.SourceTitle,
                row.SourceUrl,
                Visibility = ComparisonFormat.VisibilityCode(row.Visibility),
                Origin = ComparisonFormat.OriginCode(row.Origin),
                FictitiousDemoData = row.IsFictitious,
            }),
            MissingMembers = result.Missing.Select(m => new
            {
                TenantSlug = m.Member.Slug,
                TenantName = m.Member.Name,
                NearestYear = m.NearestYear,
                NearestValue = m.NearestValue is { } v ? ComparisonFormat.Normalize(v) : (decimal?)null,
            }),
        }, _json);
    }

    public static readonly string[] GroupColumns =
    [
        "grouping", "group_key", "tenant_kind", "region_code", "region_name", "population_band", "indicator_code", "unit", "year",
        "per_capita_base", "count", "min", "q1", "median", "q3", "max",
    ];

    public static string GroupsCsv(ComparisonRequest selection, string grouping, IReadOnlyList<GroupStatistics> groups)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(groups);
        var indicator = selection.Indicator!;
        var csv = new CsvText().Header(GroupColumns);
        foreach (var g in groups)
        {
            csv.Text(grouping).Text(g.GroupKey).Text(g.Kind is { } k ? TenantKindLabels.Code(k) : null).Text(g.RegionCode)
                .Text(selection.RegionName(g.RegionCode)).Text(g.Band).Text(indicator.Code).Text(ComparisonFormat.UnitCode(indicator.Unit))
                .Number(selection.Year).Number(selection.PerCapita ? indicator.PerCapitaBase : null)
                .Number(g.Distribution.Count).Number(g.Distribution.Min).Number(g.Distribution.Q1).Number(g.Distribution.Median)
                .Number(g.Distribution.Q3).Number(g.Distribution.Max).EndLine();
        }

        return csv.ToString();
    }

    public static string GroupsJson(ComparisonRequest selection, string grouping, IReadOnlyList<GroupStatistics> groups, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(groups);
        return JsonSerializer.Serialize(new
        {
            ExportedAt = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Indicator = IndicatorJson(selection.Indicator!),
            selection.Year,
            selection.PerCapita,
            Grouping = grouping,
            Groups = groups.Select(g => new
            {
                g.GroupKey,
                TenantKind = g.Kind is { } k ? TenantKindLabels.Code(k) : null,
                g.RegionCode,
                RegionName = selection.RegionName(g.RegionCode),
                PopulationBand = g.Band,
                Distribution = DistributionJson(g.Distribution),
            }),
        }, _json);
    }

    public static readonly string[] SeriesColumns =
    [
        "tenant_slug", "indicator_code", "unit", "year", "value", "per_capita_base", "member_metric",
        "group_count", "group_q1", "group_median", "group_q3",
    ];

    public static string SeriesCsv(ComparisonRequest selection, IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(points);
        var indicator = selection.Indicator!;
        var csv = new CsvText().Header(SeriesColumns);
        foreach (var p in points)
        {
            csv.Text(selection.Focus!.Slug).Text(indicator.Code).Text(ComparisonFormat.UnitCode(indicator.Unit)).Number(p.Year)
                .Number(p.Value).Number(selection.PerCapita ? indicator.PerCapitaBase : null).Number(p.Metric)
                .Number(p.Group?.Count).Number(p.Group?.Q1).Number(p.Group?.Median).Number(p.Group?.Q3).EndLine();
        }

        return csv.ToString();
    }

    public static string SeriesJson(ComparisonRequest selection, IReadOnlyList<SeriesPoint> points, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(points);
        return JsonSerializer.Serialize(new
        {
            ExportedAt = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Indicator = IndicatorJson(selection.Indicator!),
            TenantSlug = selection.Focus!.Slug,
            TenantName = selection.Focus.Name,
            selection.PerCapita,
            Group = new { Kind = selection.Group.GroupKind, Key = selection.Group.AggregateKey, Label = selection.GroupLabel() },
            Points = points.Select(p => new
            {
                p.Year,
                Value = p.Value is { } v ? ComparisonFormat.Normalize(v) : (decimal?)null,
                MemberMetric = p.Metric,
                GroupDistribution = p.Group is { } d ? DistributionJson(d) : null,
            }),
        }, _json);
    }

    public static byte[] Utf8(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);

    private static double? PerCapitaValue(Indicator indicator, bool perCapita, ComparisonRow row) =>
        perCapita ? row.Metric
        : indicator.PerCapitaBase is { } b && row.Member.Population is > 0 and var population
            ? (double)row.Value * b / population
            : null;

    private static object IndicatorJson(Indicator indicator) => new
    {
        indicator.Code,
        Label = indicator.LabelFr,
        Unit = ComparisonFormat.UnitCode(indicator.Unit),
        indicator.PerCapitaBase,
        indicator.Definition,
    };

    private static object DistributionJson(Distribution d) => new { d.Count, d.Min, d.Q1, d.Median, d.Q3, d.Max, d.Total, d.Population };
}
