using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>One indicator, one year, one peer group: ranked values, median and quartiles, where a member sits.</summary>
public sealed class IndexModel(ComparisonQueries queries, RtesDbContext db) : PageModel
{
    public const int PageSize = 25;

    public ComparisonRequest Selection { get; private set; } = null!;
    public ComparisonResult? Result { get; private set; }
    public RankChart? Chart { get; private set; }
    public string? Summary { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var parameters = ComparisonParameters.Parse(Request.Query);
        Selection = await ComparisonRequest.ResolveAsync(parameters, queries, db, cancellationToken);
        if (Selection is { Indicator: { } indicator, Year: { } year })
        {
            Result = await queries.CompareAsync(
                new ComparisonQuery(indicator.Code, year, Selection.PerCapita, Selection.Group, Selection.Focus?.Id, parameters.Page, PageSize),
                cancellationToken);
        }

        if (Result is not null)
        {
            Chart = RankChart.Build(Result, Selection.Focus?.Id);
            Summary = ComparisonSummary.Of(Result, Selection.Focus);
        }
    }

    public string PageLink(int page) => "/comparaisons" + Selection.Parameters.QueryString(page);

    public string ExportLink(string format) => $"/comparaisons/export.{format}" + Selection.Parameters.QueryString();
}
