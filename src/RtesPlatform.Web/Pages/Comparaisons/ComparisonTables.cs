using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Exports;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// The rows of the three comparison views (classement, groupes, evolution), written once for every
/// tabular format (CSV, CSV for Excel, XLSX) through an <see cref="IRowWriter"/>: columns with
/// their CSV name, French label and meaning, and the notes of the XLSX "Définitions" sheet
/// (indicator, its definition, the group compared, the sources of the values).
/// </summary>
public static class ComparisonTables
{
    public static ExportTable Ranking(ComparisonRequest selection, IReadOnlyList<ComparisonRow> rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(rows);
        var indicator = selection.Indicator!;
        var perCapita = indicator.PerCapitaBase is { } b ? ComparisonFormat.PerCapitaBase(b) : "par habitant";
        ExportColumn[] columns =
        [
            new("rank", "Rang", ExportType.WholeNumber, "Rang dans le classement (1 = valeur comparée la plus élevée)"),
            .. _memberColumns,
            new("indicator_code", "Code de l’indicateur", ExportType.Text, "Code stable de l’indicateur"),
            new("indicator_label", "Indicateur", ExportType.Text, "Libellé de l’indicateur"),
            new("unit", "Unité", ExportType.Text, "Unité de la valeur (CSV : EUR, persons, count, percent, fte, hours)"),
            new("year", "Année", ExportType.Year, "Année de la valeur (la plus récente de la période)"),
            new("value", "Valeur", ExportType.Number, "Valeur publiée par la collectivité"),
            new("per_capita_base", "Base par habitants", ExportType.WholeNumber, "Nombre d’habitants de la valeur par habitant (1, 1 000, 10 000, 100 000) ; vide si l’indicateur ne se divise pas"),
            new("per_capita_value", $"Valeur {perCapita}", ExportType.Computed, "Valeur divisée par la population légale, multipliée par la base"),
            new("source_title", "Source", ExportType.Text, "Source de la valeur"),
            new("source_url", "Adresse de la source", ExportType.Text, "Adresse de la source"),
            new("visibility", "Visibilité", ExportType.Text, "public, network (réservée au réseau), private (la collectivité seule)"),
            new("origin", "Origine", ExportType.Text, "fiche (tirée de la fiche publiée), manual (saisie par la collectivité), synthetic (données fictives de démonstration)"),
        ];
        var window = selection.Window!;
        var notes = IndicatorNotes(indicator, selection.PerCapita, now).ToList();
        notes.Insert(2, new("Période", window.IsSingleYear ? $"{window.EndYear}" : $"{window.FirstYear} à {window.EndYear} (valeur la plus récente de chaque membre)"));
        notes.Insert(3, new("Groupe comparé", selection.GroupLabel()));
        notes.AddRange(SourceNotes(rows));
        return new("Comparaison : " + indicator.LabelFr, "Classement", columns, notes);
    }

