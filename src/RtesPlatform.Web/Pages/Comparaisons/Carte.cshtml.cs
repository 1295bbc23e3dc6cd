using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// The map of members by département: where the members are and, with an indicator, a choropleth
/// of the départements' medians of the members' latest values (per capita when asked), with its
/// legend, its text summary and its table. The parameters are those of the comparisons
/// (indicateur, fin, fenetre, par-habitant); without an indicator the map shows the members only.
/// </summary>
public sealed class CarteModel(ComparisonQueries queries, ComparisonMap map, DepartementOutlines outlines, RtesDbContext db) : PageModel
{
    public const string CreditUrl = "https://github.com/VictorCazanave/svg-maps/tree/master/packages/france.departments";
    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/deed.fr";

    public ComparisonParameters Parameters { get; private set; } = null!;
    public ComparisonRequest? Selection { get; private set; }
    public IReadOnlyList<Indicator> Catalogue { get; private set; } = [];
    public ComparisonMapResult Result { get; private set; } = null!;
    public MapChart Chart { get; private set; } = null!;
    public string Summary { get; private set; } = string.Empty;
    public string MapPackageVersion => outlines.PackageVersion;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Parameters = ComparisonParameters.Parse(Request.Query);
        if (Parameters.IndicatorCode is null)
        {
            Catalogue = await queries.CatalogueAsync(cancellationToken);
            Result = await map.MapAsync(null, null, false, cancellationToken);
        }
        else
        {
            Selection = await ComparisonRequest.ResolveAsync(Parameters, queries, db, cancellationToken, suggestMembers: false);
            Catalogue = Selection.Catalogue;
            Result = await map.MapAsync(Selection.Indicator, Selection.Window, Selection.PerCapita, cancellationToken);
        }

        Chart = MapChart.Build(Result, outlines);
        Summary = MapText.Summary(Result);
    }

    public IReadOnlyList<string> Errors => Selection?.Errors ?? Parameters.Errors;

    public IReadOnlyList<string> Notices => Selection?.Notices ?? [];

    /// <summary>The ranking of the same indicator and window.</summary>
    public string ComparisonLink() => "/comparaisons" + Parameters.MapQueryString();
}
