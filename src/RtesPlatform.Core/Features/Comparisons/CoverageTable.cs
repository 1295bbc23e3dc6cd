using RtesPlatform.Core.Features.Exports;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The network dashboard as a file (CSV, CSV for Excel, XLSX): one row per member of the filter,
/// then, for each indicator, the year of the member's latest value and that value (empty: none the
/// viewer may see), as on the page. The "Définitions" sheet names each indicator with its unit.
/// </summary>
public static class CoverageTable
{
    public static ExportTable Describe(IReadOnlyList<Indicator> indicators, string filterLabel, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var columns = new List<ExportColumn>
        {
            new("tenant_slug", "Identifiant", ExportType.Text, "Identifiant de la collectivité (adresse de sa fiche : /collectivites/identifiant)."),
            new("tenant_name", "Collectivité", ExportType.Text, "Nom de la collectivité membre."),
            new("tenant_kind", "Type", ExportType.Text, "Type de collectivité."),
            new("region_name", "Région", ExportType.Text, "Région de la collectivité."),
            new("origin", "Origine des données", ExportType.Text, "reference : collectivité réelle ; synthetic : données fictives de démonstration."),
        };
        foreach (var indicator in indicators)
        {
            columns.Add(new($"{indicator.Code}_year", $"{indicator.LabelFr} — année", ExportType.Year,
                $"Année de la valeur la plus récente de « {indicator.LabelFr} » (vide : aucune valeur visible)."));
            columns.Add(new($"{indicator.Code}_value", $"{indicator.LabelFr} — valeur ({ExportUnits.French(indicator.Unit)})", ExportType.Number,
                $"Valeur de cette année-là, en {ExportUnits.French(indicator.Unit)}."));
        }

        return new ExportTable(
            "Tableau de bord du réseau : année de la dernière valeur de chaque indicateur, par membre",
            "Tableau de bord",
            columns,
            [
                new ExportNote("Membres", filterLabel),
                new ExportNote("Produit le", FrenchFormat.DateTime(generatedAt) + " (heure de Paris)"),
                new ExportNote("Valeurs", "Valeurs publiques, et pour les membres du réseau celles qui lui sont réservées ; jamais les valeurs privées."),
                .. indicators.Select(i => new ExportNote(i.LabelFr, i.Definition)),
            ]);
    }

    public static async Task WriteAsync(IRowWriter writer, CoverageMatrix matrix, IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(indicators);
        foreach (var member in matrix.Members)
        {
            writer.Text(member.Slug);
            writer.Text(member.Name);
            writer.Code(TenantKindLabels.Code(member.Kind), TenantKindLabels.French(member.Kind));
            writer.Text(member.RegionName);
            writer.Code(member.IsFictitious ? "synthetic" : "reference", member.IsFictitious ? "Données fictives de démonstration" : "Collectivité réelle");
            foreach (var indicator in indicators)
            {
                var cell = matrix.Cell(member.TenantId, indicator.Code);
                writer.WholeNumber(cell?.Year);
                writer.Number(cell?.Value);
            }

            await writer.EndRowAsync(cancellationToken);
        }
    }
}