    public static async Task WriteRankingAsync(IRowWriter writer, Indicator indicator, bool perCapita, IReadOnlyList<ComparisonRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            writer.WholeNumber(row.Rank);
            WriteMember(writer, row.Member);
            writer.Text(indicator.Code);
            writer.Text(indicator.LabelFr);
            writer.Code(ComparisonFormat.UnitCode(indicator.Unit), ExportUnits.French(indicator.Unit));
            writer.WholeNumber(row.Year);
            writer.Number(row.Value);
            writer.WholeNumber(indicator.PerCapitaBase);
            writer.Number(PerCapitaValue(indicator, perCapita, row));
            writer.Text(row.SourceTitle);
            writer.Text(row.SourceUrl);
            writer.Code(ComparisonFormat.VisibilityCode(row.Visibility), ComparisonFormat.Visibility(row.Visibility));
            writer.Code(ComparisonFormat.OriginCode(row.Origin), OriginLabel(row));
            await writer.EndRowAsync(cancellationToken);
        }
    }

    public static ExportTable Groups(ComparisonRequest selection, string grouping, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var indicator = selection.Indicator!;
        var metric = selection.PerCapita && indicator.PerCapitaBase is { } b ? "valeur " + ComparisonFormat.PerCapitaBase(b) : "valeur";
        ExportColumn[] columns =
        [
            new("grouping", "Regroupement", ExportType.Text, "type-region, type, region ou type-strate"),
            new("group_key", "Clé du groupe", ExportType.Text, "Identifiant du groupe (type, région, strate)"),
            new("tenant_kind", "Type", ExportType.Text, "Type de collectivité du groupe"),
            new("region_code", "Code région", ExportType.Text, "Code INSEE de la région du groupe"),
            new("region_name", "Région", ExportType.Text, "Région du groupe"),
            new("population_band", "Strate de population", ExportType.Text, "Strate de population du groupe"),
            new("indicator_code", "Code de l’indicateur", ExportType.Text, "Code stable de l’indicateur"),
            new("unit", "Unité", ExportType.Text, "Unité des statistiques (CSV : EUR, persons, count, percent, fte, hours)"),
            new("year", "Année", ExportType.Year, "Année des valeurs"),
            new("per_capita_base", "Base par habitants", ExportType.WholeNumber, "Nombre d’habitants des valeurs par habitant ; vide pour les valeurs brutes"),
            new("count", "Membres", ExportType.WholeNumber, "Nombre de membres du groupe ayant une valeur"),
            new("min", "Minimum", ExportType.Computed, $"Plus petite {metric} du groupe"),
            new("q1", "Premier quartile", ExportType.Computed, $"Premier quartile de la {metric}"),
            new("median", "Médiane", ExportType.Computed, $"Médiane de la {metric}"),
            new("q3", "Troisième quartile", ExportType.Computed, $"Troisième quartile de la {metric}"),
            new("max", "Maximum", ExportType.Computed, $"Plus grande {metric} du groupe"),
        ];
        var notes = IndicatorNotes(indicator, selection.PerCapita, now).ToList();
        notes.Insert(2, new("Année", $"{selection.Year}"));
        notes.Insert(3, new("Regroupement", ComparisonParameters.GroupingOptions.First(o => o.Code == grouping).Label));
        notes.Add(new("Sources", "Valeurs publiées par les collectivités membres (leur fiche ou leur espace) ; la source de chaque valeur figure dans l’export du classement."));
        return new("Médianes et quartiles : " + indicator.LabelFr, "Groupes", columns, notes);
    }

    public static async Task WriteGroupsAsync(IRowWriter writer, ComparisonRequest selection, string grouping, IReadOnlyList<GroupStatistics> groups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(groups);
        var indicator = selection.Indicator!;
        var groupingLabel = ComparisonParameters.GroupingOptions.First(o => o.Code == grouping).Label;
        foreach (var g in groups)
        {
            writer.Code(grouping, groupingLabel);
            writer.Text(g.GroupKey);
            writer.Code(g.Kind is { } k ? TenantKindLabels.Code(k) : null, g.Kind is { } kind ? TenantKindLabels.French(kind) : null);
            writer.Text(g.RegionCode);
            writer.Text(selection.RegionName(g.RegionCode));
            writer.Code(g.Band, PopulationBands.Label(g.Band));
            writer.Text(indicator.Code);
            writer.Code(ComparisonFormat.UnitCode(indicator.Unit), ExportUnits.French(indicator.Unit, selection.PerCapita ? indicator.PerCapitaBase : null));
            writer.WholeNumber(selection.Year);
            writer.WholeNumber(selection.PerCapita ? indicator.PerCapitaBase : null);
            writer.WholeNumber(g.Distribution.Count);
            WriteDistribution(writer, g.Distribution);
            await writer.EndRowAsync(cancellationToken);
        }
    }

    public static ExportTable Series(ComparisonRequest selection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var indicator = selection.Indicator!;
        var metric = selection.PerCapita && indicator.PerCapitaBase is { } b ? "Valeur " + ComparisonFormat.PerCapitaBase(b) : "Valeur comparée";
        ExportColumn[] columns =
        [
            new("tenant_slug", "Identifiant", ExportType.Text, "Identifiant de la fiche de la collectivité"),
            new("indicator_code", "Code de l’indicateur", ExportType.Text, "Code stable de l’indicateur"),
            new("unit", "Unité", ExportType.Text, "Unité de la valeur (CSV : EUR, persons, count, percent, fte, hours)"),
            new("year", "Année", ExportType.Year, "Année"),
            new("value", "Valeur", ExportType.Number, "Valeur publiée par la collectivité cette année-là"),
            new("per_capita_base", "Base par habitants", ExportType.WholeNumber, "Nombre d’habitants des valeurs par habitant ; vide pour les valeurs brutes"),
            new("member_metric", metric, ExportType.Computed, "Valeur comparée de la collectivité (par habitant si demandé)"),
            new("group_count", "Membres du groupe", ExportType.WholeNumber, "Nombre de membres du groupe ayant une valeur cette année-là"),
            new("group_q1", "Premier quartile du groupe", ExportType.Computed, "Premier quartile de la valeur comparée dans le groupe"),
            new("group_median", "Médiane du groupe", ExportType.Computed, "Médiane de la valeur comparée dans le groupe"),
            new("group_q3", "Troisième quartile du groupe", ExportType.Computed, "Troisième quartile de la valeur comparée dans le groupe"),
        ];
        var notes = IndicatorNotes(indicator, selection.PerCapita, now).ToList();
        notes.Insert(2, new("Collectivité", $"{selection.Focus!.Name} ({selection.Focus.Slug})"));
        notes.Insert(3, new("Groupe comparé", selection.GroupLabel()));
        notes.Add(new("Sources", "Valeurs publiées par les collectivités membres (leur fiche ou leur espace) ; la source de chaque valeur figure dans l’export du classement."));
        return new($"Évolution : {indicator.LabelFr}, {selection.Focus.Name}", "Évolution", columns, notes);
    }

    public static async Task WriteSeriesAsync(IRowWriter writer, ComparisonRequest selection, IReadOnlyList<SeriesPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(points);
        var indicator = selection.Indicator!;
        foreach (var p in points)
        {
            writer.Text(selection.Focus!.Slug);
            writer.Text(indicator.Code);
            writer.Code(ComparisonFormat.UnitCode(indicator.Unit), ExportUnits.French(indicator.Unit));
            writer.WholeNumber(p.Year);
            writer.Number(p.Value);
            writer.WholeNumber(selection.PerCapita ? indicator.PerCapitaBase : null);
            writer.Number(p.Metric);
            writer.WholeNumber(p.Group?.Count);
            writer.Number(p.Group?.Q1);
            writer.Number(p.Group?.Median);
            writer.Number(p.Group?.Q3);
            await writer.EndRowAsync(cancellationToken);
        }
    }

    public static double? PerCapitaValue(Indicator indicator, bool perCapita, ComparisonRow row)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(row);
        return perCapita ? row.Metric
            : indicator.PerCapitaBase is { } b && row.Member.Population is > 0 and var population
                ? (double)row.Value * b / population
                : null;
    }

    private static readonly ExportColumn[] _memberColumns =
    [
        new("tenant_slug", "Identifiant", ExportType.Text, "Identifiant de la fiche sur la plateforme (/collectivites/{identifiant})"),
        new("tenant_name", "Collectivité", ExportType.Text, "Nom officiel"),
        new("tenant_kind", "Type", ExportType.Text, "Type de collectivité (CSV : commune, cc, ca, cu, metropole, ept, departement, region)"),
        new("siren_or_insee", "SIREN ou code INSEE", ExportType.Text, "SIREN (intercommunalités, communes) ou code INSEE (départements, régions), en texte"),
        new("region_code", "Code région", ExportType.Text, "Code INSEE de la région"),
        new("region_name", "Région", ExportType.Text, "Région"),
        new("population", "Population", ExportType.WholeNumber, "Population légale (INSEE)"),
        new("population_vintage", "Millésime de la population", ExportType.Year, "Millésime de la population légale"),
    ];

    private static void WriteMember(IRowWriter writer, ComparedMember m)
    {
        writer.Text(m.Slug);
        writer.Text(m.Name);
        writer.Code(TenantKindLabels.Code(m.Kind), TenantKindLabels.French(m.Kind));
        writer.Text(m.SirenOrInsee);
        writer.Text(m.RegionCode);
        writer.Text(m.RegionName);
        writer.WholeNumber(m.Population);
        writer.WholeNumber(m.PopulationVintage);
    }

    private static void WriteDistribution(IRowWriter writer, Distribution d)
    {
        writer.Number(d.Min);
        writer.Number(d.Q1);
        writer.Number(d.Median);
        writer.Number(d.Q3);
        writer.Number(d.Max);
    }

    private static string OriginLabel(ComparisonRow row) => row.IsFictitious ? "fictive (démonstration)"
        : row.Origin == ValueOrigin.Manual ? "saisie par la collectivité" : "fiche publiée";

    /// <summary>Indicator, unit, (two slots the caller fills), definition, export date.</summary>
    private static IEnumerable<ExportNote> IndicatorNotes(Indicator indicator, bool perCapita, DateTimeOffset now)
    {
        yield return new("Indicateur", $"{indicator.LabelFr} ({indicator.Code})");
        yield return new("Unité", perCapita && indicator.PerCapitaBase is { } b
            ? $"{ExportUnits.French(indicator.Unit, b)} (valeurs divisées par la population légale)"
            : ExportUnits.French(indicator.Unit));
        yield return new("Définition", indicator.Definition);
        yield return new("Visibilité", "Seules les valeurs que vous pouviez voir lors de l’export y figurent : publiques, et réservées au réseau pour un membre connecté.");
        yield return new("Exporté le", Core.FrenchFormat.DateTime(now));
    }

    private static IEnumerable<ExportNote> SourceNotes(IReadOnlyList<ComparisonRow> rows)
    {
        var sources = rows.Where(r => !string.IsNullOrWhiteSpace(r.SourceTitle) || !string.IsNullOrWhiteSpace(r.SourceUrl))
            .Select(r => string.Join(" — ", new[] { r.SourceTitle, r.SourceUrl }.Where(s => !string.IsNullOrWhiteSpace(s))))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (sources.Count == 0)
        {
            yield return new("Sources", "Valeurs publiées par les collectivités membres (leur fiche ou leur espace).");
            yield break;
        }

        foreach (var source in sources)
        {
            yield return new("Source", source);
        }
    }
}
