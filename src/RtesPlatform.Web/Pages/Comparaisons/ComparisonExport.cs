using System.Globalization;
using System.Text;
using System.Text.Json;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// The comparison files in JSON: the rows of <see cref="ComparisonTables"/> (snake_case) plus the
/// indicator, the peer group and the distribution. CSV, CSV for Excel and XLSX are written from
/// <see cref="ComparisonTables"/> by the Core writers.
/// </summary>
public static class ComparisonExport
{
    private static readonly JsonSerializerOptions _json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
                PerCapitaValue = ComparisonTables.PerCapitaValue(indicator, result.PerCapita, row),
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
