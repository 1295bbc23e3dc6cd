using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>One indicator over a window of years, one peer group: ranked latest values, median and quartiles, where a member sits.</summary>
public sealed class IndexModel(ComparisonQueries queries, RtesDbContext db) : PageModel
{
    public const int PageSize = 25;

    public ComparisonRequest Selection { get; private set; } = null!;
    public ComparisonResult? Result { get; private set; }
    public RankChart? Chart { get; private set; }
    public string? Summary { get; private set; }
    public string? SummaryNotes { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var parameters = ComparisonParameters.Parse(Request.Query);
        Selection = await ComparisonRequest.ResolveAsync(parameters, queries, db, cancellationToken);
        if (Selection is { Indicator: { } indicator, Window: { } window })
        {
            Result = await queries.CompareAsync(
                new ComparisonQuery(indicator.Code, window, Selection.PerCapita, Selection.Group, Selection.Focus?.Id, parameters.Page, PageSize),
                cancellationToken);
        }

        if (Result is not null)
        {
            Chart = RankChart.Build(Result, Selection.Focus?.Id);
            (Summary, SummaryNotes) = ComparisonSummary.Parts(Result, Selection.Focus);
        }
    }

    /// <summary>Which group is compared, and why when a "similar" group was widened.</summary>
    public string GroupSentence() => Result is null ? string.Empty : PeerGroupExplanation.Of(Result.Group, Result.Widening, Selection.RegionName);

    /// <summary>The address of this view for another indicator the focus member has values of.</summary>
    public string IndicatorLink(string code)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Selection.Parameters.QueryString());
        query["indicateur"] = code;
        query.Remove("fin");
        query.Remove("p");
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/comparaisons", query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
    }

    public string PageLink(int page) => "/comparaisons" + Selection.Parameters.QueryString(page);

    public string ExportLink(string format) => $"/comparaisons/export.{format}" + Selection.Parameters.QueryString();
}
